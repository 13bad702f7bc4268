import Foundation
import Testing
import VolunteerDirectory

/// Searching: consent, every filter, and the order of results, the same on every store.
@Suite("Store contract: search")
struct SearchContractTests {
    /// Non-text queries over the sample rosters, each of which finds someone.
    static let queries: [(String, VolunteerQuery)] = [
        ("skill", VolunteerQuery(skills: ["first aid"])),
        ("skill synonym", VolunteerQuery(skills: ["bookkeeping"])),
        ("skill narrower", VolunteerQuery(skills: ["interpreting"])),
        ("skill related", VolunteerQuery(skills: ["befriending"])),
        ("skill the taxonomy does not know", VolunteerQuery(skills: ["minibus"])),
        ("language", VolunteerQuery(languages: [.resolving("Urdu")])),
        ("macrolanguage", VolunteerQuery(languages: [.resolving("Arabic")])),
        ("language unknown to the catalogue", VolunteerQuery(languages: [.resolving("BSL")])),
        ("language at a proficiency", VolunteerQuery(languages: [.resolving("English")], minimumProficiency: .fluent)),
        ("two languages", VolunteerQuery(languages: [.resolving("Urdu"), .resolving("Punjabi")])),
        ("district", VolunteerQuery(area: "SK1")),
        ("area", VolunteerQuery(area: "Brinnington & Central")),
        ("availability", VolunteerQuery(availability: [Slot(day: .sat, part: .any)])),
        ("DBS", VolunteerQuery(minimumDBS: .enhanced)),
        ("network", VolunteerQuery(network: "Deaf Community Stockport")),
        ("everything together", VolunteerQuery(skills: ["driving"], minimumDBS: .standard)),
        ("everyone", VolunteerQuery(limit: 10_000)),
        ("everyone, consent or not", VolunteerQuery(includeWithoutConsent: true, limit: 10_000)),
        ("a small limit", VolunteerQuery(limit: 3)),
        ("shared with partners", Self.sharedWithPartners(limit: 10_000)),
    ]

    @Test("every filter finds the same people in the same order with the same scores", arguments: StoreKind.allCases)
    func filtersAgree(kind: StoreKind) throws {
        let (directory, reference) = try kind.withSamplesBesideReference()
        for (name, query) in Self.queries {
            let found = try directory.store.search(query)
            let expected = try reference.store.search(query)
            #expect(!found.isEmpty, "\(name)")
            #expect(found.map(\.volunteer.id) == expected.map(\.volunteer.id), "\(name)")
            #expect(found.map(\.score) == expected.map(\.score), "\(name)")
            #expect(found.map(\.matched) == expected.map(\.matched), "\(name)")
        }
    }

    @Test("each filter admits only people who meet it", arguments: StoreKind.allCases)
    func filtersHold(kind: StoreKind) throws {
        let directory = try kind.make()
        try directory.importSamples()
        let urdu = try directory.store.search(VolunteerQuery(languages: [.resolving("Urdu")]))
        #expect(urdu.allSatisfy { $0.volunteer.languages.contains { $0.language.code == "urd" } })
        let sk1 = try directory.store.search(VolunteerQuery(area: "SK1"))
        #expect(sk1.allSatisfy { $0.volunteer.postcode?.hasPrefix("SK1 ") == true })
        let enhanced = try directory.store.search(VolunteerQuery(minimumDBS: .enhanced))
        #expect(enhanced.allSatisfy { $0.volunteer.dbs?.level == .enhanced })
        let saturday = try directory.store.search(VolunteerQuery(availability: [Slot(day: .sat, part: .any)]))
        #expect(saturday.allSatisfy { $0.volunteer.availability.contains { $0.overlaps(Slot(day: .sat, part: .any)) } })
        let deaf = try directory.store.search(VolunteerQuery(network: "Deaf Community Stockport"))
        #expect(deaf.allSatisfy { $0.volunteer.memberships.contains { $0.networkName == "Deaf Community Stockport" } })
        // A macrolanguage finds speakers of its members, and says how.
        let arabic = try directory.store.search(VolunteerQuery(languages: [.resolving("Arabic")]))
        #expect(!arabic.isEmpty)
        #expect(arabic.allSatisfy { !$0.matched.isEmpty })
        // What a partner may search: only those shared with partners, and the limit counts them alone.
        let shared = try directory.store.search(Self.sharedWithPartners(limit: 10_000))
        #expect(!shared.isEmpty)
        #expect(shared.allSatisfy { $0.volunteer.consent.share == .partners })
        let first = try directory.store.search(Self.sharedWithPartners(limit: 1))
        #expect(first.map(\.volunteer.id) == [shared[0].volunteer.id])
    }

