import Testing
import VolunteerDirectory

@Suite("Volunteer record fingerprints")
struct VolunteerFingerprintTests {
    static let base = VolunteerRecord(
        source: "feed:s3", externalID: "V1", name: "Amina Rahman", email: "a@example.org", phone: "07700 900123",
        postcode: "SK1 3XE",
        area: "Brinnington", ageBand: .age65plus,
        skills: [Skill(written: "Accountancy", level: .professional, qualifiedIn: "PK")],
        languages: [SpokenLanguage(language: .resolving("pa-Arab"), proficiency: .fluent, interprets: true)],
        availability: [Slot(day: .tue, part: .evening)],
        dbs: DBSCheck(level: .enhanced, issued: CalendarDate(year: 2024, month: 1, day: 12)),
        consent: Consent(contact: true, share: .partners, recorded: CalendarDate(year: 2024, month: 2, day: 1)),
        notes: "note",
        memberships: [
            MembershipRecord(network: NetworkReference(externalID: "N1", name: "SREP"), role: "coordinator", since: nil)
        ],
        updated: CalendarDate(year: 2025, month: 1, day: 1))

    @Test("the same record gives the same fingerprint; every stored field changes it")
    func everyFieldCounts() throws {
        let original = Fingerprint.of(volunteer: Self.base)
        #expect(Fingerprint.of(volunteer: Self.base) == original)
        let changes: [(String, (inout VolunteerRecord) -> Void)] = [
            ("source", { $0.source = "roster:x" }), ("externalID", { $0.externalID = nil }),
            ("name", { $0.name = "Amina R" }),
            ("email", { $0.email = nil }), ("phone", { $0.phone = "07700 900124" }),
            ("postcode", { $0.postcode = "SK1 3XF" }),
            ("area", { $0.area = nil }), ("ageBand", { $0.ageBand = .age50to64 }),
            ("skills", { $0.skills[0].level = .experienced }), ("languages", { $0.languages[0].interprets = false }),
            ("availability", { $0.availability = [Slot(day: .wed, part: .evening)] }),
            ("dbs", { $0.dbs?.issued = nil }),
            ("consent", { $0.consent.share = .sector3 }), ("notes", { $0.notes = "other" }),
            ("memberships", { $0.memberships[0].role = nil }), ("updated", { $0.updated = nil }),
        ]
        for (field, change) in changes {
            var changed = Self.base
            change(&changed)
            #expect(Fingerprint.of(volunteer: changed) != original, "changing \(field) left the fingerprint as it was")
        }
        // Every stored property is in the list above: a new field must be fingerprinted (and listed).
        let stored = Mirror(reflecting: Self.base).children.compactMap(\.label)
        #expect(Set(stored) == Set(changes.map(\.0)))
        // Moving text between neighbouring fields is a change too.
        var shifted = Self.base
        (shifted.email, shifted.phone) = (nil, "a@example.org07700 900123")
        #expect(Fingerprint.of(volunteer: shifted) != original)
    }
}

@Suite("XXH64")
struct XXH64Tests {
    /// Reference values from the xxhash package (Python binding of the reference C library).
    @Test(
        "matches the reference implementation across the stripe, word, half-word and byte paths",
        arguments: [
            ("", UInt64(0), UInt64(0xEF46_DB37_51D8_E999)),
            ("abc", 0, 0x44BC_2CF5_AD77_0999),
            ("Nobody inspects the spammish repetition", 0, 0xFBCE_A83C_8A37_8BF1),
            ("xxhash", 20_141_025, 0xB559_B98D_844E_0635),
        ])
    func referenceValues(text: String, seed: UInt64, expected: UInt64) {
        let hash = Array(text.utf8).withUnsafeBytes { XXH64.hash($0, seed: seed) }
        #expect(hash == expected)
    }

    @Test("long input, both seeds the fingerprint uses")
    func longInput() {
        let bytes = (0..<3).flatMap { _ in (0...255).map(UInt8.init) }
        let plain = bytes.withUnsafeBytes { XXH64.hash($0, seed: 0) }
        let seeded = bytes.withUnsafeBytes { XXH64.hash($0, seed: 0x9E37_79B9_7F4A_7C15) }
        #expect(plain == 0x8E03_C838_C596_036F)
        #expect(seeded == 0x919E_1C78_9D52_2E91)
    }

    @Test("a fingerprint is 32 hex digits")
    func fingerprintShape() {
        let fingerprint = Fingerprint.of(volunteer: VolunteerFingerprintTests.base)
        #expect(fingerprint.count == 32)
        #expect(fingerprint.allSatisfy { $0.isHexDigit })
    }
}
