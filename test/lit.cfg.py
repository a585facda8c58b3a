# lit configuration for crossuser's behaviour tests (tidy/ and tool/).
import os
import lit.formats

config.name = "crossuser"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "unittests", "CMakeLists.txt", "corpus"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.crossuser_obj_root, "test")

inputs = os.path.join(config.test_source_root, "Inputs")
mock_flags = "-std=c++17 -nostdinc++ -isystem %s -I %s" % (
    os.path.join(inputs, "std"), inputs)

config.substitutions.append(("%mock_flags", mock_flags))
config.substitutions.append(("%clang_tidy_bare", config.clang_tidy))
config.substitutions.append(
    ("%clang_tidy", "%s --quiet --load=%s" % (config.clang_tidy, config.tidy_module)))
config.substitutions.append(("%tidy_module", config.tidy_module))
# The compiler of the LLVM crossuser was built against, from its own bin
# directory (clang++-N), with the plugin.
config.substitutions.append(
    ("%clangxx", os.path.join(config.llvm_tools_dir, "clang++")))
config.substitutions.append(("%crossuser_plugin", config.crossuser_plugin))
config.substitutions.append(("%llvm_major", config.llvm_version_major))
config.substitutions.append(("%cmake", config.cmake_command))
config.substitutions.append(("%cpack", config.cpack_command))
config.substitutions.append(("%crossuser_build", config.crossuser_obj_root))
config.substitutions.append(("%crossuser_check", config.crossuser_check))
config.substitutions.append(("%crossuser_src", config.crossuser_src_root))
config.substitutions.append(("%python", "python3"))
config.substitutions.append(
    ("%exitcode", "python3 " + os.path.join(inputs, "exitcode.py")))

# Another installed clang major, for the version-guard test.
for other in ("14", "15", "16", "17"):
    other_clang = "/usr/lib/llvm-%s/bin/clang++" % other
    if other != config.llvm_version_major and os.path.exists(other_clang):
        config.available_features.add("other-clang")
        config.substitutions.append(("%other_clang_major", other))
        config.substitutions.append(("%other_clang", other_clang))
        break
for other in ("14", "15", "16", "17"):
    other_tidy = "/usr/lib/llvm-%s/bin/clang-tidy" % other
    if other != config.llvm_version_major and os.path.exists(other_tidy):
        config.available_features.add("other-clang-tidy")
        config.substitutions.append(("%other_tidy_major", other))
        config.substitutions.append(("%other_tidy", other_tidy))
        break
# The libFuzzer targets (test/fuzz/CMakeLists.txt, option CROSSUSER_FUZZ).
if config.crossuser_fuzz:
    config.available_features.add("fuzzer")
config.substitutions.append(
    ("%fuzz_bin", os.path.join(config.crossuser_obj_root, "test", "fuzz")))
config.substitutions.append(
    ("%fuzz_corpus", os.path.join(config.test_source_root, "fuzz", "corpus")))

import shutil
if shutil.which("dpkg-deb"):
    config.available_features.add("dpkg")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
# The models shipped in this source tree, not an older install's.
# Beside them, the model of the tests' own mock framework (Inputs/service.h),
# as a user would describe an in-house framework.
config.environment["CROSSUSER_MODELS_DIR"] = os.pathsep.join([
    os.path.join(config.crossuser_src_root, "models"),
    os.path.join(inputs, "models")])
# Dates in the code are judged against a fixed day (2026-01-01), not today:
# the engine takes its reference date from SOURCE_DATE_EPOCH.
config.environment["SOURCE_DATE_EPOCH"] = "1767225600"
# Diagnostics must not depend on the user's terminal or locale.
config.environment["LC_ALL"] = "C"

# Microsoft's SARIF validator, installed from npm into the build directory
# by scripts/setup.sh (scripts/install-sarif-multitool.sh); configuring or
# running the suite never installs anything. Without it the SARIF tests
# fail: they never pass unvalidated.
sarif_multitool = os.path.join(
    config.crossuser_obj_root, "npm", "node_modules", "@microsoft",
    "sarif-multitool-linux", "Sarif.Multitool")
config.substitutions.append(
    ("%sarif_validate", "python3 %s %s" % (
        os.path.join(inputs, "sarif_validate.py"), sarif_multitool)))
config.substitutions.append(
    ("%json_schema_check", "python3 " + os.path.join(inputs, "json_schema_check.py")))
# The validator is a self-contained .NET program; it needs no ICU this way.
config.environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1"
config.environment["HOME"] = os.environ.get("HOME", "/tmp")

# --- Libraries' real headers (test/models-real/) ---------------------------
# Each shipped model has a test that compiles a small service against the
# library's real headers. scripts/setup.sh installs their Debian -dev
# packages; on a machine without one, its test is UNSUPPORTED, not failing.
real_library_headers = {
    "httplib": "httplib.h",                         # libcpp-httplib-dev
    "pistache": "pistache/endpoint.h",              # libpistache-dev
    "restinio": "restinio/all.hpp",                 # librestinio-dev
    "poco": "Poco/Net/HTTPServer.h",                # libpoco-dev
    "cpprest": "cpprest/http_listener.h",           # libcpprest-dev
    "civetweb": "CivetServer.h",                    # libcivetweb-dev
    "microhttpd": "microhttpd.h",                   # libmicrohttpd-dev
    "grpcpp": "grpcpp/grpcpp.h",                    # libgrpc++-dev
    "hiredis": "hiredis/hiredis.h",                 # libhiredis-dev
    "libmemcached": "libmemcached/memcached.h",     # libmemcached-dev
    "tbb": "oneapi/tbb/concurrent_hash_map.h",      # libtbb-dev
    "libjwt": "jwt.h",                              # libjwt-dev
    "beast": "boost/beast/http.hpp",                # libboost-dev
    "openssl": "openssl/ssl.h",                     # libssl-dev
    "abseil": "absl/container/flat_hash_map.h",     # libabsl-dev
}
for feature, header in real_library_headers.items():
    if os.path.exists(os.path.join("/usr/include", header)):
        config.available_features.add(feature)
# --- end of the real-headers block ------------------------------------------

# ---- Corpus floor test (test/corpus-floor/) ----
# The labelled corpus of real-library cases (CMake CROSSUSER_CORPUS_DIR) is
# scored only when it is there and the library headers its cases include
# are installed (the corpus's setup.sh installs them); elsewhere
# floor.test is UNSUPPORTED rather than failing on a missing header.
corpus_dir = os.path.abspath(getattr(config, "crossuser_corpus_dir", "") or os.devnull)
corpus_headers = ["httplib.h", "CivetServer.h", "microhttpd.h", "jwt.h",
                  "hiredis/hiredis.h", "libmemcached/memcached.h", "Poco/Net/HTTPServer.h",
                  "pistache/endpoint.h", "restinio/all.hpp", "cpprest/http_listener.h",
                  "grpcpp/grpcpp.h", "boost/beast/http.hpp", "tbb/concurrent_hash_map.h"]
if os.path.isfile(os.path.join(corpus_dir, "score.py")) and all(
        os.path.exists(os.path.join("/usr/include", h)) for h in corpus_headers):
    config.available_features.add("corpus")
config.substitutions.append(("%corpus_dir", corpus_dir))
# ---- end of corpus floor test ----
