"""Run a command; print its wall time in seconds and its peak resident memory in KiB.

Why a separate process: Linux counts a child's peak from the moment it is forked, when it
still shares its parent's memory, so a child of the benchmark (which holds the 100× data)
would report the benchmark's size. Forked from this small process, it reports its own.
Its output goes nowhere; its errors come through to ours.
"""

import resource
import subprocess
import sys
import time

started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - started
print(f"{elapsed} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
sys.exit(code)
