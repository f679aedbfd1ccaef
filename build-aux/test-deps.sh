#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
# Tests build-aux/deps.sh as on a system without dpkg and apt (Fedora, Arch): with a PATH that
# holds only the tools it may use, everything present must pass silently; a missing library
# must fail with the Fedora and Arch packages to install. Then as on Debian, with stand-ins for
# dpkg-query, apt-get and sudo that record their calls: nothing is installed when all is there,
# and only what is missing otherwise.
#
# Usage: build-aux/test-deps.sh [SOURCE_ROOT]
set -uo pipefail

srcroot=${1:-$(cd "$(dirname "$0")/.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

fail() {
  echo "FAIL: $*"
  failed=1
}

# The tools deps.sh runs, and the programs the build dependencies are recognised by (those the
# build needs are there, since it was built)
bin=$tmp/bin
mkdir -p "$bin"
for tool in bash env grep id pkg-config python3 \
  meson ninja cc gcc msgfmt appstreamcli desktop-file-validate glib-compile-schemas \
  glib-compile-resources itstool yelp-check; do
  path=$(command -v "$tool") && ln -s "$path" "$bin/$tool"
done
for forbidden in apt-get dpkg-query dpkg sudo; do
  [ -e "$bin/$forbidden" ] && fail "$forbidden is in the test's PATH"
done

run_deps() {
  # run_deps PATH PACKAGE...: deps.sh's function in a clean shell, its output in $tmp/out
  local path=$1
  shift
  local pc=()
  [ -n "${PKG_CONFIG_LIBDIR+set}" ] && pc+=(PKG_CONFIG_LIBDIR="$PKG_CONFIG_LIBDIR")
  env -i PATH="$path" HOME="$tmp" PKG_CONFIG_PATH="${PKG_CONFIG_PATH:-}" "${pc[@]}" \
    "$bin/bash" -c 'source "$0"/build-aux/deps.sh && shortlist_install_deps "$@"' \
    "$srcroot" "$@" >"$tmp/out" 2>&1
}

build_deps=$(bash -c 'source "$0"/build-aux/deps.sh && echo "${SHORTLIST_BUILD_DEPS[*]}"' "$srcroot")
read -r -a build_deps <<<"$build_deps"

# 1. No dpkg or apt, everything there: success, and not a word
if ! run_deps "$bin" "${build_deps[@]}"; then
  fail "everything present, no apt: deps.sh failed:"
  sed 's/^/  /' "$tmp/out"
elif [ -s "$tmp/out" ]; then
  fail "everything present, no apt: deps.sh printed:"
  sed 's/^/  /' "$tmp/out"
fi

# 2. No dpkg or apt, a library missing (pkg-config finds no module at all): failure, with
# the packages for Fedora and Arch
if ! PKG_CONFIG_LIBDIR=$tmp/none run_deps "$bin" libgtk-4-dev libjson-glib-dev meson; then
  grep -q 'Fedora: sudo dnf install gtk4-devel json-glib-devel$' "$tmp/out" ||
    fail "no Fedora packages in: $(cat "$tmp/out")"
  grep -q 'Arch: .*pacman -S --needed gtk4 json-glib$' "$tmp/out" ||
    fail "no Arch packages in: $(cat "$tmp/out")"
  grep -q 'meson' <(grep -E 'dnf|pacman' "$tmp/out") &&
    fail "meson, which is there, is listed: $(cat "$tmp/out")"
else
  fail "gtk4 and json-glib missing, no apt: deps.sh succeeded"
fi

# 3. As on Debian: stand-ins record what would be installed
debian=$tmp/debian-bin
mkdir -p "$debian"
for f in "$bin"/*; do ln -s "$(readlink "$f")" "$debian/$(basename "$f")"; done
cat >"$debian/apt-get" <<STUB
#!$bin/bash
echo "apt-get \$*" >>"$tmp/apt.log"
STUB
cat >"$debian/dpkg-query" <<STUB
#!$bin/bash
exit 1
STUB
cat >"$debian/sudo" <<STUB
#!$bin/bash
exec "\$@"
STUB
chmod +x "$debian/apt-get" "$debian/dpkg-query" "$debian/sudo"

rm -f "$tmp/apt.log"
run_deps "$debian" "${build_deps[@]}" || fail "Debian, everything present: deps.sh failed: $(cat "$tmp/out")"
[ -e "$tmp/apt.log" ] && fail "Debian, everything present: apt-get ran: $(cat "$tmp/apt.log")"

rm -f "$tmp/apt.log"
PKG_CONFIG_LIBDIR=$tmp/none run_deps "$debian" libgtk-4-dev meson ||
  fail "Debian, gtk4 missing: deps.sh failed: $(cat "$tmp/out")"
grep -q 'apt-get install .* libgtk-4-dev$' "$tmp/apt.log" 2>/dev/null ||
  fail "Debian, gtk4 missing: apt-get did not install only libgtk-4-dev: $(cat "$tmp/apt.log" 2>/dev/null)"

[ "$failed" -eq 0 ] && echo "test-deps: deps.sh works with and without apt"
exit "$failed"
