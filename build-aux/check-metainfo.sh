#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
# Validates the built AppStream metainfo with appstreamcli (--pedantic, no network) and, when
# installed, appstream-util (validate-relax). Any error, warning, info or pedantic hint fails,
# except these two, which are known and accepted:
#   cid-contains-uppercase-letter  the id follows GNOME's reverse-DNS CamelCase convention
#   unknown-tag developer          AppStream 1.0's <developer>, which replaced <developer_name>,
#                                  is unknown to the AppStream 0.16 of Debian 12
#
# Each screenshot's image must also be a file in DOCS_DIR (where they are kept).
#
# Usage: build-aux/check-metainfo.sh METAINFO_FILE DOCS_DIR
set -uo pipefail

file=${1:?usage: check-metainfo.sh METAINFO_FILE DOCS_DIR}
docs=${2:?usage: check-metainfo.sh METAINFO_FILE DOCS_DIR}

if ! command -v appstreamcli >/dev/null 2>&1; then
  echo "check-metainfo: appstreamcli not found (apt-get install appstream)" >&2
  exit 77
fi

failed=0
report=$(appstreamcli validate --pedantic --no-net "$file" 2>&1)
status=$?
echo "$report"
if [ "$status" -ne 0 ]; then
  echo "check-metainfo: appstreamcli validate failed (exit status $status)"
  failed=1
fi
# Lines such as "I: app.shortlist.Shortlist:101: unknown-tag developer"
unexpected=$(grep -E '^[EWIP]: ' <<<"$report" |
  grep -vE '^P: [^ ]+ cid-contains-uppercase-letter ' |
  grep -vE '^I: [^ ]+ unknown-tag developer$' || true)
if [ -n "$unexpected" ]; then
  echo "check-metainfo: appstreamcli reports:"
  sed 's/^/  /' <<<"$unexpected"
  failed=1
fi

n_images=0
while IFS= read -r url; do
  n_images=$((n_images + 1))
  if [ ! -f "$docs/${url##*/}" ]; then
    echo "check-metainfo: the screenshot $url is not in $docs"
    failed=1
  fi
done < <(sed -n 's|.*<image[^>]*>\([^<]*\)</image>.*|\1|p' "$file")
if [ "$n_images" -eq 0 ]; then
  echo "check-metainfo: no screenshots"
  failed=1
fi

if command -v appstream-util >/dev/null 2>&1; then
  if ! appstream-util validate-relax --nonet "$file"; then
    echo "check-metainfo: appstream-util validate-relax failed"
    failed=1
  fi
else
  echo "check-metainfo: appstream-util not found, skipped (apt-get install appstream-util)"
fi

[ "$failed" -eq 0 ] && echo "check-metainfo: $file is valid"
exit "$failed"
