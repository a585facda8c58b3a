#!/usr/bin/env python3
"""Checks the pages of docs/checks against the tool and extracts their code.

For each page: the sections a reviewer needs are there ("## How to fix",
"### Fixed example", "## References", "### Defaults"), every option of the
"## Options" table has a row in "### Defaults", and each default is the
value `crossuser-check --dump-config` prints (DUMP): a model option's
global key, a rule option's key under the page's check. The first C++ block
of "## Example"/"## Examples" is written to OUT/<check>.example.cpp and
the block of "### Fixed example" to OUT/<check>.fixed.cpp, for the test to
analyse. Prints one line per page, "<check>: N defaults", then problems.

usage: check_docs.py DOCS_DIR DUMP OUT"""
import glob
import os
import re
import sys


def section(text, heading):
    m = re.search(r"^%s\n(.*?)(?=^#{1,%d} |\Z)" % (re.escape(heading), heading.count("#")),
                  text, re.M | re.S)
    return m.group(1) if m else None


def first_cpp(text):
    m = re.search(r"^```cpp\n(.*?)^```", text or "", re.M | re.S)
    return m.group(1) if m else None


def main():
    docs, dump, out = sys.argv[1:4]
    dumped = open(dump).read()
    # Model options by their global keys, rule options under each check.
    shared = dict(re.findall(r"^  (\w+): '(.*)'$", dumped, re.M))
    bad = False
    for page in sorted(glob.glob(os.path.join(docs, "crossuser-*.md"))):
        check = os.path.basename(page)[:-3]
        defaults = dict(shared)
        defaults.update(re.findall(r"^  %s\.(\w+): '(.*)'$" % re.escape(check), dumped, re.M))
        text = open(page).read()
        problems = []
        for heading in ("## How to fix", "### Fixed example", "## References", "### Defaults"):
            if section(text, heading) is None:
                problems.append("no section '%s'" % heading)
        options = re.findall(r"^\| `(\w+)` \|", section(text, "## Options") or "", re.M)
        rows = dict(re.findall(r"^\| `(\w+)` \| (.*) \|$", section(text, "### Defaults") or "", re.M))
        for name in options:
            if name not in rows:
                problems.append("option '%s' has no default row" % name)
        for name, shown in rows.items():
            want = defaults.get(name)
            got = shown.strip("`").replace("; ", ";")
            if want is None:
                problems.append("'%s' is not an option" % name)
            elif got != want and not (shown == "(empty)" and want == ""):
                problems.append("'%s' shows '%s', the tool says '%s'" % (name, got, want))
        for kind, code in (("example", first_cpp(section(text, "## Example") or section(text, "## Examples"))),
                           ("fixed", first_cpp(section(text, "### Fixed example")))):
            if code:
                with open(os.path.join(out, "%s.%s.cpp" % (check, kind)), "w") as f:
                    f.write(code)
        print("%s: %d defaults" % (check, len(rows)))
        for p in problems:
            print("  " + p)
        bad = bad or bool(problems)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
