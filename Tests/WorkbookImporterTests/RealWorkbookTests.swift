import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import WorkbookImporter

/// Workbooks saved by real spreadsheet writers (openpyxl, odfpy, LibreOffice; made by
/// Scripts/make-workbook-fixtures.py and committed), read into the same records as a CSV roster.
@Suite("Workbooks saved by spreadsheet programs")
struct RealWorkbookTests {
    func read(_ name: String, options: ImportOptions = ImportOptions()) throws -> RecordingSink {
        try readWorkbook(fixturesFolder().appendingPathComponent(name), options: options)
    }

    @Test(
        "an Excel-shaped export and LibreOffice's .xlsx and .ods of it read alike",
        arguments: ["members-excel.xlsx", "members-libreoffice.xlsx", "members-libreoffice.ods"])
    func excelShapedExport(_ name: String) throws {
        let sink = try read(name)
        // The notes sheet comes first and has no header; the hidden old list is skipped.
        #expect(!sink.volunteers.contains { $0.name == "Hidden Person" })
        #expect(sink.volunteers.map(\.name) == ["Megan Ashworth", "Tomasz Kowalczyk", "Priya Nair"])
        let megan = try #require(sink.volunteers.first)
        #expect(megan.externalID == "HV-1")
        #expect(megan.phone == "07700900123")
        #expect(megan.postcode == "SK22 4AA")
        #expect(megan.skills.map(\.written) == ["First aid", "Driving"])
        #expect(megan.languages.map(\.language.code) == ["eng", "cym"])
        #expect(megan.availability == [Slot(day: .sat, part: .morning)])
        #expect(megan.dbs?.level == .enhanced)
        #expect(megan.consent.contact == true)
        // A date column formatted as dates reads as the date, not its serial number.
        #expect(megan.notes == "2024-03-28")
        #expect(megan.memberships.map(\.network.name) == ["Hope Valley Mutual Aid"])
        let tomasz = sink.volunteers[1]
        #expect(tomasz.phone == "01632960001")
        #expect(tomasz.consent.contact == false)
        #expect(tomasz.notes == "Allotment helper")
        // Typed as text, the phone keeps its spaces.
        #expect(sink.volunteers[2].phone == "07700 900789")
        // Row numbers are the sheet's own: the header sits on row 4 below a title block.
        #expect(sink.records.map(\.location) == [5, 6, 7].map { SourceLocation(line: $0, sheet: "Volunteers") })
        #expect(
            sink.rejections == [Rejection(location: SourceLocation(line: 8, sheet: "Volunteers"), reason: "no name")])
        let restored = sink.warnings.filter { $0.message.contains("leading 0") }
        #expect(restored.map(\.location?.line) == [5, 6, 8])
        // The merged "Notes" header spans two columns but is read once: no warning for its second column.
        #expect(!sink.warnings.contains { $0.message.contains("column ''") || $0.message.contains("Notes") })
    }

    @Test(
        "LibreOffice's .xlsx keeps each formula's cached value; openpyxl's leaves none, and the name is built from its parts"
    )
    func formulasCachedValues() throws {
        let libreOffice = try read("members-libreoffice.xlsx")
        #expect(libreOffice.volunteers.first?.name == "Megan Ashworth")
        let openpyxl = try read("members-excel.xlsx")
        #expect(openpyxl.volunteers.first?.name == "Megan Ashworth")
    }

    @Test("--sheet reads a hidden sheet by name, in any case")
    func namedHiddenSheet() throws {
        let sink = try read("members-excel.xlsx", options: ImportOptions(sheet: "old LIST"))
        #expect(sink.volunteers.map(\.name) == ["Hidden Person"])
        #expect(sink.records.first?.location == SourceLocation(line: 2, sheet: "Old list"))
    }

    @Test("--sheet naming no sheet lists the sheets there are")
    func unknownSheet() throws {
        #expect {
            try read("members-excel.xlsx", options: ImportOptions(sheet: "Members"))
        } throws: { error in
            "\(error)".contains("no sheet named 'Members'")
                && "\(error)".contains("'Read me', 'Old list', 'Volunteers'")
        }
    }

    @Test("the 1904 date system, as old Excel for Mac saved it")
    func dates1904() throws {
        let sink = try read("members-1904.xlsx")
        #expect(sink.volunteers.first?.notes == "2024-03-28")
    }

    @Test("a needs workbook reads as needs; places stored as numbers read as whole numbers")
    func needs() throws {
        let sink = try read("needs.xlsx")
        let need = try #require(sink.needs.first)
        #expect(need.id == "HV-N1")
        #expect(need.places == 2)
        #expect(need.minimumDBS == .enhanced)
        #expect(sink.rejections.map(\.reason) == ["places '1.5' is not a whole number from 1 to 1,000"])
        #expect(sink.rejections.first?.location == SourceLocation(line: 3, sheet: "Requests"))
    }

    @Test(
        "odfpy's .ods: typed cells, text:s spaces, covered cells, a hidden sheet, and a million repeated empty rows counted, not read"
    )
    func odfpySpreadsheet() throws {
        let sink = try read("members-odfpy.ods")
        #expect(sink.volunteers.map(\.name) == ["Rhys Morgan", "Sian Hughes"])
        let rhys = sink.volunteers[0]
        #expect(rhys.phone == "07700900321")
        #expect(rhys.consent.contact == true)
        #expect(rhys.notes == "2023-11-05")
        #expect(rhys.languages.map(\.language.code) == ["cym", "eng"])
        let sian = sink.volunteers[1]
        #expect(sian.phone == "01632960123")
        #expect(sian.consent.contact == false)
        #expect(sian.notes == "First line\nSecond line")
        #expect(
            sink.records.map(\.location) == [
                SourceLocation(line: 4, sheet: "Members"), SourceLocation(line: 1_000_005, sheet: "Members"),
            ])
    }

    @Test("the demo's sample workbook imports whole")
    func demoSample() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Imports/hope-valley-mutual-aid.xlsx")
        let sink = try readWorkbook(url)
        #expect(sink.volunteers.count == 5)
        #expect(sink.rejections.isEmpty)
        #expect(sink.volunteers.allSatisfy { $0.phone?.hasPrefix("07700") == true })
        #expect(sink.volunteers.allSatisfy { $0.memberships.map(\.network.name) == ["Hope Valley Mutual Aid"] })
    }
}
