#!/usr/bin/env bash
# Builds crossuser against Debian's LLVM 14 and 15 (or the versions given as
# arguments) in build-llvmN/ and runs the whole test suite against each.
# CI (.ci/run) tests LLVM 16 only; run this before a release.
#
#   scripts/test-llvm-versions.sh          # 14 and 15
#   scripts/test-llvm-versions.sh 15       # one version
#   CROSSUSER_JOBS=1 scripts/test-llvm-versions.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
versions=("$@")
[ "${#versions[@]}" -gt 0 ] || versions=(14 15)
jobs="${CROSSUSER_JOBS:-1}"
status=0
summary=()
for v in "${versions[@]}"; do
  echo "== LLVM $v: installing what is missing"
  CROSSUSER_LLVM_VERSION="$v" "$root/scripts/setup.sh"
  build="$root/build-llvm$v"
  if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCROSSUSER_LLVM_VERSION="$v" >/dev/null
  fi
  echo "== LLVM $v: building in $build (-j$jobs)"
  ninja -C "$build" -j"$jobs"
  echo "== LLVM $v: testing"
  set +e
  out="$(CROSSUSER_LLVM_VERSION="$v" python3 "$root/scripts/run_lit.py" \
           "$build/test" "$build/test/unittests" 2>&1)"
  rc=$?
  set -e
  printf '%s\n' "$out" | grep -E '^(FAIL|UNRESOLVED|XPASS|TIMEOUT):' || true
  line="$(printf '%s\n' "$out" | tail -n 1)"
  summary+=("LLVM $v: $line")
  [ "$rc" -eq 0 ] || status=1
done
printf '%s\n' "${summary[@]}"
exit "$status"
