#!/usr/bin/env python3
"""Times crossuser against plain Clang parsing and a plain clang-tidy run.

For every bench file it takes the median wall time of N runs of
  (a) clang++ -fsyntax-only                      the cost of parsing alone
  (b) clang-tidy --load=<crossuser module>       what a clang-tidy user pays
  (c) crossuser-check                            what CI pays per file
  (d) clang-tidy with one trivial built-in check clang-tidy's own fixed cost
and prints them with the ratios b/a, c/a and b/d. Then it times
crossuser-check over the demo service and over the stress file as whole
projects (-j1): per-TU mode, --whole-program from scratch, and --summaries
DIR with every summary up to date, and prints their ratios to per-TU mode.
See bench/README.md.
Run it through bench/run.sh.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(REPO, "bench", "gen_stress.py")
STRESS = os.path.join("bench", "out", "stress.cpp")
EXAMPLES_SRC = os.path.join("examples", "src")
EXAMPLES_INC = os.path.join("examples", "include")
FINDING = re.compile(r"warning: .*\[crossuser-[a-z-]+\]")
BUG_MARK = re.compile(r"// BUG: crossuser-cache-key$", re.M)


def die(msg):
    print(f"bench: {msg}", file=sys.stderr)
    sys.exit(2)


def bench_files():
    """(path, extra compile flags) for the stress file and each example source."""
    files = [(STRESS, [])]
    if not os.path.isdir(EXAMPLES_SRC):
        print(f"bench: {EXAMPLES_SRC}/ does not exist yet; benchmarking the stress file only",
              file=sys.stderr)
        return files
    for name in sorted(os.listdir(EXAMPLES_SRC)):
        if name.endswith(".cpp"):
            files.append((os.path.join(EXAMPLES_SRC, name), ["-I" + EXAMPLES_INC]))
    return files


def commands(args, path, flags):
    """The four measured commands, keyed by column, with their accepted exit codes."""
    compile_args = ["-std=c++17"] + flags
    # -warnings-as-errors=-* keeps a .clang-tidy in the tree from turning the
    # stress file's intended findings into a non-zero exit.
    tidy = [args.clang_tidy, "--quiet", "--warnings-as-errors=-*"]
    cmds = {
        "syntax": ([args.clangxx, "-fsyntax-only"] + compile_args + [path], {0}),
        "tidy_base": (tidy + ["-checks=-*,misc-definitions-in-headers", path, "--"] + compile_args, {0}),
    }
    if not args.baseline_only:
        cmds["tidy_cu"] = (tidy + ["--load=" + args.module, "-checks=-*,crossuser-*", path, "--"]
                           + compile_args, {0})
        # crossuser-check exits 1 when it reports findings; 2 is a tool error.
        cmds["check"] = ([args.check, path, "--"] + compile_args, {0, 1})
    return cmds


def run_once(cmd, ok_codes):
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as err:  # e.g. the binary is being relinked under us
        die(f"cannot run {cmd[0]}: {err.strerror}")
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok_codes:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        die(f"exit code {proc.returncode} from: {' '.join(cmd)}")
    return elapsed, proc.stdout + proc.stderr


def measure(cmds, runs):
    """Median seconds per command over `runs` rounds, after one untimed warm-up
    run each. Each round runs every command once, so drift in machine load
    lands on all columns alike. Returns ({col: median}, {col: [times]},
    {col: output of the warm-up run})."""
    outputs = {col: run_once(cmd, ok)[1] for col, (cmd, ok) in cmds.items()}
    times = {col: [] for col in cmds}
    for _ in range(runs):
        for col, (cmd, ok) in cmds.items():
            times[col].append(run_once(cmd, ok)[0])
    return {col: statistics.median(t) for col, t in times.items()}, times, outputs


def count_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return sum(1 for _ in f)


def ratio(num, den):
    return f"{num / den:.2f}x" if num is not None and den else "-"


def ms(value):
    return f"{value * 1000:.0f}" if value is not None else "-"


def print_table(rows):
    head = ["file", "lines", "syntax ms", "tidy+cu ms", "cu-check ms", "tidy-base ms",
            "b/a", "c/a", "b/d"]
    body = []
    for r in rows:
        body.append([r["file"], str(r["lines"]), ms(r["syntax"]), ms(r.get("tidy_cu")),
                     ms(r.get("check")), ms(r["tidy_base"]),
                     ratio(r.get("tidy_cu"), r["syntax"]), ratio(r.get("check"), r["syntax"]),
                     ratio(r.get("tidy_cu"), r["tidy_base"])])
    widths = [max(len(row[c]) for row in [head] + body) for c in range(len(head))]
    for n, row in enumerate([head] + body):
        if n == len(body):  # the TOTAL row
            print("  ".join("-" * w for w in widths))
        print("  ".join(cell.ljust(w) if c == 0 else cell.rjust(w)
                        for c, (cell, w) in enumerate(zip(row, widths))))


def whole_program(args, files):
    """Per-TU vs whole-program medians for the demo (every example source)
    and for the stress file, each as one project. Returns rows."""
    projects = [("demo", [f for f in files if f[0] != STRESS]), ("stress", [f for f in files if f[0] == STRESS])]
    rows = []
    for name, members in projects:
        if not members:
            continue
        root = os.path.abspath(os.path.join("bench", "out", "wp-" + name))
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(root)
        cdb = [{"directory": REPO, "file": os.path.abspath(path),
                "arguments": ["clang++", "-std=c++17"] + flags + ["-c", os.path.abspath(path)]}
               for path, flags in members]
        with open(os.path.join(root, "compile_commands.json"), "w", encoding="utf-8") as f:
            json.dump(cdb, f, indent=1)
        base = [args.check, "-p", root, "-j1", "--quiet"]
        cmds = {
            "per_tu": (base, {0, 1}),
            "whole": (base + ["--whole-program"], {0, 1}),
            # The warm-up run writes the summaries; timed runs find them current.
            "incremental": (base + ["--summaries", os.path.join(root, "summaries")], {0, 1}),
        }
        medians, times, outputs = measure(cmds, args.runs)
        row = {"project": name, "files": len(members), "runs_s": times}
        row.update(medians)
        row["findings"] = {col: len(FINDING.findall(out)) for col, out in outputs.items()}
        rows.append(row)
        print(f"bench: whole-program {name} done", file=sys.stderr)
    return rows


def print_whole_program(rows):
    head = ["project", "files", "per-TU ms", "whole-program ms", "ratio",
            "incremental ms", "ratio", "findings per-TU/whole"]
    body = [[r["project"], str(r["files"]), ms(r["per_tu"]), ms(r["whole"]),
             ratio(r["whole"], r["per_tu"]), ms(r["incremental"]),
             ratio(r["incremental"], r["per_tu"]),
             f'{r["findings"]["per_tu"]}/{r["findings"]["whole"]}'] for r in rows]
    widths = [max(len(row[c]) for row in [head] + body) for c in range(len(head))]
    for row in [head] + body:
        print("  ".join(cell.ljust(w) if c == 0 else cell.rjust(w)
                        for c, (cell, w) in enumerate(zip(row, widths))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build_dir", nargs="?", default="build",
                    help="crossuser build directory (default: build)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per command (default 5)")
    ap.add_argument("--lines", type=int, default=4000, help="stress file size (default 4000)")
    ap.add_argument("--baseline-only", action="store_true",
                    help="time only (a) and (d); for checking the bench before crossuser is built")
    ap.add_argument("--json", metavar="FILE", help="also write the medians as JSON")
    ap.add_argument("--no-whole-program", action="store_true",
                    help="skip the whole-program vs per-TU comparison")
    ap.add_argument("--clangxx", default=os.environ.get("CLANGXX", "clang++-16"))
    ap.add_argument("--clang-tidy", default=os.environ.get("CLANG_TIDY", "clang-tidy-16"))
    args = ap.parse_args()
    if args.runs < 1:
        die("--runs must be at least 1")

    # BUILD_DIR is relative to where the user stands; bench files to the repo.
    module = os.path.join(args.build_dir, "lib", "CrossUserTidyModule.so")
    check = os.path.join(args.build_dir, "bin", "crossuser-check")
    if not args.baseline_only:
        for path in (module, check):
            if not os.path.exists(path):
                die(f"build crossuser first: missing {path}")
    args.module, args.check = os.path.abspath(module), os.path.abspath(check)
    os.chdir(REPO)
    for tool in (args.clangxx, args.clang_tidy):
        if shutil.which(tool) is None:
            die(f"{tool} not found (set CLANGXX / CLANG_TIDY)")

    load = os.getloadavg()[0]
    if load > max(1.0, os.cpu_count() / 2):
        print(f"bench: warning: load average {load:.1f} on {os.cpu_count()} cores; "
              "figures will be noisy", file=sys.stderr)

    os.makedirs(os.path.dirname(STRESS), exist_ok=True)
    subprocess.run([sys.executable, GEN, "--lines", str(args.lines), "-o", STRESS], check=True)

    columns = ["syntax", "tidy_cu", "check", "tidy_base"]
    rows, findings = [], []
    files = bench_files()
    for path, flags in files:
        row = {"file": path, "lines": count_lines(path)}
        medians, times, outputs = measure(commands(args, path, flags), args.runs)
        row.update(medians)
        row["runs_s"] = times
        rows.append(row)
        print(f"bench: {path} done", file=sys.stderr)
        if not args.baseline_only:
            expected = None
            if path == STRESS:
                with open(path, encoding="utf-8") as f:
                    expected = len(BUG_MARK.findall(f.read()))
            findings.append((path, len(FINDING.findall(outputs["tidy_cu"])),
                             len(FINDING.findall(outputs["check"])), expected))

    total = {"file": "TOTAL", "lines": sum(r["lines"] for r in rows)}
    for col in columns:
        values = [r.get(col) for r in rows]
        total[col] = None if None in values else sum(values)
    rows.append(total)

    print(f"\nmedian wall time of {args.runs} runs (after one warm-up run); "
          "a = clang++ -fsyntax-only, b = clang-tidy + crossuser, "
          "c = crossuser-check, d = clang-tidy + misc-definitions-in-headers\n")
    print_table(rows)
    if findings:
        # Informational only: this is a benchmark, not a test.
        print("\nfindings (crossuser-* warnings; stress.cpp marks its intended bugs with // BUG):")
        for path, tidy_n, check_n, expected in findings:
            extra = f", {expected} marked" if expected is not None else ""
            print(f"  {path}: clang-tidy {tidy_n}, crossuser-check {check_n}{extra}")
    wp_rows = []
    if not args.baseline_only and not args.no_whole_program:
        wp_rows = whole_program(args, files)
        print(f"\nwhole-program mode: crossuser-check -j1 over each project, median wall time "
              f"of {args.runs} runs; ratio = over per-TU mode; incremental = --summaries DIR "
              "with every summary current\n")
        print_whole_program(wp_rows)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"runs": args.runs, "rows": rows, "whole_program": wp_rows}, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
