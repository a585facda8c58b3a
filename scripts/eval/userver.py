#!/usr/bin/env python3
"""Writes a compilation database for the parts of userver the evaluation in
docs/evaluation.md analyses: core/src/{cache,server,clients/http,components,
dynamic_config,utils} and the samples that need only the core.

userver's own CMake cannot be configured offline (it sets up a Python venv
from PyPI as the root project, and core needs generated dynamic-config
headers), so this script writes the entries itself with the include paths
and definitions userver's CMake would use, then keeps the translation units
that clang-16 -fsyntax-only accepts (the others need generated headers or
libraries Debian 12 does not ship; they are listed on stderr).

  scripts/eval/userver.py USERVER_CHECKOUT BUILD_DIR
"""
import json, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

src = os.path.abspath(sys.argv[1])
build = os.path.abspath(sys.argv[2])
os.makedirs(build, exist_ok=True)

dirs = ["core/src/cache", "core/src/server", "core/src/clients/http",
        "core/src/components", "core/src/dynamic_config", "core/src/utils",
        "samples/hello_service", "samples/http_caching", "samples/config_service",
        "samples/http_middleware_service", "samples/static_service",
        "samples/multipart_service", "samples/websocket_service",
        "samples/production_service", "samples/tcp_service",
        "samples/tcp_full_duplex_service", "samples/json2yaml"]
skip_words = ("_test.cpp", "_benchmark.cpp", "_bench.cpp", "/benchmarks/",
              "/tests/", "/unittests/", "/testsuite/", "/utest/")
includes = ["universal/include", "universal/src", "core/include", "core/src",
            "third_party/rapidjson/include", "third_party/moodycamel/include",
            "third_party/pfr/include", "third_party/date/include",
            "third_party/function_backports/include", "third_party/llhttp/include",
            "third_party/http-parser/include", "core/libc_include_fixes"]
defines = ["USERVER_NAMESPACE=userver",
           "USERVER_NAMESPACE_BEGIN=namespace userver { inline namespace v2_5_rc {",
           "USERVER_NAMESPACE_END=} }", "USERVER=1", "CRYPTOPP_ENABLE_NAMESPACE_WEAK=1",
           "BOOST_STACKTRACE_LINK", "USERVER_IMPL_ORIGINAL_CXX_STANDARD=17"]

files = []
for d in dirs:
    for root, _, names in os.walk(os.path.join(src, d)):
        for n in sorted(names):
            p = os.path.join(root, n)
            if n.endswith(".cpp") and not any(w in p for w in skip_words):
                files.append(p)
files.sort()

def args_for(path):
    a = ["clang++-16", "-std=c++17", "-w"]
    a += ["-I" + os.path.join(src, i) for i in includes]
    sample = os.path.relpath(path, src).split(os.sep)
    if sample[0] == "samples":
        a += ["-I" + os.path.join(src, *sample[:2]), "-I" + os.path.join(src, *sample[:2], "src")]
    a += ["-D" + d for d in defines]
    return a + ["-c", path, "-o", "/dev/null"]

def compiles(path):
    r = subprocess.run(args_for(path)[:-4] + ["-fsyntax-only", path],
                       capture_output=True, text=True)
    return path, r.returncode == 0, r.stderr.split("\n")[0]

entries, rejected = [], []
with ThreadPoolExecutor(int(os.environ.get("JOBS", "2"))) as pool:
    for path, ok, why in pool.map(compiles, files):
        if ok:
            entries.append({"directory": build, "file": path, "arguments": args_for(path)})
        else:
            rejected.append((path, why))
for path, why in rejected:
    print("not compiled (%s): %s" % (os.path.relpath(path, src), why), file=sys.stderr)
out = os.path.join(build, "compile_commands.json")
with open(out, "w") as f:
    json.dump(entries, f, indent=1)
print("%s: %d of %d translation units" % (out, len(entries), len(files)))
