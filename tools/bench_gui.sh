#!/usr/bin/env bash
# Builds and runs the desktop program's benchmarks (parameter change -> redrawn frame, landscape
# frame times) on a virtual display unless one is given. Extra arguments go to Google Benchmark,
# e.g. --benchmark_repetitions=5 --benchmark_report_aggregates_only=true.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh release bench_gui
bench=build/release/tests/bench/bench_gui
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$bench" "$@"
fi
exec "$bench" "$@"
