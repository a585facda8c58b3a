#!/usr/bin/env python3
"""Counts the instructions crossuser-check spends on the generated shapes.

Wall and CPU time on a small shared machine swing by tens of percent
between runs; instruction counts do not. This runs crossuser-check under
valgrind's callgrind (about 50 times slower than natively) once per shape,
N and check selection, and splits the count with callgrind_annotate:

  parse     clang::ParseAST less the tool's AST consumer: what
            `clang -fsyntax-only` does, inside the tool
  rules     crossuser::CheckInfo::Run: the checks' analysis
  consumer  the AST consumer: the rules plus turning findings into report
            records (locations, snippets, fingerprints, function names)
  tool      every instruction of the process, printing included

and prints a markdown table with rules and tool-less-parse as shares of
parse, and the growth exponent of the rules' count between successive N
(log(c2/c1) / log(N2/N1): 1 is linear, 2 quadratic).

  python3 bench/shapes_instr.py [BUILD_DIR] [--sizes 2000,8000]
      [--shapes a,b] [--checks all|each|cache-key,...] [--file F.cpp]

--file measures one file instead of the shapes (bench/out/stress.cpp,
say). This is a measurement, not a test: it never fails on slow figures.
"""

import argparse
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_shapes  # noqa: E402

CHECKS = ("crossuser-cache-key", "crossuser-shared-state", "crossuser-cacheable-response")
ALL = ",".join(CHECKS)


def die(msg):
    sys.exit("shapes_instr: " + msg)


def inclusive(text, pattern):
    """The largest inclusive count of a function whose name matches."""
    best = 0
    for m in re.finditer(r"^\s*([\d,]+) \([^)]*\)\s+\S*" + pattern, text, re.M):
        best = max(best, int(m.group(1).replace(",", "")))
    return best


def measure(tool, checks, path, std):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, tool,
               "--quiet", "--checks=-*," + checks, path, "--", "-std=" + std]
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
        if proc.returncode not in (0, 1):
            die("command failed (exit %d): %s\n%s"
                % (proc.returncode, " ".join(cmd), proc.stderr[-2000:]))
        text = subprocess.run(["callgrind_annotate", "--inclusive=yes",
                               "--threshold=100", out],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True, check=True).stdout
    total = inclusive(text, r"PROGRAM TOTALS")
    parse_all = inclusive(text, r"clang::ParseAST\(")
    consumer = inclusive(text, r"crossuser::\(anonymous namespace\)::"
                               r"AnalysisConsumer::HandleTranslationUnit")
    rules = inclusive(text, r"crossuser::CheckInfo::Run\(")
    parse = parse_all - consumer
    if parse <= 0:
        die("no parse found in the profile of " + path)
    return {"parse": parse, "rules": rules, "consumer": consumer, "tool": total}


def selections(arg):
    if arg == "all":
        return [ALL]
    if arg == "each":
        return list(CHECKS) + [ALL]
    out = []
    for name in arg.split(","):
        full = name if name.startswith("crossuser-") else "crossuser-" + name
        if full not in CHECKS:
            die("unknown check '%s'" % name)
        out.append(full)
    return out


def label(checks):
    return "all three" if checks == ALL else checks


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build_dir", nargs="?", default="build",
                    help="crossuser build directory (default: build)")
    ap.add_argument("--sizes", default="2000,8000", help="comma-separated N")
    ap.add_argument("--shapes", default=",".join(gen_shapes.SHAPES),
                    help="comma-separated shapes")
    ap.add_argument("--checks", default="each",
                    help="'each' (every check alone, then all three), 'all', or a list")
    ap.add_argument("--file", help="measure this file instead of the shapes")
    args = ap.parse_args()
    tool = os.path.abspath(os.path.join(args.build_dir, "bin", "crossuser-check"))
    if not os.path.exists(tool):
        die("build crossuser first: missing " + tool)
    for prog in ("valgrind", "callgrind_annotate"):
        if shutil.which(prog) is None:
            die(prog + " not found (Debian package valgrind)")
    sels = selections(args.checks)

    jobs = []
    if args.file:
        jobs.append((os.path.basename(args.file), None, args.file))
    else:
        outdir = os.path.join(REPO, "bench", "out", "shapes")
        os.makedirs(outdir, exist_ok=True)
        for shape in args.shapes.split(","):
            if shape not in gen_shapes.SHAPES + gen_shapes.PARTS:
                die("unknown shape '%s'" % shape)
            for n in [int(s) for s in args.sizes.split(",")]:
                path = os.path.join(outdir, "%s-%d.cpp" % (shape, n))
                with open(path, "w", encoding="utf-8") as f:
                    f.write(gen_shapes.generate(shape, n))
                jobs.append((shape, n, path))

    print("| file | N | checks | parse Minstr | rules Minstr | rules/parse % "
          "| tool-parse/parse % | rules growth |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    previous = {}
    for name, n, path in jobs:
        for checks in sels:
            r = measure(tool, checks, path, "c++17")
            grow = "-"
            key = (name, checks)
            if key in previous and n and previous[key][1] > 0 and r["rules"] > 0:
                n0, c0 = previous[key]
                grow = "%.2f" % (math.log(r["rules"] / c0) / math.log(n / n0))
            previous[key] = (n, r["rules"])
            print("| %s | %s | %s | %.0f | %.0f | %.1f | %.1f | %s |" % (
                name, n if n else "-", label(checks), r["parse"] / 1e6, r["rules"] / 1e6,
                100.0 * r["rules"] / r["parse"],
                100.0 * (r["tool"] - r["parse"]) / r["parse"], grow), flush=True)


if __name__ == "__main__":
    main()
