#!/usr/bin/env python3
"""Validates SARIF files with Microsoft's SARIF multitool and prints one
line per file, 'FILE: N errors, N warnings', then each error and warning.

Exits 1 when the validator is missing, fails, or reports any error or
warning (its notes are style suggestions and are not counted).

With --rule-kind KIND (e.g. Gh: GitHub code scanning's ingestion rules),
runs that kind of rules instead of the default SARIF ones.

usage: sarif_validate.py MULTITOOL [--rule-kind KIND] FILE..."""
import json
import os
import subprocess
import sys
import tempfile


def main():
    tool, files = sys.argv[1], sys.argv[2:]
    kind = []
    if files[:1] == ["--rule-kind"]:
        kind, files = ["--rule-kind", files[1]], files[2:]
    if not os.access(tool, os.X_OK):
        sys.exit("sarif_validate: %s is missing; run scripts/install-sarif-multitool.sh" % tool)
    # scripts/asan.sh preloads the sanitizer runtimes into every process of
    # the test run; the validator is a foreign (.NET) program, run it bare.
    env = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "ASAN_OPTIONS")}
    failed = False
    for path in files:
        with tempfile.TemporaryDirectory() as tmp:
            log = os.path.join(tmp, "validation.sarif")
            # --rule-kind takes a list: it must follow the file, or it
            # swallows it as one more kind.
            proc = subprocess.run([tool, "validate", path, "--level", "Error;Warning;Note",
                                   "--output", log] + kind,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  env=env)
            if not os.path.exists(log):
                sys.exit("sarif_validate: the validator wrote no log (exit %d):\n%s"
                         % (proc.returncode, proc.stdout))
            with open(log) as f:
                results = json.load(f)["runs"][0].get("results", [])
            # A file that is not valid JSON or does not match the schema is
            # reported in toolExecutionNotifications, not results.
            with open(log) as f:
                notes = [n for inv in json.load(f)["runs"][0].get("invocations", [])
                         for n in inv.get("toolExecutionNotifications", [])
                         if n.get("level") == "error"]
        bad = [r for r in results if r.get("level", "warning") in ("error", "warning")]
        errors = sum(1 for r in bad if r.get("level") == "error") + len(notes)
        warnings = len(bad) - sum(1 for r in bad if r.get("level") == "error")
        print("%s: %d errors, %d warnings" % (os.path.basename(path), errors, warnings))
        for r in bad:
            print("  %s %s: %s" % (r.get("level"), r.get("ruleId"),
                                   r["message"].get("text") or r["message"].get("arguments")))
        for n in notes:
            print("  error: %s" % n.get("message", {}).get("text"))
        if bad or notes or proc.returncode != 0:
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
