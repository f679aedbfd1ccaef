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
shortlist_install_deps "${SHORTLIST_BUILD_DEPS[@]}"

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
exec "$builddir/src/shortlist" "$@"
