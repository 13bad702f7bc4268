#!/usr/bin/env python3
"""Makes the workbooks the WorkbookImporter tests read, with real spreadsheet writers.

    pip install openpyxl odfpy msoffcrypto-tool
    apt-get install -y libreoffice-calc        # for the LibreOffice-saved copies
    python3 Scripts/make-workbook-fixtures.py

Writes Tests/WorkbookImporterTests/Fixtures/ and Imports/hope-valley-mutual-aid.xlsx. The files
are committed, so the tests need no Python: run this again only to change them. Everyone in them
is fictional; phone numbers are Ofcom's drama numbers (07700 900xxx), emails use example.org.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TableProperties
from odf.table import Table, TableCell, TableColumn, TableRow, CoveredTableCell
from odf.text import P, S, Span

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "WorkbookImporterTests", "Fixtures")
IMPORTS = os.path.join(ROOT, "Imports")


def excel_export(path):
    """Shaped like an Excel export: a notes sheet first, a hidden old sheet, and the roster with a
    title block above its header, a merged header cell, a phone column stored as numbers, a date
    column formatted as dates, booleans, a formula and rich text."""
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Read me"
    notes["A1"] = "Hope Valley Mutual Aid: volunteer list. Please keep it up to date."
    notes["A2"] = "Questions to the coordinator."

    old = wb.create_sheet("Old list")
    old.sheet_state = "hidden"
    old.append(["Name", "Email"])
    old.append(["Hidden Person", "hidden@example.org"])

    ws = wb.create_sheet("Volunteers")
    ws["A1"] = "Hope Valley Mutual Aid"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:D1")
    ws["A2"] = "Volunteers as of spring"
    # Row 3 is left empty; the header is row 4.
    header = ["Ref", "First name", "Surname", "Full name", "Mobile", "Postcode", "Skills", "Languages",
              "Availability", "DBS", "Happy to be contacted", "Notes", "", "Network"]
    for column, title in enumerate(header, start=1):
        if title:
            ws.cell(row=4, column=column, value=title)
    ws.merge_cells("L4:M4")  # "Notes" spans two columns: read once
    rows = [
        # ref, first, surname, full-name formula, mobile, postcode, skills, languages, availability, dbs, consent, notes, notes-2, network
        ["HV-1", "Megan", "Ashworth", '=B5&" "&C5', 7700900123, "SK22 4AA", "First aid; Driving", "English; Welsh (fluent)",
         "Sat morning", "enhanced", True, datetime.date(2024, 3, 28), "ignored", "Hope Valley Mutual Aid"],
        ["HV-2", "Tomasz", "Kowalczyk", '=B6&" "&C6', 1632960001, "S33 6RB", "Gardening", "Polish (native); English",
         "weekends", "basic", False, "Allotment helper", None, "Hope Valley Mutual Aid"],
        ["HV-3", "Priya", "Nair", '=B7&" "&C7', "07700 900789", "S32 1DA", "Befriending", "Malayalam; English",
         "Tue evening", "none", True, None, None, "Hope Valley Mutual Aid"],
        ["HV-4", None, None, None, 7700900999, "S33 0AA", "", "", "", "", True, "no name here", None, "Hope Valley Mutual Aid"],
    ]
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(row=5 + offset, column=column, value=value)
    for row in range(5, 9):
        ws.cell(row=row, column=12).number_format = "dd/mm/yyyy"
        ws.cell(row=row, column=5).number_format = "General"
    # Rich text: a name written in two runs, bold and plain.
    ws.cell(row=7, column=4).value = CellRichText([TextBlock(InlineFont(b=True), "Priya"), " Nair"])
    wb.active = 2
    wb.save(path)


def book_1904(path):
    """The 1904 date system (old Excel for Mac)."""
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Members"
    ws.append(["Name", "Email", "Notes"])
    ws.append(["Elin Parry", "elin@example.org", datetime.date(2024, 3, 28)])
    ws["C2"].number_format = "d mmm yyyy"
    wb.save(path)


def needs_book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Requests"
    ws.append(["Need ID", "Requested By", "Title", "Required Languages", "When", "Places", "DBS Required"])
    ws.append(["HV-N1", "Hope Valley Library", "Homework club helper", "Polish (fluent)", "Wed afternoon", 2, "enhanced"])
    ws.append(["HV-N2", "Hope Valley Library", "Book delivery driver", "", "Sat morning", 1.5, "basic"])
    wb.save(path)


def odfpy_book(path):
    """An OpenDocument spreadsheet as odfpy writes it: typed cells (float, date, boolean), repeated
    columns and rows (a million empty rows, empty cells repeated across the sheet), a covered
    (merged) header cell, spaces written as text:s, a hidden sheet."""
    doc = OpenDocumentSpreadsheet()
    hidden = Style(name="taHidden", family="table")
    hidden.addElement(TableProperties(display="false"))
    doc.automaticstyles.addElement(hidden)

    secret = Table(name="Hidden", stylename=hidden)
    for values in (["Name", "Email"], ["Hidden Person", "hidden@example.org"]):
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            row.addElement(cell)
        secret.addElement(row)
    doc.spreadsheet.addElement(secret)

    table = Table(name="Members")
    table.addElement(TableColumn(numbercolumnsrepeated=16))

    def text_cell(value, repeat=None):
        cell = TableCell(valuetype="string", numbercolumnsrepeated=repeat) if repeat else TableCell(valuetype="string")
        cell.addElement(P(text=value))
        return cell

    def add_row(cells, repeat=None):
        row = TableRow(numberrowsrepeated=repeat) if repeat else TableRow()
        for cell in cells:
            row.addElement(cell)
        table.addElement(row)

    add_row([text_cell("Hope Valley walking group"), TableCell(numbercolumnsrepeated=1000)])
    add_row([TableCell(numbercolumnsrepeated=1024)])
    header = [text_cell("Name"), text_cell("Phone"), text_cell("Email"), text_cell("Consent"), text_cell("Notes"),
              CoveredTableCell(), text_cell("Languages")]
    add_row(header)

    def name_cell(first, last):
        cell = TableCell(valuetype="string")
        p = P(text=first)
        p.addElement(S(c=1))
        p.addText(last)
        cell.addElement(p)
        return cell

    add_row([name_cell("Rhys", "Morgan"), TableCell(valuetype="float", value="7700900321"), text_cell("rhys@example.org"),
             TableCell(valuetype="boolean", booleanvalue="true"), TableCell(valuetype="date", datevalue="2023-11-05"),
             TableCell(numbercolumnsrepeated=1), text_cell("Welsh; English")])
    # A million empty rows cost nothing.
    add_row([TableCell(numbercolumnsrepeated=16384)], repeat=1000000)
    notes = TableCell(valuetype="string")
    notes.addElement(P(text="First line"))
    notes.addElement(P(text="Second line"))
    add_row([text_cell("Sian Hughes"), TableCell(valuetype="float", value="1632960123"), text_cell("sian@example.org"),
             TableCell(valuetype="boolean", booleanvalue="false"), notes, TableCell(), text_cell("English")])
    add_row([TableCell(numbercolumnsrepeated=16384)], repeat=48000)
    doc.spreadsheet.addElement(table)
    doc.save(path)


def hope_valley_sample(path):
    """The demo's one .xlsx roster: a small network not in the other samples."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Volunteers"
    ws["A1"] = "Hope Valley Mutual Aid: volunteers"
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append(["Name", "Email", "Mobile", "Postcode", "Skills", "Languages", "Availability", "DBS", "Consent", "Age band", "Group"])
    people = [
        ["Megan Ashworth", "megan.ashworth@example.org", 7700900611, "S33 6RB", "First aid; Driving", "English; Welsh (fluent)",
         "Sat morning; Sun morning", "enhanced 2024-02-14", "yes", "35-49", "Hope Valley Mutual Aid"],
        ["Tomasz Kowalczyk", "tomasz.k@example.org", "07700 900612", "S33 8WA", "Gardening; DIY", "Polish (native); English (fluent)",
         "weekends", "basic", "yes", "50-64", "Hope Valley Mutual Aid"],
        ["Priya Nair", "priya.nair@example.org", "07700 900613", "S32 1DA", "Befriending; Cooking", "Malayalam (native); Tamil; English",
         "Tue evening; Thu evening", "standard", "yes", "25-34", "Hope Valley Mutual Aid"],
        ["Olusegun Adeyemi", "segun.a@example.org", 7700900614, "S33 0AR", "Accountancy (professional); Mentoring",
         "Yoruba (native); English (fluent)", "weekday evenings", "enhanced", "yes", "50-64", "Hope Valley Mutual Aid"],
        ["Eleri Davies", "eleri.davies@example.org", "07700 900615", "S32 2JB", "Walking group leader; First aid",
         "Welsh (native); English", "Wed morning", "none", "no", "65+", "Hope Valley Mutual Aid"],
    ]
    for person in people:
        ws.append(person)
    wb.save(path)


