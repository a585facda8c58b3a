#!/usr/bin/env python3
"""Times crossuser-check on the generated shapes of bench/gen_shapes.py.

For each shape and each N it writes bench/out/shapes/<shape>-<N>.cpp and
times, in rounds (each round runs every command once, so a change in the
machine's load hits every column alike):

  parse   clang++-16 -fsyntax-only -std=c++17 FILE
  <check> crossuser-check --quiet --checks='-*,<check>' FILE -- -std=c++17
          for each of the three checks alone, and for all three together

and keeps the minimum of --runs rounds. With --cpu it measures CPU time
(user + system of the child) instead of wall time, which a busy machine
disturbs less. It prints a markdown table: shape,
N, checks, parse s, analysis s (tool minus parse), analysis/parse %, and the
growth exponent of the analysis time between successive N
(log(t2/t1) / log(N2/N1): 1 is linear, 2 quadratic). A command that runs
longer than --timeout seconds is reported as a timeout and not run again
for larger N of that shape.

This is a measurement, not a test: it never fails on slow figures.

  python3 bench/shapes.py [BUILD_DIR] [--sizes 1000,2000,4000,8000] [--runs 3] [--cpu]
"""

import argparse
import math
import os
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_shapes  # noqa: E402

CHECKS = ("crossuser-cache-key", "crossuser-shared-state", "crossuser-cacheable-response")
ALL = "all three"


def die(msg):
    sys.exit("shapes: " + msg)


def timed(cmd, timeout, cpu=False):
    """Wall time (or, with cpu, user + system time) of one run, or None on
    timeout. Exit 0 and 1 (findings) are fine."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        die("command failed (exit %d): %s\n%s" % (proc.returncode, " ".join(cmd), proc.stderr))
    if cpu:
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed


def commands(args, path):
    cmds = {"parse": [args.clangxx, "-fsyntax-only", "-std=c++17", path]}
    for check in CHECKS:
        cmds[check] = [args.check, "--quiet", "--checks=-*," + check, path, "--", "-std=c++17"]
    cmds[ALL] = [args.check, "--quiet", "--checks=-*," + ",".join(CHECKS), path,
                 "--", "-std=c++17"]
    return cmds


def exponent(t1, t2, n1, n2):
    if t1 is None or t2 is None or t1 <= 0 or t2 <= 0:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def fmt(value, spec):
    return "-" if value is None else format(value, spec)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build_dir", nargs="?", default="build",
                    help="crossuser build directory (default: build)")
    ap.add_argument("--sizes", default="1000,2000,4000,8000", help="comma-separated N")
    ap.add_argument("--shapes", default=",".join(gen_shapes.SHAPES), help="comma-separated shapes")
    ap.add_argument("--runs", type=int, default=3, help="rounds; the minimum is kept (default 3)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per command (default 300)")
    ap.add_argument("--cpu", action="store_true",
                    help="measure CPU time (user + system) instead of wall time; steadier "
                         "on a loaded machine")
    ap.add_argument("--clangxx", default=os.environ.get("CLANGXX", "clang++-16"))
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = args.shapes.split(",")
    for shape in shapes:
        if shape not in gen_shapes.SHAPES + gen_shapes.PARTS:
            die("unknown shape '%s' (known: %s)"
                % (shape, ", ".join(gen_shapes.SHAPES + gen_shapes.PARTS)))
    args.check = os.path.abspath(os.path.join(args.build_dir, "bin", "crossuser-check"))
    if not os.path.exists(args.check):
        die("build crossuser first: missing " + args.check)
    if shutil.which(args.clangxx) is None:
        die(args.clangxx + " not found (set CLANGXX)")

    load = os.getloadavg()[0]
    print("shapes: load average %.1f on %d cores at start" % (load, os.cpu_count()),
          file=sys.stderr)
    outdir = os.path.join(REPO, "bench", "out", "shapes")
    os.makedirs(outdir, exist_ok=True)

    rows = []
    for shape in shapes:
        timed_out = set()
        previous = {}
        for n in sizes:
            path = os.path.join(outdir, "%s-%d.cpp" % (shape, n))
            with open(path, "w", encoding="utf-8") as f:
                f.write(gen_shapes.generate(shape, n))
            cmds = commands(args, path)
            best = {name: None for name in cmds}
            for _ in range(args.runs):
                for name, cmd in cmds.items():
                    if name in timed_out:
                        continue
                    t = timed(cmd, args.timeout, args.cpu)
                    if t is None:
                        timed_out.add(name)
                        best[name] = None
                        continue
                    best[name] = t if best[name] is None else min(best[name], t)
            parse = best["parse"]
            for name in list(CHECKS) + [ALL]:
                tool = best[name]
                analysis = None if tool is None or parse is None else tool - parse
                share = None if analysis is None or not parse else 100.0 * analysis / parse
                grow = None
                if name in previous:
                    grow = exponent(previous[name][1], analysis, previous[name][0], n)
                rows.append((shape, n, name, parse, tool, analysis, share, grow,
                             name in timed_out))
                previous[name] = (n, analysis)
            print("shapes: %s N=%d done" % (shape, n), file=sys.stderr)

    print("| shape | N | checks | parse s | tool s | analysis s | analysis/parse % | growth |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    for shape, n, name, parse, tool, analysis, share, grow, out in rows:
        tool_cell = ("> %.0f (timeout)" % args.timeout) if out and tool is None else fmt(tool, ".3f")
        print("| %s | %d | %s | %s | %s | %s | %s | %s |" % (
            shape, n, name, fmt(parse, ".3f"), tool_cell, fmt(analysis, ".3f"),
            fmt(share, ".0f"), fmt(grow, ".2f")))
    print("\nload average %.1f on %d cores at the end" % (os.getloadavg()[0], os.cpu_count()))


if __name__ == "__main__":
    main()
