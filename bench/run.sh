#!/usr/bin/env bash
# Benchmarks crossuser against plain clang parsing and a plain clang-tidy run.
# Usage: bench/run.sh [BUILD_DIR] [--runs N] [--lines N] [--baseline-only] [--no-whole-program] [--json FILE]
# BUILD_DIR (default build) is taken relative to the current directory. See bench/README.md for what the figures mean.
set -euo pipefail
exec python3 "$(dirname "$0")/bench.py" "$@"