    static func sharedWithPartners(limit: Int) -> VolunteerQuery {
        var query = VolunteerQuery(limit: limit)
        query.sharedWithPartnersOnly = true
        return query
    }

    @Test("only people who agreed to be contacted are found, unless asked", arguments: StoreKind.allCases)
    func consentFiltering(kind: StoreKind) throws {
        let directory = try kind.make()
        try directory.importText(
            "consent.csv",
            """
            Name,Email,Organisation,Skills,Consent
            Ann Able,ann@example.org,North,First aid,yes
            Ben Bright,ben@example.org,North,First aid,no
            Cara Clay,cara@example.org,North,First aid,
            """)
        let found = try directory.store.search(VolunteerQuery(skills: ["first aid"]))
        #expect(found.map(\.volunteer.name) == ["Ann Able"])
        let all = try directory.store.search(VolunteerQuery(skills: ["first aid"], includeWithoutConsent: true))
        #expect(all.map(\.volunteer.name) == ["Ann Able", "Ben Bright", "Cara Clay"])
        #expect(try directory.store.volunteersForMatching().map(\.name) == ["Ann Able"])

        // A no from any roster wins over a yes from another.
        try directory.importText("south.csv", "Name,Email,Organisation,Consent\nAnn Able,ann@example.org,South,no")
        #expect(try directory.store.search(VolunteerQuery(skills: ["first aid"])).isEmpty)
    }

    @Test("free text finds the same people on every store (its order may differ)", arguments: StoreKind.allCases)
    func freeText(kind: StoreKind) throws {
        let (directory, reference) = try kind.withSamplesBesideReference()
        for text in ["interpreter", "Rahman", "accountant lahore"] {
            let query = VolunteerQuery(text: text, includeWithoutConsent: true, limit: 10_000)
            let found = Set(try directory.store.search(query).map(\.volunteer.id))
            #expect(!found.isEmpty, "\(text)")
            #expect(found == Set(try reference.store.search(query).map(\.volunteer.id)), "\(text)")
        }
    }

    @Test("the async reader answers what the store answers", arguments: StoreKind.allCases)
    func asyncReaderAgrees(kind: StoreKind) async throws {
        let directory = try kind.make()
        try directory.importSamples()
        for (name, query) in Self.queries {
            let sync = try directory.store.search(query)
            let answered = try await directory.reader.search(query)
            #expect(answered == sync, "\(name)")
        }
        for person in try directory.everyone() {
            #expect(try await directory.reader.volunteer(id: person.id) == person)
        }
        #expect(try await directory.reader.volunteer(id: 999_999) == nil)
        #expect(try await directory.reader.networks() == directory.store.networks())
        #expect(try await directory.reader.needs() == directory.store.needs())
        #expect(try await directory.reader.batches() == directory.store.batches())
        #expect(try await directory.reader.placements() == directory.store.placements())
        #expect(try await directory.reader.unmappedSkills(limit: 5) == directory.store.unmappedSkills(limit: 5))
        #expect(try await directory.reader.skillHolders() == directory.store.skillHolders())
        #expect(try await directory.reader.languageCoverage() == directory.store.languageCoverage())
    }
}
