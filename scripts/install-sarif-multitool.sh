#!/usr/bin/env bash
# Installs the report validators the tests use into $1/npm (default:
# build/), unless they are already there: Microsoft's SARIF validator (npm
# @microsoft/sarif-multitool) and reviewdog's rdjson validator (npm
# @umbrelladocs/rdformat-validator). The test suite itself never installs
# anything. Prints the path of the native Sarif.Multitool binary.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-${CROSSUSER_BUILD_DIR:-$root/build}}"
version="5.7.0"
prefix="$build/npm"
tool="$prefix/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$tool" ]; then
  command -v npm >/dev/null || {
    echo "crossuser setup: npm not found; install Debian's 'npm' (the SARIF tests need it)" >&2
    exit 2
  }
  mkdir -p "$prefix"
  echo "crossuser setup: installing @microsoft/sarif-multitool@$version into $prefix" >&2
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
    "@microsoft/sarif-multitool@$version" >&2
  # The package's postinstall makes the binary executable; npm may skip it.
  chmod u+x "$tool"
fi
rdformat="$prefix/node_modules/.bin/rdformat-validator"
if [ ! -x "$rdformat" ]; then
  mkdir -p "$prefix"
  echo "crossuser setup: installing @umbrelladocs/rdformat-validator@1.0.1 into $prefix" >&2
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
    "@umbrelladocs/rdformat-validator@1.0.1" >&2
fi
echo "$tool"
