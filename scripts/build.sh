#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), then configures and builds
# crossuser in build/ (or $CROSSUSER_BUILD_DIR) with CMake and Ninja.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CROSSUSER_BUILD_DIR:-$root/build}"
"$root/scripts/setup.sh"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
ninja -C "$build" "$@"
