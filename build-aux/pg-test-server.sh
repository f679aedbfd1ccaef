#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
# A private PostgreSQL server for the tests, or for trying team mode:
#
#   build-aux/pg-test-server.sh start DIR   prints the connection settings of a new server
#                                           whose data and socket live in DIR (created)
#   build-aux/pg-test-server.sh stop DIR    stops it and removes DIR
#
# The server listens on a Unix socket in DIR only (no TCP port, so it can clash with
# nothing). Its superuser "shortlist_owner" connects without a password over that socket;
# every other login needs its password (scram-sha-256), as on a real server. PostgreSQL
# refuses to run as root: as root, the server runs as the unprivileged user "nobody".
set -euo pipefail

bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  echo "pg-test-server: PostgreSQL's initdb was not found (apt-get install postgresql)" >&2
  return 1
}

as_server() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
  else
    "$@"
  fi
}

start() {
  local dir=$1 bin
  bin=$(bindir)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ "$(id -u)" -eq 0 ] && chown nobody:nogroup "$dir"
  as_server "$bin/initdb" -D "$dir/data" -U shortlist_owner --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    return 1
  }
  cat >"$dir/pg_hba.conf" <<EOF
local all shortlist_owner trust
local all all scram-sha-256
EOF
  [ "$(id -u)" -eq 0 ] && chown nobody:nogroup "$dir/pg_hba.conf"
  as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c hba_file='$dir/pg_hba.conf' -c fsync=off -c max_connections=200" \
    start >/dev/null </dev/null || {
    cat "$dir/server.log" >&2
    return 1
  }
  echo "host=$dir port=5432 user=shortlist_owner dbname=postgres"
}

stop() {
  local dir=$1 bin
  bin=$(bindir)
  [ -d "$dir/data" ] && as_server "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$dir"
}

case "${1:-}" in
start) start "$2" ;;
stop) stop "$2" ;;
*)
  echo "usage: $0 start|stop DIR" >&2
  exit 2
  ;;
esac
