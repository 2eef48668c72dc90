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
# The targets run side by side, one per core (libFuzzer itself uses one): on the 2-core CI
# machine three targets of 30 s take 60 s instead of 90.
jobs=$(nproc)
results=build/fuzz/results
rm -rf "$results"
mkdir -p "$results"

# fuzz_one NAME BINARY CORPUS DICT FLAGS: one target's run; its verdict goes to $results/NAME.
fuzz_one() {
  local name=$1 binary=$2 corpus=$3 dict=$4 flags=$5
  local work="build/fuzz/corpus/$name" artifacts="build/fuzz/artifacts/$name"
  local log="build/fuzz/$name.log"
  mkdir -p "$work" "$artifacts"
  local args=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1
              -artifact_prefix="$artifacts/")
  [ -n "$dict" ] && args+=(-dict="$dict")
  # shellcheck disable=SC2206  # FLAGS from the CMake call: plain -flag=value words
  [ -n "$flags" ] && args+=($flags)
  local dirs=("$work")
  [ -n "$corpus" ] && dirs+=("$corpus")
  if "$binary" "${args[@]}" "${dirs[@]}" >"$log" 2>&1; then
    echo "fuzz: $name: $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') runs," \
      "$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}') exec/s, no finding" \
      >"$results/$name"
  else
    {
      echo "fuzz: $name FAILED; the end of its log:"
      grep -v -E '^#[0-9]+\s+(NEW|REDUCE|pulse)' "$log" | tail -60
      local reproducer
      reproducer=$(grep -oE "Test unit written to \S+" "$log" | tail -1 | cut -d' ' -f5 || true)
      echo "fuzz: $name: reproducer: ${reproducer:-(none written; see $log)}"
      echo "fuzz: replay with: $binary ${reproducer:-<input>}"
    } >"$results/$name.failed"
  fi
}

names=()
while IFS='|' read -r name binary corpus dict flags; do
  [ -n "$name" ] || continue
  if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$name"; then continue; fi
  echo "fuzz: $name for ${seconds} s (seeds: ${corpus:-none}; log: build/fuzz/$name.log)"
  names+=("$name")
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  fuzz_one "$name" "$binary" "$corpus" "$dict" "$flags" &
done <"$manifest"
wait

failed=()
for name in "${names[@]}"; do
  if [ -f "$results/$name.failed" ]; then
    cat "$results/$name.failed" >&2
    failed+=("$name")
  else
    cat "$results/$name"
  fi
done
ran=${#names[@]}

if [ "$ran" -eq 0 ]; then
  echo "fuzz: no target ran (manifest $manifest, filter: $*)" >&2
  exit 1
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: $ran target(s) ran ${seconds} s each without a finding"
