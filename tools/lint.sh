#!/usr/bin/env bash
# Style checks. Usage: tools/lint.sh [--tidy]
#   default: clang-format check of every tracked C++ file (fast; CI runs it)
#   --tidy:  also clang-tidy with .clang-tidy over core/ and app/ (needs a configured build/ci,
#            takes several minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run -Werror
echo "lint: clang-format clean"
if [ "${1:-}" = "--tidy" ]; then
  out=$(run-clang-tidy -p build/ci -quiet '^'"$PWD"'/(core|app)/' 2>&1 | sed 's/\x1b\[[0-9;]*m//g')
  if grep -E "^$PWD/.*warning:" <<<"$out"; then
    echo "lint: clang-tidy found the warnings above" >&2
    exit 1
  fi
  echo "lint: clang-tidy clean"
fi
