import Foundation
import Testing

@testable import VolunteerDirectory

@Suite("Output")
struct OutputTests {
    @Test(
        "CSV cells that a spreadsheet would run as formulas are neutralised",
        arguments: [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+44 7700", "'+44 7700"), ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"), ("\tTab", "'\tTab"), ("\rCR", "\"'\rCR\""), ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ])
    func neutralises(value: String, expected: String) {
        #expect(CSVWriter.cell(value) == expected)
    }

    @Test("tables align columns and flatten line breaks")
    func table() {
        let text = TextTable(headers: ["A", "LONGER"], rows: [["one\ntwo", "x"]]).rendered()
        #expect(text == "A        LONGER\n-------  ------\none two  x")
    }

    @Test(
        "a cell's width in a terminal: a column a character, two for CJK, none for a mark",
        arguments: [
            ("Urdu; Polish", 12), ("", 0), ("a\r\nb", 3), ("名前", 4), ("Zoë", 3), ("Zoe\u{0308}", 3),
            ("a\u{200B}b", 2), ("한국어 ok", 9),
        ])
    func terminalColumns(text: String, columns: Int) {
        #expect(TextTable.columns(text) == columns)
    }

    @Test("a file's identity is the SHA-256 of its bytes, read in several chunks")
    func fileHash() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voldir-hash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = folder.appendingPathComponent("abc.txt")
        try Data("abc".utf8).write(to: small)
        #expect(
            try ImportService.sha256(of: small, displayName: "abc.txt")
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Three chunks of 1 MiB and a tail: the digest runs across the reads. Pinned with sha256sum.
        let large = folder.appendingPathComponent("large.bin")
        try Data((0..<(3 * 1_048_576 + 17)).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 7) }).write(
            to: large)
        #expect(
            try ImportService.sha256(of: large, displayName: "large.bin")
                == "7adfab35fe14c3fc6b8909199ed590d65ef466812049260d8defe3cbabbec011")
    }
}

@Suite("Fingerprints")
struct FingerprintTests {
    @Test("the same value gives the same fingerprint in every process; any change gives another")
    func stable() throws {
        let record = VolunteerRecord(
            source: "roster:a", externalID: "1", name: "Amina Rahman", email: "amina@example.org",
            skills: [Skill(written: "Accountancy", level: .professional)],
            languages: [SpokenLanguage(language: .resolving("ur"), proficiency: .native)],
            consent: Consent(contact: true))
        // Pinned: a change here means every stored listing would look changed after an upgrade.
        let current = try Fingerprint.of(record)
        #expect(current == "70c683169146a9082536f7d9c0b5c32f")
        // Fingerprints stored before the change of hash still recognise the same record.
        #expect(try Fingerprint.legacy(record) == "9ed2c221e5d93e3b088f4614bfe8f48ce4778246c41d81b2520d94f433ddf3de")
        let legacy = { try Fingerprint.legacy(record) }
        #expect(
            try Fingerprint.matches(
                "9ed2c221e5d93e3b088f4614bfe8f48ce4778246c41d81b2520d94f433ddf3de", current: current, legacy: legacy))
        #expect(try Fingerprint.matches(current, current: current, legacy: legacy))
        #expect(try !Fingerprint.matches(String(repeating: "0", count: 64), current: current, legacy: legacy))
        #expect(try !Fingerprint.matches(nil, current: current, legacy: legacy))
        #expect(try Fingerprint.of(record) == Fingerprint.of(record))
        var changed = record
        changed.skills[0].level = .experienced
        #expect(try Fingerprint.of(changed) != Fingerprint.of(record))
        var moved = record
        moved.email = nil
        moved.phone = "amina@example.org"
        #expect(try Fingerprint.of(moved) != Fingerprint.of(record))
        var reordered = record
        reordered.languages = []
        reordered.skills = []
        #expect(try Fingerprint.of(reordered) != Fingerprint.of(record))
    }
}
