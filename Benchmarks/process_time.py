#!/usr/bin/env python3
"""Times whole processes, start to exit, for the search rows of Benchmarks/run.sh: each run is a
fork and exec of COMMAND, timed by the wall clock, with the peak resident memory the kernel reports
for that child. Prints the median and the best in ms and the median peak in MB, as JSON.

Usage: python3 Benchmarks/process_time.py [--runs N] [--before 'SHELL COMMAND'] -- COMMAND...

With --before, the shell command runs (untimed) before every run: a change to the directory, so
that each timed process is the first after a change (cold); without it the runs follow each other
(warm, after one untimed run).
"""
import json
import os
import subprocess
import sys
import time


def run_once(command):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"process_time: {' '.join(command)} exited with {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    args = sys.argv[1:]
    runs, before = 10, None
    while args and args[0] != "--":
        if args[0] == "--runs":
            runs, args = int(args[1]), args[2:]
        elif args[0] == "--before":
            before, args = args[1], args[2:]
        else:
            sys.exit(__doc__)
    command = args[1:]
    if not command:
        sys.exit(__doc__)
    if before is None:
        run_once(command)
    times, peaks = [], []
    for _ in range(runs):
        if before is not None:
            subprocess.run(before, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed, peak = run_once(command)
        times.append(elapsed)
        peaks.append(peak)
    times.sort()
    peaks.sort()
    print(json.dumps({"runs": runs, "median_ms": round(times[len(times) // 2], 1), "best_ms": round(times[0], 1),
                      "peak_mb": round(peaks[len(peaks) // 2], 1)}))


if __name__ == "__main__":
    main()
