#!/usr/bin/env python3
"""Times whole processes, start to exit, for the search rows of Benchmarks/run.sh: each run is a
spawn of COMMAND, timed by the wall clock, with the peak resident memory the kernel reports
for that child, and the processor time (user and system) the kernel charged to it. Prints the
median and the best wall time in ms, the median processor time in ms (steadier than the wall time
on a shared machine) and the median peak in MB, as JSON.

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
    # posix_spawn rather than fork: the child shares no pages with this interpreter, so its peak
    # memory is its own.
    devnull = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0), (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
    start = time.perf_counter()
    pid = os.posix_spawnp(command[0], command, os.environ, file_actions=devnull)
    _, status, usage = os.wait4(pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"process_time: {' '.join(command)} exited with {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_maxrss / 1024, (usage.ru_utime + usage.ru_stime) * 1000


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
    times, peaks, cpus = [], [], []
    for _ in range(runs):
        if before is not None:
            subprocess.run(before, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed, peak, cpu = run_once(command)
        times.append(elapsed)
        peaks.append(peak)
        cpus.append(cpu)
    times.sort()
    peaks.sort()
    cpus.sort()
    print(json.dumps({"runs": runs, "median_ms": round(times[len(times) // 2], 1), "best_ms": round(times[0], 1),
                      "cpu_ms": round(cpus[len(cpus) // 2], 1), "peak_mb": round(peaks[len(peaks) // 2], 1)}))


if __name__ == "__main__":
    main()
