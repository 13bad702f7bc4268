import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import WorkbookImporter

/// Each kind of cell an .xlsx can hold, read into the text a roster cell holds.
@Suite("Workbook cell kinds")
struct CellKindTests {
    /// Reads one data row under a `Name, Email, Phone, Notes, Consent` header; returns the first volunteer.
    func volunteer(
        _ cells: String, sharedStrings: [String] = [], cellFormats: [Int] = [0], customFormats: [Int: String] = [:],
        date1904: Bool = false
    ) throws -> (VolunteerRecord?, RecordingSink) {
        let factory = try WorkbookFactory()
        let url = try factory.xlsx(
            sheets: [
                (
                    "Sheet1", textRow(1, "Name", "Email", "Phone", "Notes", "Consent") + #"<row r="2">\#(cells)</row>"#,
                    nil
                )
            ],
            sharedStrings: sharedStrings, cellFormats: cellFormats, customFormats: customFormats, date1904: date1904)
        let sink = try readWorkbook(url)
        return (sink.volunteers.first, sink)
    }

    @Test("shared strings, including rich-text runs, with phonetic guides left out")
    func sharedStrings() throws {
        let (record, _) = try volunteer(
            #"<c r="A2" t="s"><v>1</v></c><c r="D2" t="s"><v>0</v></c>"#,
            sharedStrings: [
                "Plain note",
                #"<r><rPr><b/></rPr><t>Aiko</t></r><r><t xml:space="preserve"> Tanaka</t></r><rPh sb="0" eb="2"><t>アイコ</t></rPh>"#,
            ])
        #expect(record?.name == "Aiko Tanaka")
        #expect(record?.notes == "Plain note")
    }

    @Test("the XML's own escapes and character references read as the characters (no entity is ever needed)")
    func escapes() throws {
        let (record, _) = try volunteer(
            #"<c r="A2" t="s"><v>0</v></c><c r="D2" t="inlineStr"><is><t>Caf&#233; &lt;Tue&gt; &quot;Fish&quot; &amp; &#x1F600;</t></is></c>"#,
            sharedStrings: ["Zo&#235; O&apos;Neill"])
        #expect(record?.name == "Zoë O'Neill")
        #expect(record?.notes == "Café <Tue> \"Fish\" & 😀")
    }

    @Test("inline strings, plain and in runs")
    func inlineStrings() throws {
        let (record, _) = try volunteer(
            #"<c r="A2" t="inlineStr"><is><t>Ana Lima</t></is></c><c r="D2" t="inlineStr"><is><r><t>two</t></r><r><t> runs</t></r></is></c>"#
        )
        #expect(record?.name == "Ana Lima")
        #expect(record?.notes == "two runs")
    }

