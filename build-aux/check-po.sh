#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
# Checks that every language in po/LINGUAS is complete against the strings
# currently in the files listed in po/POTFILES.in: regenerates the template,
# merges each .po into a temporary copy and fails on any untranslated or fuzzy
# message, any msgfmt error, or a wrong Plural-Forms header.
#
# Usage: build-aux/check-po.sh [SOURCE_ROOT]
set -uo pipefail
export LC_ALL=C

srcroot=${1:-$(cd "$(dirname "$0")/.." && pwd)}
podir=$srcroot/po
domain=shortlist

# The number of plural forms each language must declare (GNU gettext manual,
# GNOME's l10n teams).
declare -A want_nplurals=(
  [uk]=3 [pl]=3 [ro]=3
  [pt_BR]=2 [es_MX]=2 [fil]=2
)

for tool in xgettext msgmerge msgfmt msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check-po: $tool not found (install the gettext package)" >&2
    exit 1
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

failed=0

# 1. Every file named in POTFILES.in exists.
potfiles=()
while IFS= read -r line || [ -n "$line" ]; do
  line=${line%%#*}
  line=${line//[[:space:]]/}
  [ -n "$line" ] || continue
  if [ ! -f "$srcroot/$line" ]; then
    echo "po/POTFILES.in: $line does not exist"
    failed=1
  fi
  potfiles+=("$line")
done <"$podir/POTFILES.in"
[ "$failed" -eq 0 ] || exit 1
printf '%s\n' "${potfiles[@]}" >"$tmp/POTFILES"

# 2. A fresh template from the sources.
if ! xgettext \
  --directory="$srcroot" \
  --files-from="$tmp/POTFILES" \
  --output="$tmp/$domain.pot" \
  --package-name="$domain" \
  --from-code=UTF-8 \
  --add-comments \
  -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 \
  -kg_dngettext:2,3 -kngettext:1,2 -kg_dpgettext2:2c,3 -kdngettext:2,3 \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
  --flag=g_log:3:c-format --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
  --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format \
  --flag=g_snprintf:3:c-format; then
  echo "check-po: xgettext failed"
  exit 1
fi
total=$(msgattrib --no-obsolete "$tmp/$domain.pot" 2>/dev/null | grep -c '^msgid ' || true)
total=$((total - 1)) # the header
echo "check-po: ${total} messages in the sources"

# 3. Each language, merged with the fresh template.
show_msgids() {
  # Prints the first few msgids of a .po file, one per line, indented.
  awk '
    /^msgid "/ { s = substr($0, 8, length($0) - 8); inid = 1; next }
    inid && /^"/ { s = s substr($0, 2, length($0) - 2); next }
    inid { if (s != "") { print "    \"" s "\""; n++ } inid = 0; if (n >= 5) exit }
  ' "$1"
}

langs=()
while IFS= read -r line || [ -n "$line" ]; do
  line=${line%%#*}
  for lang in $line; do langs+=("$lang"); done
done <"$podir/LINGUAS"

if [ "${#langs[@]}" -eq 0 ]; then
  echo "po/LINGUAS: no languages listed"
  exit 1
fi

for lang in "${langs[@]}"; do
  po=$podir/$lang.po
  if [ ! -f "$po" ]; then
    echo "$lang: po/$lang.po is missing"
    failed=1
    continue
  fi
  merged=$tmp/$lang.po
  if ! msgmerge --quiet --no-wrap --output-file="$merged" "$po" "$tmp/$domain.pot" 2>"$tmp/$lang.merge"; then
    echo "$lang: msgmerge failed:"
    sed 's/^/    /' "$tmp/$lang.merge"
    failed=1
    continue
  fi

  problems=()

  # Language and Plural-Forms headers.
  header_lang=$(sed -n 's/^"Language: *\([^\\]*\)\\n"$/\1/p' "$merged" | head -n 1)
  if [ "$header_lang" != "$lang" ]; then
    problems+=("the Language header is '${header_lang}', expected '${lang}'")
  fi
  plural=$(sed -n 's/^"Plural-Forms: *\([^\\]*\)\\n"$/\1/p' "$merged" | head -n 1)
  if [ -z "$plural" ]; then
    problems+=("no Plural-Forms header")
  elif [ -n "${want_nplurals[$lang]:-}" ]; then
    n=$(sed -n 's/.*nplurals *= *\([0-9]*\).*/\1/p' <<<"$plural")
    if [ "$n" != "${want_nplurals[$lang]}" ]; then
      problems+=("Plural-Forms has nplurals=${n:-?}, expected nplurals=${want_nplurals[$lang]} ('$plural')")
    fi
  fi

  # msgfmt errors and statistics.
  if ! msgfmt --check --statistics --output-file=/dev/null "$merged" 2>"$tmp/$lang.stats"; then
    problems+=("msgfmt --check reports errors:")
    while IFS= read -r l; do problems+=("  ${l#"$tmp/"}"); done <"$tmp/$lang.stats"
  fi
  stats=$(tail -n 1 "$tmp/$lang.stats")
  fuzzy=$(grep -o '[0-9]* fuzzy' <<<"$stats" | grep -o '[0-9]*' || true)
  untranslated=$(grep -o '[0-9]* untranslated' <<<"$stats" | grep -o '[0-9]*' || true)
  fuzzy=${fuzzy:-0}
  untranslated=${untranslated:-0}

  if [ "${#problems[@]}" -eq 0 ] && [ "$fuzzy" -eq 0 ] && [ "$untranslated" -eq 0 ]; then
    echo "$lang: complete (${stats})"
    continue
  fi

  failed=1
  echo "$lang: INCOMPLETE (${stats})"
  for p in "${problems[@]}"; do echo "  $p"; done
  if [ "$untranslated" -gt 0 ]; then
    echo "  ${untranslated} untranslated, for example:"
    msgattrib --untranslated --no-obsolete --no-wrap "$merged" >"$tmp/$lang.untranslated"
    show_msgids "$tmp/$lang.untranslated"
  fi
  if [ "$fuzzy" -gt 0 ]; then
    echo "  ${fuzzy} fuzzy (changed in the source, translation needs review), for example:"
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$merged" >"$tmp/$lang.fuzzy"
    show_msgids "$tmp/$lang.fuzzy"
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "check-po: some translations are incomplete; update the .po files"
  echo "  (meson compile -C _build ${domain}-update-po, then translate the new strings)"
  exit 1
fi
echo "check-po: all ${#langs[@]} languages complete"
