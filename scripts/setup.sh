#!/usr/bin/env bash
# Installs what crossuser needs from Debian's packages (LLVM/Clang 16, lit,
# FileCheck, GoogleTest, CMake, Ninja, npm, valgrind for the bench, and the
# -dev packages of the libraries test/models-real/ compiles against),
# skipping what is already there,
# and the SARIF validator the tests use (scripts/install-sarif-multitool.sh).
set -euo pipefail
LLVM_VERSION="${CROSSUSER_LLVM_VERSION:-16}"
pkgs=(cmake ninja-build python3 git
      "clang-${LLVM_VERSION}" "llvm-${LLVM_VERSION}-dev" "libclang-${LLVM_VERSION}-dev"
      "clang-tidy-${LLVM_VERSION}" "clang-tools-${LLVM_VERSION}" "llvm-${LLVM_VERSION}-tools"
      googletest libgtest-dev "libclang-rt-${LLVM_VERSION}-dev"
      # The libraries whose real headers test/models-real/ compiles against.
      libcpp-httplib-dev libpistache-dev librestinio-dev libpoco-dev
      libcpprest-dev libcivetweb-dev libmicrohttpd-dev libgrpc++-dev
      libhiredis-dev libmemcached-dev libtbb-dev libjwt-dev
      libboost-dev libssl-dev libabsl-dev
      # bench/shapes_instr.py counts instructions under callgrind.
      valgrind)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
command -v npm >/dev/null || missing+=(npm)
install_sarif_validator() {
  # The SARIF tests validate output with Microsoft's SARIF multitool (npm).
  # Building and the quick start do not need it: a failure is a warning
  # here, and the SARIF tests fail on their own.
  "$(dirname "${BASH_SOURCE[0]}")/install-sarif-multitool.sh" >/dev/null ||
    echo "crossuser setup: warning: the SARIF validator is not installed; the SARIF tests will fail" >&2
}
if [ "${#missing[@]}" -eq 0 ]; then
  install_sarif_validator
  exit 0
fi
echo "crossuser setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "crossuser setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 2; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_sarif_validator
