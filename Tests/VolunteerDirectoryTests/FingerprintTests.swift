import Testing
import VolunteerDirectory

@Suite("Volunteer record fingerprints")
struct VolunteerFingerprintTests {
    static let base = VolunteerRecord(
        source: "feed:s3", externalID: "V1", name: "Amina Rahman", email: "a@example.org", phone: "07700 900123", postcode: "SK1 3XE",
        area: "Brinnington", ageBand: .age65plus, skills: [Skill(written: "Accountancy", level: .professional, qualifiedIn: "PK")],
        languages: [SpokenLanguage(language: .resolving("pa-Arab"), proficiency: .fluent, interprets: true)],
        availability: [Slot(day: .tue, part: .evening)], dbs: DBSCheck(level: .enhanced, issued: CalendarDate(year: 2024, month: 1, day: 12)),
        consent: Consent(contact: true, share: .partners, recorded: CalendarDate(year: 2024, month: 2, day: 1)), notes: "note",
        memberships: [MembershipRecord(network: NetworkReference(externalID: "N1", name: "SREP"), role: "coordinator", since: nil)],
        updated: CalendarDate(year: 2025, month: 1, day: 1))

    @Test("the same record gives the same fingerprint; every stored field changes it")
    func everyFieldCounts() throws {
        let original = Fingerprint.of(volunteer: Self.base)
        #expect(Fingerprint.of(volunteer: Self.base) == original)
        let changes: [(String, (inout VolunteerRecord) -> Void)] = [
            ("source", { $0.source = "roster:x" }), ("externalID", { $0.externalID = nil }), ("name", { $0.name = "Amina R" }),
            ("email", { $0.email = nil }), ("phone", { $0.phone = "07700 900124" }), ("postcode", { $0.postcode = "SK1 3XF" }),
            ("area", { $0.area = nil }), ("ageBand", { $0.ageBand = .age50to64 }),
            ("skills", { $0.skills[0].level = .experienced }), ("languages", { $0.languages[0].interprets = false }),
            ("availability", { $0.availability = [Slot(day: .wed, part: .evening)] }), ("dbs", { $0.dbs?.issued = nil }),
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
