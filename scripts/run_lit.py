#!/usr/bin/env python3
"""Runs lit over the given suites and closes with 'N passed, N failed'."""
import os
import re
import subprocess
import sys

# lit from the LLVM being tested (scripts/test-llvm-versions.sh sets
# CROSSUSER_LLVM_VERSION), else from any supported LLVM.
LIT_CANDIDATES = [
    "/usr/lib/llvm-%s/build/utils/lit/lit.py" % v
    for v in dict.fromkeys([os.environ.get("CROSSUSER_LLVM_VERSION", "16"), "16", "15", "14"])
]


def find_lit():
    for path in LIT_CANDIDATES:
        if os.path.exists(path):
            return path
    sys.exit("run_lit: lit.py not found; install llvm-16-tools (scripts/setup.sh)")


def main():
    cmd = [sys.executable, find_lit(), "-sv", *sys.argv[1:]]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, bufsize=1)
    counts = {}
    for line in proc.stdout:
        sys.stdout.write(line)
        m = re.match(r"^\s+([A-Za-z ]+?)\s*:\s+(\d+)\s*$", line)
        if m:
            counts[m.group(1)] = int(m.group(2))
    rc = proc.wait()
    passed = counts.get("Passed", 0) + counts.get("Expectedly Failed", 0)
    failed = sum(counts.get(k, 0) for k in
                 ("Failed", "Unexpectedly Passed", "Timed Out", "Unresolved"))
    skipped = counts.get("Unsupported", 0) + counts.get("Excluded", 0) + counts.get("Skipped", 0)
    if rc != 0 and failed == 0:
        failed = 1  # lit itself failed (bad configuration): never report green
    line = "%d passed, %d failed" % (passed, failed)
    if skipped:
        line += ", %d skipped" % skipped
    print(line)
    sys.exit(1 if failed or rc != 0 else 0)


if __name__ == "__main__":
    main()
