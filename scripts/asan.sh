#!/usr/bin/env bash
# Builds crossuser with AddressSanitizer, UndefinedBehaviorSanitizer and
# assertions in
# a separate build directory (default build-asan/, or $1) and runs the unit
# and lit suites there. Any sanitizer report fails the test that caused it.
#   scripts/asan.sh [BUILD_DIR] [ninja args, e.g. -j2]
# The clang-tidy module and the compiler plugin are instrumented too; they
# are loaded into Debian's uninstrumented clang-tidy and clang, so the
# ASan runtime is preloaded into every process of the run. Leak checking
# is off: LLVM's option registry and clang-tidy free nothing on exit by
# design, which would make every test fail.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build-asan}"; shift || true
"$root/scripts/setup.sh"
cxx="${CXX:-g++}"
if [ ! -f "$build/build.ninja" ]; then
  # Assertions on (no -DNDEBUG), in crossuser's code and in the inline
  # parts of LLVM's headers (cast<>, ArrayRef bounds, ...).
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DCMAKE_CXX_COMPILER="$cxx" -DCROSSUSER_FUZZ=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_MODULE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
fi
ninja -C "$build" "${@:--j2}"
asan="$("$cxx" -print-file-name=libasan.so)"
ubsan="$("$cxx" -print-file-name=libubsan.so)"
export LD_PRELOAD="$asan:$ubsan"
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=0:halt_on_error=1:detect_odr_violation=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Not test/install/deb-package.test: cpack runs dpkg-deb under fakeroot,
# which uses LD_PRELOAD itself and hangs with the sanitizer runtimes
# preloaded; packaging runs none of crossuser's code.
exec python3 "$root/scripts/run_lit.py" --filter-out 'install/deb-package' \
  "$build/test" "$build/test/unittests"
