#!/usr/bin/env python3
"""Checks that `voldir match --format json` is optimal, with an independent solver.

Reads the JSON report, rebuilds the problem from its candidate list (need places and volunteer
capacity are given on the command line or read from the needs export), and solves it as a linear
programme with SciPy's HiGHS: the transportation polytope is integral, so the LP optimum is the
best matching. Places filled are maximised first (each pair is worth BIG + score), then the score.

Usage: python3 Benchmarks/verify_matching.py REPORT.json NEEDS.json [--max-per-volunteer N]
  (NEEDS.json from `voldir needs --format json`)
"""
import json
import sys

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    report = json.load(open(args[0]))
    needs = {n["id"]: n["places"] for n in json.load(open(args[1]))}
    capacity = int(args[args.index("--max-per-volunteer") + 1]) if "--max-per-volunteer" in args else 1
    candidates = report["candidates"]
    need_ids = sorted({c["need"] for c in candidates})
    volunteer_ids = sorted({c["volunteer"] for c in candidates})
    need_row = {n: i for i, n in enumerate(need_ids)}
    volunteer_row = {v: len(need_ids) + i for i, v in enumerate(volunteer_ids)}
    scores = np.array([round(c["score"] * 1000) for c in candidates], dtype=float)
    big = 10.0 ** 9
    rows, cols = [], []
    for j, c in enumerate(candidates):
        rows += [need_row[c["need"]], volunteer_row[c["volunteer"]]]
        cols += [j, j]
    a = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(need_ids) + len(volunteer_ids), len(candidates)))
    b = np.array([needs.get(n, 0) for n in need_ids] + [capacity] * len(volunteer_ids), dtype=float)
    result = linprog(-(big + scores), A_ub=a.tocsr(), b_ub=b, bounds=(0, 1), method="highs")
    if result.status != 0:
        sys.exit(f"solver failed: {result.message}")
    x = np.round(result.x)
    filled = int(x.sum())
    best = int(round(float(scores @ x)))
    ours_filled = len(report["assignments"])
    ours = round(report["totalScore"] * 1000)
    print(f"independent solver: {filled} places, score {best / 1000:.3f}")
    print(f"voldir:             {ours_filled} places, score {ours / 1000:.3f}")
    if (filled, best) != (ours_filled, ours):
        sys.exit("MISMATCH: voldir's matching is not optimal on its own candidate list")
    print("optimal: yes")


if __name__ == "__main__":
    main()
