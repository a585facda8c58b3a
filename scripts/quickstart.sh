#!/usr/bin/env bash
# The README's first command: set up, build, and run crossuser-check on the
# bundled demo service in examples/, printing its findings.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CROSSUSER_BUILD_DIR:-$root/build}"
"$root/scripts/build.sh" crossuser-check CrossUserTidyModule
# Configuring the demo is enough: crossuser needs its compile_commands.json,
# not its objects.
cmake -S "$root/examples" -B "$root/examples/build" -G Ninja \
  -DCMAKE_CXX_COMPILER=clang++-16 -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
echo "== crossuser-check -p examples/build"
set +e
"$build/bin/crossuser-check" -p "$root/examples/build"
status=$?
set -e
case $status in
  0) echo "== no findings (exit 0)";;
  1) echo "== findings reported (exit 1, as CI would see it)";;
  *) echo "== crossuser-check failed (exit $status)" >&2; exit "$status";;
esac
