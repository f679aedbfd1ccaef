#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
# Runs a widget test on a headless X server of its own, so that tests running side by side
# cannot reach each other's windows: with no window manager every window sits at the screen's
# origin, and a popover holds a grab on the whole display while it is up, which makes another
# process's popover close the moment it opens.
#
# Usage: build-aux/own-display.sh PROGRAM [ARGUMENT...]   (meson's GUI tests run through it)
set -u

dir=$(mktemp -d) || exit 1
mkfifo "$dir/display" || exit 1
# The server picks a free display number itself and writes it to the pipe once it listens
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$dir/display" \
  >"$dir/server.log" 2>&1 &
server=$!
read -r number <"$dir/display"
if [ -z "${number:-}" ]; then
  echo "own-display.sh: the X server did not start:" >&2
  cat "$dir/server.log" >&2
  wait "$server"
  rm -rf "$dir"
  exit 1
fi

DISPLAY=":$number" "$@"
status=$?
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null
rm -rf "$dir"
exit "$status"
