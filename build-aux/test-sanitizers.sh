#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
# The core and command-line tests again, built with AddressSanitizer and
# UndefinedBehaviorSanitizer in _build-asan: a memory error, a leak of the
# project's own or undefined behaviour fails the test that ran into it.
# Leaks inside third-party libraries (fontconfig, pango, GLib's type system,
# libxlsxwriter) are suppressed by build-aux/lsan.supp; none of the project's
# own code is. Ends with one line: "N passed, N failed".
#
# Usage: build-aux/test-sanitizers.sh   (after build-aux/test.sh installed the dependencies)
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1

builddir=_build-asan
log=$builddir/test-run.log

summary() {
  echo "$1 passed, $2 failed"
}

# shellcheck source=build-aux/meson-run.sh
source build-aux/meson-run.sh
if ! shortlist_meson_build "$builddir" --werror --buildtype=debug -Db_sanitize=address,undefined \
  -Db_lundef=false; then
  summary 0 1
  exit 1
fi

if ! shortlist_start_test_pg; then
  summary 0 1
  exit 1
fi

# The slow unwinder: GLib has no frame pointers, and a leak's stack must reach the function the
# suppressions name
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0:malloc_context_size=30"
export LSAN_OPTIONS="suppressions=$root/build-aux/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
shortlist_run_logged "$log" meson test -C "$builddir" --no-rebuild --print-errorlogs \
  --num-processes 2 --suite core --suite cli --timeout-multiplier 3
status=$?

if ! totals=$(shortlist_meson_totals "$log" "$status"); then
  echo "test-sanitizers.sh: meson test did not run (exit status $status)" >&2
  summary 0 1
  exit 1
fi
read -r passed failed <<<"$totals"
summary "$passed" "$failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
