import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryGeneration

/// Matching reads everyone a batch at a time and loads the full records of only the people its
/// report names: the same report, on every store, as an index holding everyone's records.
@Suite("Store contract: matching")
struct MatchingContractTests {
    /// A generated directory of 300 volunteers (some without consent, some with skills held
    /// professionally or qualified abroad) and 40 needs, with the sample feed's people, some of
    /// whom share their details with partners, and three DBS checks (one on the Update Service),
    /// imported into a store of `kind`.
    static func generated(_ kind: StoreKind) throws -> DirectoryUnderTest {
        let directory = try kind.make()
        let roster = directory.folder.appendingPathComponent("generated.csv")
        let needs = directory.folder.appendingPathComponent("generated-needs.csv")
        try DirectoryGenerator(volunteers: 300, needs: 40, seed: 11).writeCSV(
            roster: roster.path, needsPath: needs.path)
        _ = try directory.service.importFile(at: roster, request: ImportRequest())
        _ = try directory.service.importFile(at: needs, request: ImportRequest())
        try directory.importSample("sector3-feed.xml")
        // One check on the DBS Update Service, one not, one of each level: what matching keeps of a check.
        try directory.importText(
            "dbs.csv",
            """
            Name,Email,Organisation,Skills,DBS,DBS issued,DBS Update Service,Consent
            On Service,on@example.org,Able Network,first aid,enhanced,2019-03-01,yes,yes
            Off Service,off@example.org,Able Network,first aid,enhanced,2019-03-01,no,yes
            Unsaid,unsaid@example.org,Able Network,first aid,basic,,,yes
            """)
        return directory
    }

    @Test(
        "everyone who may be contacted comes in batches, by id, and chosen people by id", arguments: StoreKind.allCases)
    func batches(kind: StoreKind) throws {
        let directory = try Self.generated(kind)
        let everyone = try directory.store.volunteersForMatching()
        #expect(everyone.count > 100)
        #expect(everyone.allSatisfy { $0.consent.contact == true })
        var batches: [[Volunteer]] = []
        try directory.store.volunteersForMatching(inBatchesOf: 7) { batches.append($0) }
        #expect(batches.count > 1)
        #expect(batches.allSatisfy { !$0.isEmpty && $0.count <= 7 })
        #expect(batches.flatMap { $0 } == everyone)

        // Matching's reads are the full records less what it does not use; the DBS Update
        // Service flag, which keeps a check current, is among what it uses.
        let full = try directory.store.volunteers(ids: everyone.map(\.id))
        #expect(full.map(\.forMatching) == everyone)
        #expect(full.contains { $0.email != nil } && full.contains { !$0.memberships.isEmpty })
        #expect(everyone.allSatisfy { $0.email == nil && $0.memberships.isEmpty })
        #expect(everyone.contains { $0.dbs?.updateService == true })

        let chosen = [everyone[5].id, everyone[1].id, 9_999_999, everyone[3].id]
        #expect(try directory.store.volunteers(ids: chosen) == [full[5], full[1], full[3]])
        #expect(try directory.store.volunteers(ids: []).isEmpty)
    }

    @Test(
        "a match run's report is the one an index of everyone's full records gives, for both audiences",
        arguments: StoreKind.allCases)
    func reportFromBatches(kind: StoreKind) throws {
        let directory = try Self.generated(kind)
        let store = directory.store
        let run = try MatchRun(store: store, readingInBatchesOf: 16)

        let needs = try store.needs()
        let everyone = try store.volunteers(ids: store.volunteersForMatching().map(\.id))
        let index = MatchIndex(volunteers: everyone, needs: needs, taxonomy: store.taxonomy)
        let held = Set(needs.map(\.id))
        let matched = index.needRecords.indices.filter {
            index.needRecords[$0].closed == nil && !(index.needRecords[$0].duplicateOf.map(held.contains) ?? false)
        }
        let criteria = try MatchCriteria(weights: [:])
        let result = Matcher(criteria: criteria).match(index, needPositions: matched)
        #expect(!result.assignments.isEmpty)
        for audience in [MatchReport.Audience.coordinator, .partner] {
            let batched = run.report(alternates: 3, audience: audience)
            let whole = MatchReport(
                result: result, index: index, criteria: criteria, alternates: 3, audience: audience,
                duplicates: run.duplicates)
            #expect(!batched.talent.isEmpty)
            #expect(batched.needs.contains { !$0.alternates.isEmpty })
            #expect(batched.talentTotal == whole.talentTotal)
            #expect(batched.markdown() == whole.markdown())
            #expect(try batched.json() == whole.json())
            #expect(batched.csv() == whole.csv())
        }
    }
}
