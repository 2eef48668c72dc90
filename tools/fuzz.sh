#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`: clang, ASan + UBSan) and runs each for a bounded
# time, starting from its committed seed corpus (tests/fuzz/corpus/) and dictionary.
# Usage: tools/fuzz.sh [SECONDS [TARGET...]]   (default: 60 s each, every target)
# Exits 1 when any target finds a crash, a sanitizer report, a leak, a timeout or runaway memory;
# the reproducer is kept under build/fuzz/artifacts/<target>/ and its path printed. Replay one:
#   build/fuzz/tests/fuzz/<target> <reproducer>
# Inputs the fuzzer finds interesting go to build/fuzz/corpus/<target>/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)" --target gradscape_fuzzers

manifest=build/fuzz/fuzzers.txt
failed=()
ran=0
while IFS='|' read -r name binary corpus dict flags; do
  [ -n "$name" ] || continue
  if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$name"; then continue; fi
  work="build/fuzz/corpus/$name"
  artifacts="build/fuzz/artifacts/$name"
  log="build/fuzz/$name.log"
  mkdir -p "$work" "$artifacts"
  args=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$artifacts/")
  [ -n "$dict" ] && args+=(-dict="$dict")
  # shellcheck disable=SC2206  # FLAGS from the CMake call: plain -flag=value words
  [ -n "$flags" ] && args+=($flags)
  dirs=("$work")
  [ -n "$corpus" ] && dirs+=("$corpus")
  echo "fuzz: $name for ${seconds} s (seeds: ${corpus:-none}; log: $log)"
  ran=$((ran + 1))
  if "$binary" "${args[@]}" "${dirs[@]}" >"$log" 2>&1; then
    echo "fuzz: $name: $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') runs," \
      "$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}') exec/s, no finding"
  else
    echo "fuzz: $name FAILED; the end of its log:" >&2
    grep -v -E '^#[0-9]+\s+(NEW|REDUCE|pulse)' "$log" | tail -60 >&2
    reproducer=$(grep -oE "Test unit written to \S+" "$log" | tail -1 | cut -d' ' -f5 || true)
    echo "fuzz: $name: reproducer: ${reproducer:-(none written; see $log)}" >&2
    echo "fuzz: replay with: $binary ${reproducer:-<input>}" >&2
    failed+=("$name")
  fi
done <"$manifest"

if [ "$ran" -eq 0 ]; then
  echo "fuzz: no target ran (manifest $manifest, filter: $*)" >&2
  exit 1
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: $ran target(s) ran ${seconds} s each without a finding"
