import Foundation
import Testing
import VolunteerDirectory

/// Erasure: a person erased is gone from every read, and one forgotten is not taken back.
@Suite("Store contract: erasure")
struct ErasureContractTests {
    static let roster = """
        Name,Email,Phone,Organisation,Skills,Languages,Availability,DBS,Consent,Notes
        Ann Able,ann@example.org,07700 900001,North Network,Interpreting,"Urdu (native, interpreter)",Sat morning,enhanced,yes,Unusual-word-zebracorn
        Ben Bright,ben@example.org,07700 900002,North Network,Driving,Polish,Sat morning,basic,yes,
        """

    /// A directory of `kind` holding the roster and the sample needs, with Ann proposed for a need.
    static func annProposed(_ kind: StoreKind) throws -> (DirectoryUnderTest, Volunteer) {
        let directory = try kind.make()
        try directory.importText("north.csv", roster)
        try directory.importSample("partnership-needs.csv")
        let ann = try #require(try directory.person(named: "Ann Able"))
        _ = try directory.store.propose([("N-102", ann.id, 0.9)])
        return (directory, ann)
    }

    /// Checks that nothing read from the directory names `person`.
    static func expectGone(_ person: Volunteer, from directory: DirectoryUnderTest) async throws {
        #expect(try directory.store.volunteer(id: person.id) == nil)
        #expect(try await directory.reader.volunteer(id: person.id) == nil)
        #expect(try directory.everyone().map(\.id) == [2])
        for query in [
            VolunteerQuery(skills: ["interpreting"], includeWithoutConsent: true),
            VolunteerQuery(languages: [.resolving("Urdu")], includeWithoutConsent: true),
            VolunteerQuery(text: "zebracorn", includeWithoutConsent: true),
            VolunteerQuery(availability: [Slot(day: .sat, part: .morning)]),
            VolunteerQuery(minimumDBS: .enhanced),
        ] {
            #expect(try directory.store.search(query).contains { $0.volunteer.id == person.id } == false)
        }
        #expect(try directory.store.volunteersForMatching().map(\.name) == ["Ben Bright"])
        #expect(try directory.store.networks().map(\.memberCount) == [1])
        #expect(try directory.store.placements().contains { $0.volunteer == person.id } == false)
        #expect(try directory.store.skillHolders()["interpreting"] == nil)
        #expect(try directory.store.languageCoverage().contains { $0.code == "urd" } == false)
    }

    @Test("an erased person is gone from every read", arguments: StoreKind.allCases)
    func eraseRemovesFromEveryRead(kind: StoreKind) async throws {
        let (directory, ann) = try Self.annProposed(kind)
        #expect(try directory.store.skillHolders()["interpreting"] == 1)

        try directory.store.write { writer in try writer.erase(volunteer: ann.id) }
        try await Self.expectGone(ann, from: directory)
        // Making the erasure final (VACUUM, the full-text index's segments) leaves her gone.
        try directory.store.compact()
        try await Self.expectGone(ann, from: directory)
    }

    @Test("a forgotten person is erased and their rows are not imported again", arguments: StoreKind.allCases)
    func forgetSuppresses(kind: StoreKind) async throws {
        let (directory, ann) = try Self.annProposed(kind)

        #expect(try directory.erasure.forget(volunteer: 999_999, reason: "asked", actor: "test") == nil)
        let suppression = try #require(try directory.erasure.forget(volunteer: ann.id, reason: "asked", actor: "test"))
        #expect(suppression.keys == 2)
        #expect(try directory.erasure.suppressions().map(\.keys) == [2])
        try await Self.expectGone(ann, from: directory)

        // Her row again, in another roster: suppressed, not imported.
        let again = try directory.importText(
            "south.csv", "Name,Email,Phone,Organisation,Consent\nAnn Able,ANN@example.org,,South Network,yes")
        #expect(again.counts.suppressed == 1)
        #expect(again.counts.created == 0)
        #expect(try directory.everyone().map(\.name) == ["Ben Bright"])

        #expect(try directory.erasure.liftSuppression(id: suppression.id, actor: "test"))
        #expect(try directory.erasure.liftSuppression(id: suppression.id, actor: "test") == false)
        #expect(try directory.erasure.suppressions().isEmpty)
        let back = try directory.importText(
            "south-2.csv", "Name,Email,Phone,Organisation,Consent\nAnn Able,ann@example.org,,South Network,yes")
        #expect(back.counts.created == 1)
    }
}
