#!/usr/bin/env bash
# Times clang++ -c -O0 of the demo and the stress file with and without the
# crossuser compiler plugin. Usage: bench/plugin_overhead.sh [BUILD_DIR] [--runs N]
set -euo pipefail
exec python3 "$(dirname "$0")/plugin_overhead.py" "$@"