def libreoffice_copies(source, target_dir, stem):
    """Opens `source` in LibreOffice and saves it as .xlsx and .ods (formulas get cached values)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found: apt-get install -y libreoffice-calc")
    with tempfile.TemporaryDirectory() as work:
        copy = os.path.join(work, stem + "-in.xlsx")
        shutil.copy(source, copy)
        for extension in ("xlsx", "ods", "xls"):
            out = os.path.join(work, extension)
            os.mkdir(out)
            subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{work}/profile",
                            "--convert-to", extension, "--outdir", out, copy], check=True, capture_output=True)
            shutil.copy(os.path.join(out, stem + "-in." + extension), os.path.join(target_dir, f"{stem}-libreoffice.{extension}"))


def encrypted(source, path):
    """The workbook saved with a password, as Office encrypts it (an OLE file, not a zip)."""
    import msoffcrypto
    from msoffcrypto.format.ooxml import OOXMLFile
    with open(source, "rb") as plain, open(path, "wb") as out:
        OOXMLFile(plain).encrypt("secret", out)


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    excel = os.path.join(FIXTURES, "members-excel.xlsx")
    excel_export(excel)
    book_1904(os.path.join(FIXTURES, "members-1904.xlsx"))
    needs_book(os.path.join(FIXTURES, "needs.xlsx"))
    odfpy_book(os.path.join(FIXTURES, "members-odfpy.ods"))
    libreoffice_copies(excel, FIXTURES, "members")
    os.replace(os.path.join(FIXTURES, "members-libreoffice.xls"), os.path.join(FIXTURES, "legacy.xls"))
    encrypted(excel, os.path.join(FIXTURES, "password.xlsx"))
    hope_valley_sample(os.path.join(IMPORTS, "hope-valley-mutual-aid.xlsx"))


if __name__ == "__main__":
    main()
