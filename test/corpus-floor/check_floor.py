#!/usr/bin/env python3
"""Runs the corpus scorer and fails when recall or precision falls below its floor.

  check_floor.py --floor floor.txt -- python3 CORPUS/score.py --tool crossuser-check --jobs 2

The floor file holds one `<recall|precision|f1> <number>` per line (`#`
comments). The scorer's output is passed through; its last line must be
`recall=R precision=P f1=F`. Exit status 0 when every figure is at or above
its floor, 1 when one is below, 2 when the scorer failed or printed no score.
"""

import re
import subprocess
import sys

SCORE_RE = re.compile(r"^recall=(?P<recall>[\d.]+) precision=(?P<precision>[\d.]+) "
                      r"f1=(?P<f1>[\d.]+)\s*$")


def read_floors(path):
    floors = {}
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            m = re.match(r"^(recall|precision|f1)\s+([01](?:\.\d+)?)$", line)
            if not m:
                sys.exit("check_floor: %s:%d: expected '<recall|precision|f1> <number>'"
                         % (path, number))
            floors[m.group(1)] = float(m.group(2))
    if not floors:
        sys.exit("check_floor: %s sets no floor" % path)
    return floors


def main():
    argv = sys.argv[1:]
    if len(argv) < 4 or argv[0] != "--floor" or argv[2] != "--":
        sys.exit(__doc__.splitlines()[2].strip())
    floors = read_floors(argv[1])
    proc = subprocess.run(argv[3:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(proc.stdout)
    lines = proc.stdout.strip().splitlines()
    m = SCORE_RE.match(lines[-1]) if lines else None
    if proc.returncode != 0 or not m:
        print("check_floor: error: the scorer failed (exit %d) or printed no score line"
              % proc.returncode)
        return 2
    below = False
    for name in ("recall", "precision", "f1"):
        if name not in floors:
            continue
        value = float(m.group(name))
        ok = value >= floors[name]
        below |= not ok
        print("check_floor: %s %.3f, floor %.3f: %s" % (name, value, floors[name],
                                                        "ok" if ok else "BELOW THE FLOOR"))
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
