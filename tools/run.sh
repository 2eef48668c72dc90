#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and runs the default scenario.
# Extra arguments go to `gradscape-cli run` (e.g. --out DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bash tools/build.sh release gradscape-cli
exec build/release/app/cli/gradscape-cli run scenarios/default.json "$@"
