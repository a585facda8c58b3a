#!/usr/bin/env python3
"""Measures what the compiler plugin adds to an ordinary compile.

For the generated stress file and every examples/src/*.cpp it times
  plain:  clang++-N -c -O0 -std=c++17 <flags> FILE -o OUT
  plugin: the same with -fplugin=BUILD/lib/crossuser-plugin.so
alternating the two, and reports per file and in total the median wall time
and the median CPU time (user+sys of the compiler, less disturbed by other
load on a shared machine) and the ratio plugin/plain. It also checks that
both object files are byte-identical. Last, the plugin compile runs with
-ftime-trace, where the plugin records its analysis as "crossuser": the
analysis' share of the whole compile, measured inside one process, is the
figure least affected by other load. Run it through bench/plugin_overhead.sh.
"""

import argparse
import filecmp
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(REPO, "bench", "gen_stress.py")


def run_once(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        sys.exit(f"plugin_overhead: exit code {proc.returncode} from: {' '.join(cmd)}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def traced_share(cmd, trace):
    """(analysis ms, compile ms) from one -ftime-trace run of \p cmd."""
    run_once(cmd + ["-ftime-trace"])
    with open(trace) as f:
        events = json.load(f)["traceEvents"]
    analysis = sum(e["dur"] for e in events if e.get("name") == "crossuser" and "dur" in e)
    total = max(e["dur"] for e in events if e.get("name") == "ExecuteCompiler")
    return analysis / 1000, total / 1000


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", nargs="?", default="build")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--clangxx", default=None)
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    plugin = os.path.join(build, "lib", "crossuser-plugin.so")
    if not os.path.exists(plugin):
        sys.exit(f"plugin_overhead: {plugin} not found; build first (scripts/build.sh)")
    major = "16"
    cache = os.path.join(build, "CMakeCache.txt")
    if os.path.exists(cache):
        for line in open(cache):
            if line.startswith("CROSSUSER_LLVM_VERSION:"):
                major = line.strip().split("=", 1)[1]
    clangxx = args.clangxx or f"/usr/lib/llvm-{major}/bin/clang++"

    out_dir = tempfile.mkdtemp(prefix="crossuser-overhead-")
    stress = os.path.join(out_dir, "stress.cpp")
    with open(stress, "w") as f:
        subprocess.run([sys.executable, GEN], stdout=f, check=True)
    files = [(stress, [])]
    src = os.path.join(REPO, "examples", "src")
    inc = os.path.join(REPO, "examples", "include")
    for name in sorted(os.listdir(src)):
        if name.endswith(".cpp"):
            # The demo's own flags (examples/CMakeLists.txt).
            files.append((os.path.join(src, name), ["-I" + inc, "-Wall", "-Wextra"]))

    print(f"clang: {clangxx}; plugin: {plugin}; median of {args.runs} runs, -c -O0")
    print(f"{'file':28} {'plain ms':>9} {'plugin ms':>10} {'wall':>6} {'plain cpu':>10} {'plugin cpu':>11} {'cpu':>6}"
          f" {'analysis ms':>12} {'share':>6}", flush=True)
    tot = {"pw": 0.0, "gw": 0.0, "pc": 0.0, "gc": 0.0, "an": 0.0, "ec": 0.0}
    for path, flags in files:
        base = [clangxx, "-c", "-O0", "-std=c++17"] + flags + [path]
        plain_o = os.path.join(out_dir, "plain.o")
        plugin_o = os.path.join(out_dir, "plugin.o")
        plain = base + ["-o", plain_o]
        withp = base + ["-fplugin=" + plugin, "-o", plugin_o]
        run_once(plain), run_once(withp)  # warm the page cache
        if not filecmp.cmp(plain_o, plugin_o, shallow=False):
            sys.exit(f"plugin_overhead: object files differ for {path}")
        samples = {"pw": [], "gw": [], "pc": [], "gc": []}
        for i in range(args.runs):
            # Alternate the order so that drifting load hits both alike.
            order = [("p", plain), ("g", withp)] if i % 2 == 0 else [("g", withp), ("p", plain)]
            for key, cmd in order:
                wall, cpu = run_once(cmd)
                samples[key + "w"].append(wall)
                samples[key + "c"].append(cpu)
        med = {k: statistics.median(v) * 1000 for k, v in samples.items()}
        traces = [traced_share(withp, os.path.join(out_dir, "plugin.json")) for _ in range(3)]
        med["an"] = statistics.median(a for a, _ in traces)
        med["ec"] = statistics.median(t for _, t in traces)
        for k in tot:
            tot[k] += med[k]
        name = os.path.basename(path) if path != stress else "stress.cpp (generated)"
        print(f"{name:28} {med['pw']:9.0f} {med['gw']:10.0f} {med['gw'] / med['pw']:6.3f}"
              f" {med['pc']:10.0f} {med['gc']:11.0f} {med['gc'] / med['pc']:6.3f}"
              f" {med['an']:12.1f} {100 * med['an'] / med['ec']:5.1f}%", flush=True)
    print(f"{'total':28} {tot['pw']:9.0f} {tot['gw']:10.0f} {tot['gw'] / tot['pw']:6.3f}"
          f" {tot['pc']:10.0f} {tot['gc']:11.0f} {tot['gc'] / tot['pc']:6.3f}"
          f" {tot['an']:12.1f} {100 * tot['an'] / tot['ec']:5.1f}%")
    print("object files: byte-identical with and without the plugin")


if __name__ == "__main__":
    main()
