#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
# Checks the user guide in help/: every page is valid Mallard, is listed in help/meson.build
# (or it would not be installed), and its links and ids hold; every language in help/LINGUAS
# translates every message of the current pages, and its pages, merged as meson merges them,
# are valid too (a translation that breaks the markup would otherwise be dropped silently).
#
# Usage: build-aux/check-help.sh [SOURCE_ROOT]
set -uo pipefail
export LC_ALL=C.UTF-8

srcroot=${1:-$(cd "$(dirname "$0")/.." && pwd)}
helpdir=$srcroot/help

for tool in yelp-check itstool msgmerge msgfmt msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check-help: $tool not found (install yelp-tools, itstool and gettext)" >&2
    exit 1
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

cd "$helpdir/C" || exit 1
pages=(*.page)
sources=("${pages[@]}" legal.xml)

# 1. The English pages.
for page in "${pages[@]}"; do
  if ! grep -qF "'$page'" "$helpdir/meson.build"; then
    echo "help/C/$page is not listed in help/meson.build"
    failed=1
  fi
done
yelp-check validate "${pages[@]}" || failed=1
for check in links ids orphans; do
  out=$(yelp-check "$check" . 2>&1)
  if [ -n "$out" ]; then
    echo "yelp-check $check:"
    echo "$out"
    failed=1
  fi
done

# 2. Each translation, against a template made from the pages as they are now.
itstool -o "$tmp/shortlist.pot" "${sources[@]}" || {
  echo "check-help: itstool could not make the template"
  exit 1
}
while IFS= read -r lang || [ -n "$lang" ]; do
  lang=${lang%%#*}
  lang=${lang//[[:space:]]/}
  [ -n "$lang" ] || continue
  po=$helpdir/$lang/$lang.po
  if [ ! -f "$po" ]; then
    echo "help/$lang/$lang.po is missing"
    failed=1
    continue
  fi
  msgmerge -q --no-fuzzy-matching -o "$tmp/$lang.po" "$po" "$tmp/shortlist.pot" || {
    failed=1
    continue
  }
  untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  # The header counts as one untranslated entry when anything else is
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
    echo "help/$lang/$lang.po: $untranslated untranslated, $fuzzy fuzzy against the current pages:"
    for which in --untranslated --only-fuzzy; do
      msgattrib "$which" --no-obsolete "$tmp/$lang.po" 2>/dev/null | grep '^msgid ' |
        grep -v '^msgid ""$' | head -5 | sed 's/^/    /'
    done
    failed=1
  fi
  if ! msgfmt --check -o "$tmp/$lang.mo" "$tmp/$lang.po"; then
    failed=1
    continue
  fi
  mkdir -p "$tmp/$lang"
  # itstool keeps the English text of a message whose translation breaks the markup, and says
  # so only on its standard error
  if ! itstool -m "$tmp/$lang.mo" --lang "$lang" -o "$tmp/$lang/" "${sources[@]}" 2>"$tmp/$lang.err" ||
    [ -s "$tmp/$lang.err" ]; then
    echo "help/$lang/$lang.po does not merge cleanly:"
    sed 's/^/    /' "$tmp/$lang.err"
    failed=1
    continue
  fi
  (cd "$tmp/$lang" && yelp-check validate "${pages[@]}") || {
    echo "help/$lang: the translated pages are not valid"
    failed=1
  }
done <"$helpdir/LINGUAS"

if [ "$failed" -ne 0 ]; then
  echo "check-help: FAILED"
  exit 1
fi
echo "check-help: ${#pages[@]} pages valid, every language complete"
