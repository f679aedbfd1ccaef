# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
# Sourced by build-aux/test.sh and build-aux/test-sanitizers.sh: setting up and
# building a build folder, and the totals of a `meson test` run.
# shellcheck shell=bash

# shortlist_meson_build BUILDDIR MESON-SETUP-OPTION...
# Sets up BUILDDIR (reconfigured if it has been set up, wiped if it is a stale
# folder) with the options, then builds it. Says which step failed on stderr.
shortlist_meson_build() {
  local builddir=$1 setup
  shift
  if [ -f "$builddir/build.ninja" ]; then
    setup=(meson setup --reconfigure)
  elif [ -d "$builddir" ]; then
    setup=(meson setup --wipe)
  else
    setup=(meson setup)
  fi
  if ! "${setup[@]}" "$@" "$builddir"; then
    echo "meson setup of $builddir failed" >&2
    return 1
  fi
  if ! meson compile -C "$builddir"; then
    echo "the build in $builddir failed" >&2
    return 1
  fi
}

# shortlist_run_logged LOG COMMAND...
# Runs COMMAND with its output written to LOG and shown as it comes, and returns COMMAND's exit
# status. The output goes through a file, not a pipe: a daemon that the tests' private session
# bus started and that outlives the run (the accessibility bus, a desktop portal stuck on a
# machine without PipeWire) keeps only the file open. Through a pipe, the reader at its end
# would wait for that daemon forever.
shortlist_run_logged() {
  local log=$1 pid status
  shift
  : >"$log"
  "$@" >"$log" 2>&1 </dev/null &
  pid=$!
  tail -n +1 -f --pid="$pid" "$log"
  wait "$pid"
  status=$?
  return "$status"
}

# shortlist_meson_totals LOG STATUS
# Prints "PASSED FAILED" for the run logged in LOG that exited with STATUS, or
# nothing (and returns 1) if meson test did not get to its summary. A run that
# failed in a way its counts do not show counts one failure.
shortlist_meson_totals() {
  local log=$1 status=$2 ok xfail fail xpass timeout passed failed
  count() {
    sed -n "s/^$1:[[:space:]]*\([0-9][0-9]*\).*/\1/p" "$log" | tail -n 1
  }
  ok=$(count 'Ok')
  [ -n "$ok" ] || return 1
  xfail=$(count 'Expected Fail')
  fail=$(count 'Fail')
  xpass=$(count 'Unexpected Pass')
  timeout=$(count 'Timeout')
  passed=$((ok + ${xfail:-0}))
  failed=$((${fail:-0} + ${xpass:-0} + ${timeout:-0}))
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
  fi
  echo "$passed $failed"
}

# Starts a private PostgreSQL server for the team database's tests (build-aux/pg-test-server.sh)
# and tells the tests where it is; it is stopped when the calling script exits, however it ends
shortlist_start_test_pg() {
  shortlist_test_pg_script=$PWD/build-aux/pg-test-server.sh
  shortlist_test_pg_dir=$(mktemp -d /tmp/shortlist-pg.XXXXXX) || return 1
  trap '"$shortlist_test_pg_script" stop "$shortlist_test_pg_dir"' EXIT
  if ! "$shortlist_test_pg_script" start "$shortlist_test_pg_dir" >/dev/null; then
    echo "shortlist: could not start the tests' PostgreSQL server" >&2
    return 1
  fi
  export SHORTLIST_TEST_PG_HOST=$shortlist_test_pg_dir SHORTLIST_TEST_PG_PORT=5432
  export SHORTLIST_TEST_PG_REQUIRED=1
}
