import Testing

@testable import VolunteerDirectory

@Suite("Output")
struct OutputTests {
    @Test(
        "CSV cells that a spreadsheet would run as formulas are neutralised",
        arguments: [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+44 7700", "'+44 7700"), ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"), ("\tTab", "'\tTab"), ("\rCR", "\"'\rCR\""), ("plain", "plain"), ("a,b", "\"a,b\""),
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

    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256() {
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(of: long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var chunked = SHA256()
        for byte in long { chunked.update([byte]) }
        #expect(chunked.finalize() == SHA256.hex(of: long))
        var million = SHA256()
        for _ in 0..<10 { million.update([UInt8](repeating: UInt8(ascii: "a"), count: 100_000)) }
        #expect(million.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("the SHA extensions, where the processor has them, give the portable code's digests")
    func hardwareMatchesPortable() {
        let data = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        for length in Array(0...200) + [447, 448, 511, 512, 513, 4_096, 65_536, 70_000] {
            var hardware = SHA256(usingHardware: true)
            var portable = SHA256(usingHardware: false)
            hardware.update(data[0..<length])
            portable.update(data[0..<length])
            #expect(hardware.finalize() == portable.finalize(), "\(length) bytes")
        }
    }
}

@Suite("Fingerprints")
struct FingerprintTests {
    @Test("the same value gives the same fingerprint in every process; any change gives another")
    func stable() throws {
        let record = VolunteerRecord(
            source: "roster:a", externalID: "1", name: "Amina Rahman", email: "amina@example.org",
            skills: [Skill(written: "Accountancy", level: .professional)],
            languages: [SpokenLanguage(language: .resolving("ur"), proficiency: .native)], consent: Consent(contact: true))
        // Pinned: a change here means every stored listing would look changed after an upgrade.
        let current = try Fingerprint.of(record)
        #expect(current == "70c683169146a9082536f7d9c0b5c32f")
        // Fingerprints stored before the change of hash still recognise the same record.
        #expect(try Fingerprint.legacy(record) == "9ed2c221e5d93e3b088f4614bfe8f48ce4778246c41d81b2520d94f433ddf3de")
        let legacy = { try Fingerprint.legacy(record) }
        #expect(try Fingerprint.matches("9ed2c221e5d93e3b088f4614bfe8f48ce4778246c41d81b2520d94f433ddf3de", current: current, legacy: legacy))
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
