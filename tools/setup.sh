#!/usr/bin/env bash
# Installs the Debian packages Gradscape needs to build, test and run.
# Idempotent: only missing packages are installed. Needs root (or sudo) when anything is missing.
set -euo pipefail

PACKAGES=(
  # build tools
  build-essential cmake ninja-build pkg-config clang-format
  # core engine (muparser: typed formulas)
  libeigen3-dev nlohmann-json3-dev libspectra-dev libmuparser-dev
  # command-line program: typed, range-checked options
  libcli11-dev
  # tests: glibc locale sources (a test compiles de_DE to check number parsing is locale-proof)
  locales
  # desktop program (Qt 6) and rendering (VTK 9.1, see shared/PLATFORM.md)
  qt6-base-dev libqt6opengl6-dev qt6-svg-dev libvtk9-dev
  # export: PNG compression (libdeflate), animations (ffmpeg pipes PNG frames to MP4/GIF), PDF
  # checks (pdftoppm)
  libdeflate-dev ffmpeg poppler-utils
  # export tests: exported SVG pictures rasterised back (rsvg-convert) to compare with the PNG
  librsvg2-bin
  # tests and benchmarks (python3: a test reads exported traces with Python's json and csv)
  libbenchmark-dev xvfb xauth mesa-utils xdotool python3
  # tests: desktop-file-validate checks the .desktop file, update-mime-database the MIME type
  desktop-file-utils shared-mime-info
  # CI's static checks and fuzzing: clang-tidy (run-clang-tidy), clang with libFuzzer and its
  # sanitizer runtimes (tools/fuzz.sh); GCC's ASan/UBSan/TSan come with build-essential
  clang-tidy clang libclang-rt-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup: need root to install packages (run as root or install sudo)" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
