#!/usr/bin/env bash
# Produces a compilation database for Crow (header-only) and its examples
# for the evaluation in docs/evaluation.md. Configures only; builds nothing.
#   scripts/eval/crow.sh CROW_CHECKOUT BUILD_DIR
# Debian packages: libasio-dev zlib1g-dev libssl-dev.
# The unit tests are left out: they fetch Catch2 3 through CPM at configure
# time (Debian 12 ships Catch2 2). SSL and compression are on, so that the
# example_ssl and example_compression services are in the database too.
set -euo pipefail
src="$(cd "$1" && pwd)"; build="$2"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_COMPILER=clang++-16 -DCMAKE_C_COMPILER=clang-16 \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCROW_BUILD_EXAMPLES=ON \
  -DCROW_BUILD_TESTS=OFF -DCROW_ENABLE_SSL=ON -DCROW_ENABLE_COMPRESSION=ON \
  "-DCROW_FEATURES=ssl;compression" >/dev/null
echo "$build/compile_commands.json"