    @Test("numbers read as a spreadsheet shows them in General: no spurious .0")
    func numbers() throws {
        let (whole, _) = try volunteer(#"<c r="A2" t="inlineStr"><is><t>N</t></is></c><c r="D2"><v>42</v></c>"#)
        #expect(whole?.notes == "42")
        let (fraction, _) = try volunteer(
            #"<c r="A2" t="inlineStr"><is><t>N</t></is></c><c r="D2" t="n"><v>2.5</v></c>"#)
        #expect(fraction?.notes == "2.5")
    }

    @Test("booleans read as TRUE and FALSE, which consent understands")
    func booleans() throws {
        let (yes, _) = try volunteer(#"<c r="A2" t="inlineStr"><is><t>N</t></is></c><c r="E2" t="b"><v>1</v></c>"#)
        #expect(yes?.consent.contact == true)
        let (no, _) = try volunteer(#"<c r="A2" t="inlineStr"><is><t>N</t></is></c><c r="E2" t="b"><v>0</v></c>"#)
        #expect(no?.consent.contact == false)
    }

    @Test("formulas give their cached value and are never evaluated")
    func formulas() throws {
        let (record, _) = try volunteer(
            #"<c r="A2" t="str"><f>CONCAT("Li"," Wei")</f><v>Li Wei</v></c><c r="D2"><f>1+1</f><v>3</v></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>"#
        )
        #expect(record?.name == "Li Wei")
        #expect(record?.notes == "3")  // the cached value, even when the formula says otherwise
        #expect(record?.email == "#DIV/0!")
        // A formula with no cached value is an empty cell.
        let (none, sink) = try volunteer(#"<c r="A2" t="str"><f>"never"</f></c>"#)
        #expect(none == nil)
        #expect(sink.rejections.isEmpty)
    }

    @Test("empty cells and gaps between cells keep later cells in their columns")
    func emptyCells() throws {
        let (record, _) = try volunteer(
            #"<c r="A2" t="inlineStr"><is><t>Gap</t></is></c><c r="B2"/><c r="C2" s="0"></c><c r="D2"><v>7</v></c>"#)
        #expect(record?.email == nil)
        #expect(record?.phone == nil)
        #expect(record?.notes == "7")
    }

    @Test("cells without references follow one another")
    func cellsWithoutReferences() throws {
        let (record, _) = try volunteer(
            #"<c t="inlineStr"><is><t>No Refs</t></is></c><c t="inlineStr"><is><t>n@example.org</t></is></c>"#)
        #expect(record?.name == "No Refs")
        #expect(record?.email == "n@example.org")
    }

    @Test(
        "date serial numbers in the 1900 system, around the phantom 29 February 1900",
        arguments: [
            ("45379", "2024-03-28"), ("1", "1900-01-01"), ("59", "1900-02-28"), ("60", "1900-02-29"),
            ("61", "1900-03-01"), ("45379.75", "2024-03-28"),
        ])
    func dates1900(_ serial: String, _ date: String) throws {
        let (record, _) = try volunteer(
            #"<c r="A2" t="inlineStr"><is><t>D</t></is></c><c r="D2" s="1"><v>\#(serial)</v></c>"#,
            cellFormats: [0, 14])
        #expect(record?.notes == date)
    }

    @Test("date serial numbers in the 1904 system")
    func dates1904() throws {
        let (record, _) = try volunteer(
            #"<c r="A2" t="inlineStr"><is><t>D</t></is></c><c r="D2" s="1"><v>43917</v></c>"#, cellFormats: [0, 14],
            date1904: true)
        #expect(record?.notes == "2024-03-28")
    }

    @Test("a custom format with days, months or years is a date; a number or time format is not")
    func customDateFormats() throws {
        let formats = [
            164: "dd/mm/yyyy", 165: "0.00", 166: "h:mm", 167: #"[$-809]d\ mmmm\ yyyy;@"#, 168: "#,##0&quot; days&quot;",
        ]
        let (dated, _) = try volunteer(
            #"<c r="A2" t="inlineStr"><is><t>D</t></is></c><c r="D2" s="1"><v>45379</v></c>"#, cellFormats: [0, 164],
            customFormats: formats)
        #expect(dated?.notes == "2024-03-28")
        let (localised, _) = try volunteer(
            #"<c r="A2" t="inlineStr"><is><t>D</t></is></c><c r="D2" s="1"><v>45379</v></c>"#, cellFormats: [0, 167],
            customFormats: formats)
        #expect(localised?.notes == "2024-03-28")
        for plain in [165, 166, 168] {
            let (number, _) = try volunteer(
                #"<c r="A2" t="inlineStr"><is><t>D</t></is></c><c r="D2" s="1"><v>45379</v></c>"#,
                cellFormats: [0, plain], customFormats: formats)
            #expect(number?.notes == "45379")
        }
        #expect(NumberFormat.isDate("General") == false)
        #expect(NumberFormat.isBuiltInDate(14) && NumberFormat.isBuiltInDate(22) && NumberFormat.isBuiltInDate(47))
        #expect(!NumberFormat.isBuiltInDate(0) && !NumberFormat.isBuiltInDate(49))
    }

    @Test("ISO dates stored as t=\"d\" read as the date")
    func isoDateCells() throws {
        let (record, _) = try volunteer(
            #"<c r="A2" t="inlineStr"><is><t>D</t></is></c><c r="D2" t="d"><v>2024-03-28T00:00:00</v></c>"#)
        #expect(record?.notes == "2024-03-28")
    }

    @Test(
        "a phone stored as a number gets its leading 0 back for a UK mobile or landline length, with a warning",
        arguments: [
            ("7700900123", "07700900123"), ("1632960001", "01632960001"), ("169772000", "0169772000"),
            ("2079460000", "02079460000"),
        ])
    func phoneRestored(_ stored: String, _ restored: String) throws {
        let (record, sink) = try volunteer(
            #"<c r="A2" t="inlineStr"><is><t>P</t></is></c><c r="C2"><v>\#(stored)</v></c>"#)
        #expect(record?.phone == restored)
        #expect(
            sink.warnings.contains {
                $0.message.contains("phone '\(stored)' was stored as a number") && $0.location?.line == 2
            })
    }

    @Test(
        "other numbers in a phone column, and phones typed as text, are left as they are",
        arguments: ["447700900123", "900123", "5550100123"])
    func phoneLeftAlone(_ stored: String) throws {
        let (record, sink) = try volunteer(
            #"<c r="A2" t="inlineStr"><is><t>P</t></is></c><c r="C2"><v>\#(stored)</v></c>"#)
        #expect(record?.phone == stored)
        #expect(!sink.warnings.contains { $0.message.contains("leading 0") })
        let (text, textSink) = try volunteer(
            #"<c r="A2" t="inlineStr"><is><t>P</t></is></c><c r="C2" t="inlineStr"><is><t>7700900123</t></is></c>"#)
        #expect(text?.phone == "7700900123")
        #expect(!textSink.warnings.contains { $0.message.contains("leading 0") })
    }

    @Test("column letters", arguments: [("A1", 0), ("Z9", 25), ("AA10", 26), ("XFD1048576", 16_383), ("b2", 1)])
    func columns(_ reference: String, _ index: Int) {
        #expect(XLSXWorkbook.columnIndex(reference) == index)
        #expect(XLSXWorkbook.columnName(index) == reference.prefix { $0.isLetter }.uppercased())
    }
}

/// Which sheet is read, where its header is, and how rows are numbered.
@Suite("Workbook sheets and headers")
struct SheetChoiceTests {
    @Test("the header may sit below a title block; rows keep the sheet's numbers in messages")
    func titleBlock() throws {
        let factory = try WorkbookFactory()
        let rows =
            textRow(1, "Hope Valley volunteers") + textRow(2, "Updated weekly") + textRow(5, "Name", "Email")
            + textRow(6, "Ola Nowak", "ola@example.org") + textRow(14, "", "nobody@example.org")
        let url = try factory.xlsx("members.xlsx", sheets: [("Volunteers", rows, nil)])
        let sink = try readWorkbook(url, options: ImportOptions(network: "Hope Valley"))
        #expect(sink.volunteers.map(\.name) == ["Ola Nowak"])
        #expect(sink.records.first?.location == SourceLocation(line: 6, sheet: "Volunteers"))
        let rejection = try #require(sink.rejections.first)
        #expect(rejection.location.placing(in: "members.xlsx") == #"members.xlsx, sheet "Volunteers", row 14"#)
        #expect(rejection.reason == "no name")
    }

    @Test("the first visible sheet whose header reads as a roster; hidden sheets are passed over")
    func firstMatchingVisibleSheet() throws {
        let factory = try WorkbookFactory()
        let url = try factory.xlsx(sheets: [
            ("Summary", textRow(1, "Total", "12"), nil),
            ("Secret", textRow(1, "Name") + textRow(2, "Hidden One"), "hidden"),
            ("Very secret", textRow(1, "Name") + textRow(2, "Hidden Two"), "veryHidden"),
            ("Roster", textRow(1, "Name") + textRow(2, "Shown"), nil),
            ("Later", textRow(1, "Name") + textRow(2, "Not read"), nil),
        ])
        let sink = try readWorkbook(url)
        #expect(sink.volunteers.map(\.name) == ["Shown"])
        let named = try readWorkbook(url, options: ImportOptions(sheet: "Very secret"))
        #expect(named.volunteers.map(\.name) == ["Hidden Two"])
    }

    @Test("no sheet with a header row says which sheets were looked at")
    func noHeader() throws {
        let factory = try WorkbookFactory()
        let url = try factory.xlsx(sheets: [("Totals", textRow(1, "Month", "Count"), nil)])
        #expect { try readWorkbook(url) } throws: { error in
            "\(error)".contains("no sheet has a row that reads as a roster or needs header")
                && "\(error)".contains("'Totals'")
        }
    }

    @Test("--map and --kind apply to workbooks as to CSV")
    func mapAndKind() throws {
        let factory = try WorkbookFactory()
        let url = try factory.xlsx(sheets: [
            ("S", textRow(1, "Who", "Tongues") + textRow(2, "Zainab Ali", "Somali; English"), nil)
        ])
        let sink = try readWorkbook(
            url, options: ImportOptions(kind: .volunteers, columnMap: ["Who": "name", "Tongues": "languages"]))
        #expect(sink.volunteers.first?.name == "Zainab Ali")
        #expect(sink.volunteers.first?.languages.map(\.language.code) == ["som", "eng"])
    }

    @Test("a merged header cell is read once: the cells it covers are empty and ignored")
    func mergedHeader() throws {
        let factory = try WorkbookFactory()
        let header =
            #"<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Skills</t></is></c><c r="C1" s="0"/></row>"#
        let url = try factory.xlsx(
            sheets: [("S", header + textRow(2, "Kofi Mensah", "Driving", "Cooking"), nil)],
            replacing: [:])
        let sink = try readWorkbook(url, options: ImportOptions(network: "N"))
        #expect(sink.volunteers.first?.skills.map(\.written) == ["Driving"])
        #expect(!sink.warnings.contains { $0.message.contains("is not a volunteers field") })
    }
}
