#!/usr/bin/env python3
"""Usage: read_fifo.py FIFO COMMAND...: runs COMMAND while reading FIFO,
prints what came through the FIFO, then 'exit: N'. Never blocks on a
command that does not open the FIFO."""
import os
import select
import subprocess
import sys
import time

fifo, cmd = sys.argv[1], sys.argv[2:]
proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
data = b""
deadline = time.time() + 120
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.1)
    chunk = os.read(fd, 65536) if ready else b""
    data += chunk
    if not chunk and proc.poll() is not None:
        break
    if not chunk:
        time.sleep(0.05)
os.close(fd)
sys.stdout.write(data.decode("utf-8", "replace"))
print("exit: %d" % proc.wait())
