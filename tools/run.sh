#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and opens the desktop program on the default
# scenario (the Rosenbrock race). Extra arguments go to `gradscape` (e.g. a scenario file).
# Without a display it runs the same scenario in the command-line program instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: running the default scenario with gradscape-cli instead." >&2
  bash tools/build.sh release gradscape-cli
  exec build/release/app/cli/gradscape-cli run scenarios/default.json
fi
bash tools/build.sh release gradscape
exec build/release/app/gui/gradscape "$@"
