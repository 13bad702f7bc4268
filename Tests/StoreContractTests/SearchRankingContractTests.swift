import Foundation
import Testing
import VolunteerDirectory

/// Ranked searches where a store that keeps search facets, or that only names the best few, could
/// go wrong: a limit that cuts through people tied on score (their order is their name's, as bytes,
/// then their id), parts of a score added from several filters, and answers after the directory
/// has changed, through the store that changed it and through another opened on it beforehand.
@Suite("Store contract: ranked search")
struct SearchRankingContractTests {
    /// Twelve people who all give first aid and speak Urdu or a language that counts for it, at
    /// levels and proficiencies that tie some of them and not others; two share a name; names
    /// whose order as bytes is not their order ignoring case or accents.
    static let roster = """
        Name,Email,Organisation,Skills,Languages,Postcode,Consent
        Zainab Ali,zainab@example.org,North,First aid (qualified),Urdu (native),SK1 1AA,yes
        adam Byrne,adam@example.org,North,First aid,Urdu (fluent),SK1 1AB,yes
        Émile Roux,emile@example.org,North,First aid (qualified),Urdu (native),SK1 1AC,yes
        Eve Stone,eve@example.org,North,First aid,Hindi (native),SK1 1AD,yes
        Omar Khan,omar@example.org,North,First aid (qualified),Urdu (native),SK2 1AA,yes
        Omar Khan,omar.k@example.org,North,First aid (qualified),Urdu (native),SK1 1AE,yes
        Bea Lamb,bea@example.org,North,First aid (some),Urdu,SK1 1AF,yes
        Carl Moss,carl@example.org,North,Emergency first aid,Urdu (native),SK1 1AG,yes
        Dana Nash,dana@example.org,North,First aid (qualified),Urdu (native),SK1 1AH,no
        Finn Orr,finn@example.org,North,First aid,Urdu (fluent),SK1 1AJ,yes
        Gita Pal,gita@example.org,North,First aid,Urdu (fluent),SK1 1AK,yes
        Hana Quinn,hana@example.org,North,First aid (qualified),"Urdu (native); English (fluent)",SK1 1AL,yes
        """

    /// What a later roster says: one person now says no, one learns Urdu, one moves, one joins.
    static let changes = """
        Name,Email,Organisation,Skills,Languages,Postcode,Consent
        Zainab Ali,zainab@example.org,South,First aid (qualified),Urdu (native),SK1 1AA,no
        Eve Stone,eve@example.org,South,First aid,"Hindi (native); Urdu (native)",SK1 1AD,yes
        Gita Pal,gita@example.org,South,First aid,Urdu (fluent),SK3 1AK,yes
        Ivan Reed,ivan@example.org,South,First aid (qualified),Urdu (native),SK1 1AM,yes
        """

    static let queries: [(String, VolunteerQuery)] = [
        ("skill", VolunteerQuery(skills: ["first aid"], limit: 100)),
        ("language", VolunteerQuery(languages: [.resolving("Urdu")], limit: 100)),
        ("skill and language", VolunteerQuery(skills: ["first aid"], languages: [.resolving("Urdu")], limit: 100)),
        (
            "skill, language and district",
            VolunteerQuery(skills: ["first aid"], languages: [.resolving("Urdu")], area: "SK1", limit: 100)
        ),
        (
            "consent or not",
            VolunteerQuery(
                skills: ["first aid"], languages: [.resolving("Urdu")], includeWithoutConsent: true, limit: 100)
        ),
    ]

    /// Every query at every limit from 1 to past its results, against `directory` and `reference`.
    static func expectSame(_ store: any DirectoryStore, as reference: any DirectoryStore, _ when: String) throws {
        for (name, query) in queries {
            let everyone = try reference.search(query)
            #expect(everyone.count > 3, "\(name), \(when)")
            for limit in 1...(everyone.count + 1) {
                var limited = query
                limited.limit = limit
                let found = try store.search(limited)
                let expected = Array(everyone.prefix(limit))
                #expect(found.map(\.volunteer.id) == expected.map(\.volunteer.id), "\(name), limit \(limit), \(when)")
                #expect(found.map(\.score) == expected.map(\.score), "\(name), limit \(limit), \(when)")
            }
        }
    }

    @Test("a limit that cuts through ties keeps the first by name, then id", arguments: StoreKind.allCases)
    func limitsCutThroughTies(kind: StoreKind) throws {
        let directory = try kind.make()
        let reference = try StoreKind.reference.make()
        for place in [directory, reference] { try place.importText("north.csv", Self.roster, daysAgo: 1) }
        // The reference ranks as the core says: some of these tie, and the limits cut through them.
        let ranked = try reference.store.search(Self.queries[2].1)
        #expect(Set(ranked.map(\.score)).count < ranked.count)
        try Self.expectSame(directory.store, as: reference.store, "after the first roster")
    }

    @Test("searches see every change, through the store that made it and another", arguments: StoreKind.allCases)
    func searchesSeeChanges(kind: StoreKind) throws {
        let directory = try kind.make()
        let reference = try StoreKind.reference.make()
        for place in [directory, reference] { try place.importText("north.csv", Self.roster, daysAgo: 1) }
        // Another app server, which has searched (and kept what it read) before the changes.
        let other = try directory.reopen?(nil)
        try Self.expectSame(directory.store, as: reference.store, "before the changes")
        if let other { try Self.expectSame(other, as: reference.store, "before the changes, elsewhere") }

        for place in [directory, reference] { try place.importText("south.csv", Self.changes) }
        try Self.expectSame(directory.store, as: reference.store, "after an import")
        if let other { try Self.expectSame(other, as: reference.store, "after an import, elsewhere") }

        for place in [directory, reference] {
            let hana = try #require(try place.person(named: "Hana Quinn"))
            _ = try place.erasure.forget(volunteer: hana.id, reason: "asked", actor: "test")
        }
        try Self.expectSame(directory.store, as: reference.store, "after an erasure")
        if let other { try Self.expectSame(other, as: reference.store, "after an erasure, elsewhere") }
    }
}
