#!/usr/bin/env python3
"""The baseline an analyst would write: load a roster CSV into an indexed SQLite table with
Python's csv and sqlite3 modules, in one transaction.

Usage: python3 Benchmarks/python_loader.py ROSTER.csv DATABASE.sqlite
"""
import csv
import sqlite3
import sys


def main():
    source, target = sys.argv[1], sys.argv[2]
    db = sqlite3.connect(target)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute(
        """CREATE TABLE volunteer (ref TEXT, name TEXT, email TEXT, phone TEXT, postcode TEXT, district TEXT,
           network TEXT, skills TEXT, languages TEXT, availability TEXT, dbs TEXT, consent INTEGER, age_band TEXT)"""
    )
    with open(source, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        next(reader)
        rows = (
            (
                r[0], r[1].strip(), r[2].strip().lower(), "".join(ch for ch in r[3] if ch.isdigit()), r[4].strip().upper(),
                r[4].strip().upper().split(" ")[0], r[5], r[6].lower(), r[7].lower(), r[8], r[9], 1 if r[10].lower().startswith("y") else 0, r[11],
            )
            for r in reader
            if len(r) >= 12 and r[1].strip()
        )
        db.executemany("INSERT INTO volunteer VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    db.execute("CREATE INDEX volunteer_email ON volunteer(email)")
    db.execute("CREATE INDEX volunteer_phone ON volunteer(phone)")
    db.execute("CREATE INDEX volunteer_district ON volunteer(district)")
    db.commit()
    db.close()


if __name__ == "__main__":
    main()
