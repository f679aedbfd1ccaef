# Sourced by build-aux/test.sh and build-aux/test-sanitizers.sh: the totals of a
# `meson test` run, from its closing summary ("Ok: N", "Fail: N", ...).
# shellcheck shell=bash

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
