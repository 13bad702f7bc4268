#!/usr/bin/env python3
"""Writes a CSV roster as an .xlsx with openpyxl (write-only, so any size fits in memory), for the
workbook import benchmark: the same rows as the CSV benchmark, in the form Excel users send.

    python3 Benchmarks/csv_to_xlsx.py roster.csv roster.xlsx
"""
import csv
import sys

import openpyxl


def main(source, target):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Volunteers")
    with open(source, newline="", encoding="utf-8-sig") as rows:
        for row in csv.reader(rows):
            sheet.append(row)
    book.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
