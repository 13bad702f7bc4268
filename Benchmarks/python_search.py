#!/usr/bin/env python3
"""The baseline for search: the same queries as `voldir-benchmarks search`, answered by a
hand-written SQLite query in Python over voldir's own database. Prints p50 and p99 in ms.

Usage: python3 Benchmarks/python_search.py DATABASE.sqlite QUERIES.json
       python3 Benchmarks/python_search.py DATABASE.sqlite --one SKILL LANGUAGE DISTRICT

With --one, the process answers one question and prints its rows, as `voldir search` does: the
baseline for a whole `voldir search` process (Benchmarks/run.sh times both, start to exit).
"""
import json
import sqlite3
import sys
import time

SQL = """
SELECT v.id, v.name, v.email, v.phone, v.postcode FROM volunteer v
WHERE v.consent_contact = 1 AND v.postcode_district = ?
  AND EXISTS (SELECT 1 FROM volunteer_skill s WHERE s.volunteer_id = v.id AND s.key = ?)
  AND EXISTS (SELECT 1 FROM volunteer_language l WHERE l.volunteer_id = v.id AND l.code = ?)
ORDER BY v.name_key, v.id LIMIT 20
"""


def one(database, skill, language, district):
    db = sqlite3.connect(database)
    for row in db.execute(SQL, (district, skill, language)):
        print("\t".join("" if value is None else str(value) for value in row))


def main():
    if len(sys.argv) == 6 and sys.argv[2] == "--one":
        one(sys.argv[1], sys.argv[3], sys.argv[4], sys.argv[5])
        return
    db = sqlite3.connect(sys.argv[1])
    queries = json.load(open(sys.argv[2]))
    times = []
    found = 0
    for q in queries:
        start = time.perf_counter()
        rows = db.execute(SQL, (q["district"], q["skill"], q["language"])).fetchall()
        times.append((time.perf_counter() - start) * 1000)
        found += len(rows)
    times.sort()
    p50 = times[len(times) // 2]
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(json.dumps({"queries": len(times), "p50_ms": round(p50, 3), "p99_ms": round(p99, 3), "rows": found}))


if __name__ == "__main__":
    main()
