#!/usr/bin/env bash
# Produces a compilation database for oat++ for the evaluation in
# docs/evaluation.md. Configures only; builds nothing.
#   scripts/eval/oatpp.sh OATPP_CHECKOUT BUILD_DIR [CHECKOUT...]
# Without further checkouts: the library (src/) and its test suite (test/,
# which runs test servers with API controllers and clients).
# Further checkouts are oat++ modules (a name starting with "oatpp-", e.g.
# oatpp-swagger, oatpp-sqlite, oatpp-websocket), jwt-cpp (header-only,
# only given a stub config) or example services (example-crud,
# example-websocket/server, ...). Each is configured on its
# own by its CMake, in BUILD_DIR/<name>, against the checkouts' headers: a
# stub package config per library (BUILD_DIR/cmake/<name>/) lets
# find_package(oatpp) and find_package(oatpp-<module>) succeed without an
# installation. All databases are merged into BUILD_DIR/compile_commands.json;
# BUILD_DIR/oatpp/ has the library's own (the library and its tests) and
# BUILD_DIR/extra/ the modules' and examples' only (to analyse them without
# analysing the library again).
# Debian packages: libsqlite3-dev (oatpp-sqlite), libpq-dev
# (oatpp-postgresql), libssl-dev (oatpp-openssl).
set -euo pipefail
src="$(cd "$1" && pwd)"; mkdir -p "$2"; build="$(cd "$2" && pwd)"; shift 2
cfg=(-G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++-16
     -DCMAKE_C_COMPILER=clang-16 -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
     -DCMAKE_PREFIX_PATH="$build/cmake")

stub() {  # stub NAME INCLUDE_DIR...: config of the imported target oatpp::NAME
  local name="$1" ns="${NS:-oatpp}"; shift; mkdir -p "$build/cmake/$name"
  local IFS=';'; local dirs="$*"; IFS=$' \t\n'
  cat > "$build/cmake/$name/$name-config.cmake" <<CFG
if(NOT TARGET $ns::$name)
  add_library($ns::$name INTERFACE IMPORTED)
  set_target_properties($ns::$name PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "$dirs")
endif()
set(${name}_INCLUDE_DIRS "$1")
CFG
  printf 'set(PACKAGE_VERSION 1.4.0)\nset(PACKAGE_VERSION_COMPATIBLE TRUE)\n' \
    > "$build/cmake/$name/$name-config-version.cmake"
}
stub oatpp "$src/src"
cat >> "$build/cmake/oatpp/oatpp-config.cmake" <<CFG
if(NOT TARGET oatpp::oatpp-test)
  add_library(oatpp::oatpp-test INTERFACE IMPORTED)
  set_target_properties(oatpp::oatpp-test PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "$src/src")
endif()
CFG

cmake -S "$src" -B "$build/oatpp" "${cfg[@]}" -DOATPP_BUILD_TESTS=ON >/dev/null
dbs=("$build/oatpp/compile_commands.json")
others=()
for c in "$@"; do
  c="$(cd "$c" && pwd)"; name="$(basename "$c")"
  case "$name" in
    oatpp-postgresql) stub "$name" "$c/src" /usr/include/postgresql ;;
    oatpp-*) stub "$name" "$c/src" ;;
    jwt-cpp) NS=jwt-cpp stub "$name" "$c/include"; continue ;;  # header-only
  esac
  others+=("$c")
done
for c in "${others[@]}"; do
  name="$(basename "$c")"; case "$name" in oatpp-*) ;; *) name="$(basename "$(dirname "$c")")-$name" ;; esac
  cmake -S "$c" -B "$build/$name" "${cfg[@]}" -DOATPP_BUILD_TESTS=OFF \
    -DOATPP_MODULES_LOCATION=INSTALLED >/dev/null
  dbs+=("$build/$name/compile_commands.json")
done
mkdir -p "$build/extra"
python3 - "$build" "${dbs[@]}" <<'PY'
import json, os, sys
out = []
for p in sys.argv[2:]:
    out += json.load(open(p))
json.dump(out, open(os.path.join(sys.argv[1], "compile_commands.json"), "w"), indent=1)
lib = len(json.load(open(sys.argv[2])))
json.dump(out[lib:], open(os.path.join(sys.argv[1], "extra", "compile_commands.json"), "w"), indent=1)
print("%d entries (%d of the library, %d of the modules and examples)" % (len(out), lib, len(out) - lib), file=sys.stderr)
PY
echo "$build/compile_commands.json"
