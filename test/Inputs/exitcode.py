#!/usr/bin/env python3
"""Runs a command, echoes its stdout then stderr, and prints 'exit: N'.

lit's shell cannot test an exact exit status; this lets a test assert
crossuser-check's 0/1/2 contract with FileCheck."""
import subprocess
import sys

proc = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                      errors="replace")
sys.stdout.write(proc.stdout)
sys.stdout.write(proc.stderr)
print("exit: %d" % proc.returncode)
