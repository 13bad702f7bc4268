import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import CSVImporter

/// Rosters and needs sheets that try the limits: giant cells and lines, oversized fields, a
/// header of 10,000 columns, more places than a need can have.
@Suite("CSV input limits")
struct InputLimitsTests {
    let directory: TestDirectory

    init() throws {
        directory = try TestDirectory(importers: [CSVImporter.self])
    }

    func importText(_ name: String, _ text: String) throws -> FileImportReport {
        try directory.service.importFile(at: try directory.file(name, text), request: ImportRequest())
    }

    @Test("a cell over the reader's limit rejects its row with the line and column; reading goes on after it")
    func oversizedCell() throws {
        // Two megabytes in a quoted cell that also holds three line breaks: the record runs from
        // line 3 to line 6, so Grace is on line 7 and the nameless row on line 8.
        let giant = String(repeating: "x", count: 1 << 20) + "\n\n" + String(repeating: "y", count: 1 << 20)
        let text =
            "Name,Email,Notes\nAda,ada@example.org,ok\nBig,big@example.org,\"\(giant)\n\"\nGrace,grace@example.org,fine\n,nobody@example.org,x\n"
        let report = try importText("big-cell.csv", text)
        #expect(try directory.everyone().map(\.name) == ["Ada", "Grace"])
        #expect(report.rejected.map(\.location.line) == [3, 8])
        let reason = try #require(report.rejected.first?.reason)
        #expect(reason.contains("column 3, 'Notes'"))
        #expect(reason.contains("256 KiB"))
        #expect(reason.contains("2,097,1"))  // how large the record turned out to be
    }

    @Test("a record of many cells over 1 MiB in all is rejected with its line")
    func oversizedRecord() throws {
        let cells = Array(repeating: String(repeating: "z", count: 1_000), count: 1_100).joined(separator: ",")
        let report = try importText(
            "wide.csv", "Name,Email\nAda,ada@example.org\nWide,\(cells)\nGrace,grace@example.org\n")
        #expect(try directory.everyone().map(\.name) == ["Ada", "Grace"])
        #expect(report.rejected.map(\.location.line) == [3])
        #expect(report.rejected.first?.reason.contains("more than 1 MiB, the most one record may hold") == true)
    }

    @Test("a file that is one giant line fails at once, naming line 1, without asking for --kind")
    func singleHugeLine() throws {
        let url = try directory.file("one-line.csv", String(repeating: "q", count: 3 << 20))
        let error = try #require(throws: ImportError.self) {
            try directory.service.importFile(at: url, request: ImportRequest())
        }
        #expect(error.description.hasPrefix("one-line.csv:1: the header row holds more than 1 MiB"))
        #expect(!error.description.contains("--kind"))
    }

    @Test("a header over the limits, on a later line, fails naming that line")
    func oversizedHeaderLater() throws {
        let url = try directory.file("late.csv", "\n\nName,\"" + String(repeating: "h", count: 300_000) + "\"\nAda\n")
        let error = try #require(throws: ImportError.self) {
            try directory.service.importFile(at: url, request: ImportRequest())
        }
        #expect(error.description.hasPrefix("late.csv:3: the header row holds a cell (column 2) of more than 256 KiB"))
    }

    @Test("name, email and notes over their limits reject the row with its line, the field and the limit")
    func oversizedFields() throws {
        let longName = String(repeating: "N", count: 301)
        let longEmail = String(repeating: "e", count: 321)  // no @: it warns, too
        let longNotes = String(repeating: "n", count: 32_769)
        let text = """
            Name,Email,Notes
            Ada,ada@example.org,\(String(repeating: "n", count: 32_768))
            \(longName),long@example.org,
            Bea,\(longEmail),
            Cy,cy@example.org,\(longNotes)

            """
        let report = try importText("fields.csv", text)
        #expect(try directory.everyone().map(\.name) == ["Ada"])
        #expect(report.rejected.map(\.location.line) == [3, 4, 5])
        #expect(
            report.rejected.map(\.reason) == [
                "name 'NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN…' is 301 characters long; at most 300 are accepted",
                "email 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee…' is 321 characters long; at most 320 are accepted",
                "notes 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn…' is 32,769 characters long; at most 32,768 are accepted",
            ])
        // The oversized email's own warning (it does not look like an address) went with its row.
        #expect(!report.warnings.contains { $0.location?.line == 4 })
    }

    @Test("a header of 10,000 columns gives one warning that names a few and counts the rest")
    func tenThousandColumns() throws {
        let extra = (1...10_000).map { "Extra \($0)" }
        let text = "Name,Email," + extra.joined(separator: ",") + "\nAda,ada@example.org\n"
        let report = try importText("wide-header.csv", text)
        let columnWarnings = report.warnings.filter { $0.message.contains("Extra") }
        #expect(columnWarnings.count == 1)
        let message = try #require(columnWarnings.first?.message)
        #expect(message.hasPrefix("10,000 columns are not volunteers fields and were ignored: 'Extra 1', 'Extra 2',"))
        #expect(message.contains("'Extra 10', and 9,990 more; map one with --map 'COLUMN=FIELD'"))
        #expect(!message.contains("Extra 11"))
    }

    @Test("one unknown column keeps its own warning with the --map to use")
    func oneUnknownColumn() throws {
        let report = try importText("one.csv", "Name,Email,Shoe size\nAda,ada@example.org,5\n")
        #expect(
            report.warnings.map(\.message).contains(
                "column 'Shoe size' is not a volunteers field and was ignored; map it with --map 'Shoe size=FIELD'"))
    }

    @Test(
        "places of 2147483648 or more, or over 1,000, are rejected with the accepted range",
        arguments: ["2147483648", "9223372036854775808", "1001", "0"])
    func placesOutOfRange(places: String) throws {
        let text = "Need ID,Partner,Title,Places\nN-1,Hospital,Reading,\(places)\nN-2,Hospital,Driving,1000\n"
        let report = try importText("needs-\(places).csv", text)
        #expect(try directory.store.needs().map(\.id) == ["N-2"])
        #expect(report.rejected.map(\.location.line) == [2])
        #expect(report.rejected.first?.reason == "places '\(places)' is not a whole number from 1 to 1,000")
    }
}
