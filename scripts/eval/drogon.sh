#!/usr/bin/env bash
# Produces a compilation database for drogon (with its trantor dependency)
# for the evaluation in docs/evaluation.md. Configures only; builds nothing.
#   scripts/eval/drogon.sh DROGON_CHECKOUT TRANTOR_CHECKOUT BUILD_DIR
# Debian packages: libjsoncpp-dev uuid-dev zlib1g-dev libssl-dev
# libbrotli-dev libc-ares-dev libyaml-cpp-dev libhiredis-dev libgtest-dev.
set -euo pipefail
src="$(cd "$1" && pwd)"; trantor="$(cd "$2" && pwd)"; build="$3"
# drogon vendors trantor as a git submodule; put the given checkout there.
# A copy, not a symlink: drogon's tests include "../lib/src/..." relative to
# an include directory, which a symlink would resolve outside the tree.
if [ ! -f "$src/trantor/CMakeLists.txt" ]; then
  rm -rf "$src/trantor"
  cp -a "$trantor" "$src/trantor"
fi
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_COMPILER=clang++-16 -DCMAKE_C_COMPILER=clang-16 \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DBUILD_EXAMPLES=ON -DBUILD_CTL=ON \
  -DBUILD_TESTING=ON -DBUILD_REDIS=ON -DBUILD_POSTGRESQL=OFF \
  -DBUILD_MYSQL=OFF -DBUILD_SQLITE=OFF -DBUILD_YAML_CONFIG=ON >/dev/null
echo "$build/compile_commands.json"
