#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
# Checks that the C sources follow .clang-format: every src/**/*.c, src/**/*.h
# and tests/*.c file. Lists the files that are not formatted and exits 1.
#
# Usage: build-aux/check-format.sh [--fix] [SOURCE_ROOT]
#   --fix  reformat those files in place instead of only listing them
set -uo pipefail

fix=0
if [ "${1:-}" = "--fix" ]; then
  fix=1
  shift
fi
srcroot=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$srcroot" || exit 1

clang_format=${CLANG_FORMAT:-}
if [ -z "$clang_format" ]; then
  for candidate in clang-format clang-format-14 clang-format-15 clang-format-16; do
    if command -v "$candidate" >/dev/null 2>&1; then
      clang_format=$candidate
      break
    fi
  done
fi
if [ -z "$clang_format" ]; then
  echo "check-format: clang-format not found (apt-get install clang-format)" >&2
  exit 77 # meson's "skipped"
fi

files=()
while IFS= read -r -d '' f; do
  files+=("$f")
done < <(
  {
    [ -d src ] && find src -type f \( -name '*.c' -o -name '*.h' \) -print0
    [ -d tests ] && find tests -type f \( -name '*.c' -o -name '*.h' \) -print0
  } | sort -z
)

if [ "${#files[@]}" -eq 0 ]; then
  echo "check-format: no C files to check"
  exit 0
fi

bad=()
for f in "${files[@]}"; do
  if ! "$clang_format" --dry-run -Werror "$f" >/dev/null 2>&1; then
    bad+=("$f")
  fi
done

if [ "${#bad[@]}" -eq 0 ]; then
  echo "check-format: ${#files[@]} files formatted"
  exit 0
fi

if [ "$fix" -eq 1 ]; then
  "$clang_format" -i "${bad[@]}"
  echo "check-format: reformatted ${#bad[@]} files:"
  printf '  %s\n' "${bad[@]}"
  exit 0
fi

echo "check-format: ${#bad[@]} of ${#files[@]} files are not formatted:"
for f in "${bad[@]}"; do
  n=$("$clang_format" --dry-run "$f" 2>&1 | grep -c 'warning:')
  echo "  $f ($n places)"
done
echo "Run build-aux/check-format.sh --fix (or clang-format -i FILE) to fix them."
exit 1
