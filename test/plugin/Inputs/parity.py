"""Compiles each test/tidy case whose first RUN line is the default
clang-tidy run of one check with the compiler plugin (that check only),
and FileChecks the compiler's output against the case's own CHECK lines.

usage: parity.py CLANGXX PLUGIN TIDY_TEST_DIR -- FLAGS...
"""
import glob
import os
import re
import subprocess
import sys

DEFAULT_RUN = re.compile(
    r"^// RUN: %clang_tidy -checks='-\*,(crossuser-[a-z-]+)' %s -- %mock_flags \\$")


def main():
    sep = sys.argv.index("--")
    clang, plugin, tidy_dir = sys.argv[1:sep]
    flags = sys.argv[sep + 1:]
    checked, failed = 0, []
    for case in sorted(glob.glob(os.path.join(tidy_dir, "*.cpp"))):
        with open(case) as f:
            runs = [l.rstrip("\n") for l in f if l.startswith("// RUN:")]
        m = DEFAULT_RUN.match(runs[0]) if runs else None
        if not m:
            continue
        compile_ = subprocess.run(
            [clang, "-fplugin=" + plugin,
             "-fplugin-arg-crossuser-checks=-*," + m.group(1),
             "-fsyntax-only", case] + flags,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        check = subprocess.run(
            ["FileCheck", case, "--allow-empty",
             "--implicit-check-not={{warning|error}}:"],
            input=compile_.stdout, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True)
        checked += 1
        if compile_.returncode != 0 or check.returncode != 0:
            failed.append(case)
            sys.stdout.write("FAIL: %s\n%s%s" % (case, compile_.stdout, check.stdout))
    print("parity: %d cases, %d failed" % (checked, len(failed)))
    if checked == 0:
        sys.exit("parity: no test/tidy case found in " + tidy_dir)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
