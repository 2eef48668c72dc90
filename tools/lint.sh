#!/usr/bin/env bash
# Style and static checks. Usage: tools/lint.sh [--tidy]
#   default: clang-format check of every tracked C++ file (seconds)
#   --tidy:  also clang-tidy (.clang-tidy: a short list of bug-finding checks, warnings as errors)
#            over every translation unit of core/, plots/ and app/, from the compile commands of
#            the `tidy` preset (configured only, nothing is built). About 10 minutes on 2 cores;
#            GRADSCAPE_TIDY_FILES='regex' limits it to matching files.
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run -Werror
echo "lint: clang-format clean"
if [ "${1:-}" = "--tidy" ]; then
  cmake --preset tidy >/dev/null
  filter="${GRADSCAPE_TIDY_FILES:-^$PWD/(core|plots|app)/}"
  count=$(grep -cE "\"file\": \"${filter#^}" build/tidy/compile_commands.json || true)
  echo "lint: clang-tidy over $count files ($(nproc) jobs)"
  start=$SECONDS
  status=0
  run-clang-tidy -p build/tidy -j "$(nproc)" -quiet "$filter" >build/tidy/clang-tidy.log 2>&1 ||
    status=$?
  sed -i 's/\x1b\[[0-9;]*m//g' build/tidy/clang-tidy.log
  if grep -qE "(warning|error): " build/tidy/clang-tidy.log || [ "$status" -ne 0 ]; then
    grep -E -A3 "^$PWD/.*(warning|error): " build/tidy/clang-tidy.log >&2 ||
      tail -40 build/tidy/clang-tidy.log >&2
    echo "lint: clang-tidy found the problems above (exit $status; full log:" \
      "build/tidy/clang-tidy.log)" >&2
    exit 1
  fi
  echo "lint: clang-tidy clean ($((SECONDS - start)) s)"
fi
