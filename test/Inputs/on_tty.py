#!/usr/bin/env python3
"""Runs a command with its stderr on a pseudo-terminal and prints what it
wrote there, with carriage returns and escape sequences shown as \\r and
\\e, so a test can see a progress line that only terminals get."""
import os
import pty
import subprocess
import sys

master, slave = pty.openpty()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
chunks = []
while True:
    try:
        data = os.read(master, 4096)
    except OSError:
        break
    if not data:
        break
    chunks.append(data)
proc.wait()
text = b"".join(chunks).decode("utf-8", "replace")
print(text.replace("\r\n", "\n").replace("\r", "\\r").replace("\x1b", "\\e"))
