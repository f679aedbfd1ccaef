#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Shortlist developers
# Checks that every source file says its licence and copyright in SPDX form: a
# "SPDX-License-Identifier: GPL-3.0-or-later" and a "SPDX-FileCopyrightText:"
# line in its first lines. The files are those git tracks, or, outside a git
# checkout (a release tarball), every file but build folders. Exempt are the
# files that cannot hold a comment (images, JSON), the README and the licence
# itself. The AppStream metainfo is CC0-1.0, as its <metadata_license> says.
#
# Usage: build-aux/check-spdx.sh [SOURCE_ROOT]
set -uo pipefail

srcroot=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$srcroot" || exit 1

files=()
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 &&
  [ "$(git rev-parse --show-toplevel)" = "$(pwd -P)" ]; then
  while IFS= read -r -d '' f; do
    # A file deleted from the work tree but not yet from the index
    [ -f "$f" ] && files+=("$f")
  done < <(git ls-files -z)
else
  while IFS= read -r -d '' f; do
    files+=("${f#./}")
  done < <(find . \( -name .git -o -name '_build*' -o -name .flatpak-builder \) -prune \
    -o -type f -print0)
fi

if [ "${#files[@]}" -eq 0 ]; then
  echo "check-spdx: no files found in $srcroot"
  exit 1
fi

# The licence a file must declare, in $want (empty: exempt)
licence_of() {
  case "$1" in
  COPYING | *.md | *.png | *.json) want="" ;;
  *.metainfo.xml*) want="CC0-1.0" ;;
  *) want="GPL-3.0-or-later" ;;
  esac
}

# Shell builtins only: a process per file made this take seconds
checked=0
bad=()
for f in "${files[@]}"; do
  licence_of "$f"
  [ -n "$want" ] || continue
  checked=$((checked + 1))
  has_licence=0
  has_copyright=0
  n=0
  while [ "$n" -lt 8 ] && IFS= read -r line; do
    n=$((n + 1))
    if [[ "$line" =~ SPDX-License-Identifier:\ ([^[:space:]*]+) ]] &&
      [ "${BASH_REMATCH[1]}" = "$want" ]; then
      has_licence=1
    fi
    [[ "$line" =~ SPDX-FileCopyrightText:\ [0-9]{4} ]] && has_copyright=1
  done <"$f"
  if [ "$has_licence" -eq 0 ]; then
    bad+=("$f: no \"SPDX-License-Identifier: $want\" in its first lines")
  elif [ "$has_copyright" -eq 0 ]; then
    bad+=("$f: no \"SPDX-FileCopyrightText: YEAR HOLDER\" in its first lines")
  fi
done

if [ "${#bad[@]}" -eq 0 ]; then
  echo "check-spdx: ${checked} files declare their licence"
  exit 0
fi
echo "check-spdx: ${#bad[@]} of ${checked} files lack an SPDX header:"
printf '  %s\n' "${bad[@]}"
echo "Add these as the first comment lines (after a #! line or an <?xml?> declaration):"
echo "  SPDX-License-Identifier: GPL-3.0-or-later"
echo "  SPDX-FileCopyrightText: 2026 Shortlist developers"
exit 1
