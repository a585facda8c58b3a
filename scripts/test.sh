#!/usr/bin/env bash
# The README's second command: installs and builds whatever is missing,
# then runs the whole test suite (lit + FileCheck + GoogleTest) and ends
# with a line "N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CROSSUSER_BUILD_DIR:-$root/build}"
"$root/scripts/build.sh"
exec python3 "$root/scripts/run_lit.py" "$build/test" "$build/test/unittests"
