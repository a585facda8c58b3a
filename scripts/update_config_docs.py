#!/usr/bin/env python3
"""Rewrites the defaults block of docs/configuration.md from the output of
`crossuser-check --dump-config` run outside any configured directory, so
that test/tool/dump-config.test passes after an option or check changes.

Usage: scripts/update_config_docs.py [build-dir]   (default: build)
"""
import os
import re
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build"))
tool = os.path.join(build, "bin", "crossuser-check")
with tempfile.TemporaryDirectory() as empty:
    out = subprocess.run([tool, "--dump-config"], cwd=empty, check=True,
                         capture_output=True, text=True).stdout
path = os.path.join(root, "docs", "configuration.md")
text = open(path).read()
block = re.compile(r"```yaml\n(Checks: 'crossuser-\*'\nCheckOptions:\n.*?)```", re.S)
if not block.search(text):
    sys.exit("docs/configuration.md has no defaults block to update")
text = block.sub(lambda m: "```yaml\n" + out + "```", text, count=1)
open(path, "w").write(text)
print("updated", os.path.relpath(path, root))
