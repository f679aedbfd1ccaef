#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
# Quick start: installs what is missing, builds into _build and runs Shortlist
# from the build directory. Extra arguments are passed to the application.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "shortlist: no display found — run this from a desktop session (the tests run headless: build-aux/test.sh)" >&2
  exit 1
fi

# shellcheck source=build-aux/deps.sh
source build-aux/deps.sh
shortlist_install_deps "${SHORTLIST_BUILD_DEPS[@]}" "${SHORTLIST_RUN_DEPS[@]}"

builddir=_build
if [ ! -f "$builddir/build.ninja" ]; then
  if [ -d "$builddir" ]; then
    meson setup --wipe "$builddir"
  else
    meson setup "$builddir"
  fi
fi
# Reconfigures by itself when a meson.build changed.
meson compile -C "$builddir"

# The compiled GSettings schema lives in the build directory until installed.
export GSETTINGS_SCHEMA_DIR="$root/$builddir/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
# So are the translations.
export SHORTLIST_LOCALEDIR="$root/$builddir/po"
export SHORTLIST_MODULEDIR="$root/$builddir/src/io"
# F1 opens help:shortlist, which Yelp looks for in $XDG_DATA_DIRS/help/LANG/shortlist: the
# English pages from the sources, the translated ones as the build merged them.
helpdata=$root/$builddir/help-data
rm -rf "$helpdata"
mkdir -p "$helpdata/help/C"
ln -s "$root/help/C" "$helpdata/help/C/shortlist"
while IFS= read -r lang || [ -n "$lang" ]; do
  lang=${lang//[[:space:]]/}
  if [ -z "$lang" ] || [ ! -d "$builddir/help/$lang" ]; then
    continue
  fi
  mkdir -p "$helpdata/help/$lang"
  ln -s "$root/$builddir/help/$lang" "$helpdata/help/$lang/shortlist"
done <help/LINGUAS
export XDG_DATA_DIRS="$helpdata:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
exec "$builddir/src/shortlist" "$@"
