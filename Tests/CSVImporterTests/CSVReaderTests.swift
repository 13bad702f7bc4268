import Foundation
import Testing
import VolunteerDirectoryTestSupport

@testable import CSVImporter

@Suite("CSV reader")
struct CSVReaderTests {
    static let spectrum = fixturesFolder().appendingPathComponent("csv-spectrum")
    static let spectrumCases: [String] = {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: spectrum.appendingPathComponent("csvs").path)) ?? []
        return names.filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
    }()

    func rows(_ url: URL) throws -> [CSVRow] {
        let reader = try CSVReader(url: url)
        var rows: [CSVRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    @Test("the csv-spectrum conformance suite is all here")
    func spectrumIsPresent() {
        #expect(Self.spectrumCases.count == 12)
    }

    @Test("passes every csv-spectrum case", arguments: spectrumCases)
    func spectrum(name: String) throws {
        let rows = try rows(Self.spectrum.appendingPathComponent("csvs/\(name).csv"))
        let expectedData = try Data(contentsOf: Self.spectrum.appendingPathComponent("json/\(name).json"))
        var expected =
            try (try? JSONDecoder().decode([[String: String]].self, from: expectedData))
            ?? [JSONDecoder().decode([String: String].self, from: expectedData)]
        let header = try #require(rows.first).fields
        let records = rows.dropFirst().map { row in
            Dictionary(uniqueKeysWithValues: zip(header, row.fields))
        }
        if name == "location_coordinates" {
            // csv-spectrum 2.0.0's JSON disagrees with its own CSV on the phone (see Fixtures/csv-spectrum/README.md).
            #expect(records.first?["Contact Phone Number"] == "2095257564")
            expected[0]["Contact Phone Number"] = "2095257564"
        }
        #expect(records == expected)
    }

    @Test("UTF-8 with a byte-order mark: the mark is not part of the first header")
    func bom() throws {
        let rows = try rows(fixturesFolder().appendingPathComponent("utf8-bom.csv"))
        #expect(rows[0].fields.first == "Name")
        #expect(rows[1].fields.first == "Łucja Wiśniewska")
    }

    @Test("windows-1252 with semicolons, as European Excel saves")
    func windows1252() throws {
        let reader = try CSVReader(url: fixturesFolder().appendingPathComponent("cp1252-semicolon.csv"))
        #expect(reader.encoding == .windows1252)
        #expect(reader.delimiter == UInt8(ascii: ";"))
        _ = try reader.next()
        let row = try #require(try reader.next())
        #expect(
            row.fields == [
                "Zoë Nowak", "zoe@example.org", "Teaching (professional); Reading support", "yes",
                "Pays £2 – lunch club",
            ])
    }

    @Test("tab-separated text exports")
    func tabs() throws {
        let rows = try rows(fixturesFolder().appendingPathComponent("tab-separated.tsv"))
        #expect(rows[1].fields == ["Hodan Abdi", "Somali (native); Arabic (basic)", "yes"])
    }

    @Test("quoted line breaks, doubled quotes, mixed CRLF and LF: each row knows the line it starts on")
    func quotedNewlines() throws {
        let rows = try rows(fixturesFolder().appendingPathComponent("quoted-newlines.csv"))
        #expect(rows.count == 3)
        #expect(rows[1].fields[1] == "Line one\r\nline two\nline three")
        #expect(rows[1].line == 2)
        #expect(rows[2].fields[1] == "said \"hello\", twice")
        #expect(rows[2].line == 5)
    }

    @Test("a quoted field that never closes is an error naming the line it opened on")
    func unterminated() throws {
        #expect(throws: CSVReader.ReadError.self) {
            try rows(fixturesFolder().appendingPathComponent("unterminated-quote.csv"))
        }
        do {
            _ = try rows(fixturesFolder().appendingPathComponent("unterminated-quote.csv"))
        } catch CSVReader.ReadError.unterminatedQuote(let line) {
            #expect(line == 3)
        }
    }

    @Test("UTF-16 is refused with advice")
    func utf16() {
        #expect(throws: CSVReader.ReadError.self) {
            try CSVReader(url: fixturesFolder().appendingPathComponent("utf16.csv"))
        }
    }

    @Test("a file larger than one read chunk streams across chunk boundaries")
    func acrossChunks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "Name,Notes\r\n"
        for index in 0..<40_000 { text += "Person \(index),\"quoted, with \"\"quotes\"\"\r\nand a break\"\r\n" }
        let url = folder.appendingPathComponent("big.csv")
        try Data(text.utf8).write(to: url)
        let rows = try rows(url)
        #expect(rows.count == 40_001)
        #expect(rows.last?.fields == ["Person 39999", "quoted, with \"quotes\"\r\nand a break"])
        #expect(rows.last?.line == 2 + 39_999 * 2)
    }
}
