import Foundation
import Testing
import VolunteerDirectory

/// Needs and placements: saving, listing, duplicate flags, merging, proposing and deciding.
@Suite("Store contract: needs and placements")
struct NeedsContractTests {
    static let otherSource = """
        Need ID,Requested By,Title,Required Skills,Places
        P-7,Stepping Hill Hospital,Tigrinya interpreter for maternity appointments,Interpreting,2
        P-8,Stepping Hill Hospital,Porter for the day ward,,1
        """

    @Test(
        "needs are saved, listed by id, and flagged when another source brings the same", arguments: StoreKind.allCases)
    func needsAndDuplicates(kind: StoreKind) async throws {
        let directory = try kind.make()
        try directory.importSample("partnership-needs.csv")
        let report = try directory.importText("hospital-needs.csv", Self.otherSource)
        #expect(report.counts.created == 2)
        let needs = try directory.store.needs()
        #expect(needs.map(\.id) == ["N-101", "N-102", "N-103", "N-104", "N-105", "N-106", "P-7", "P-8"])
        #expect(needs.first { $0.id == "P-7" }?.duplicateOf == "N-103")
        #expect(needs.first { $0.id == "P-8" }?.duplicateOf == nil)

        // A need typed into the web app's form, then changed there.
        var typed = Need(id: "W-1", partner: "Stockport Homes", title: "Garden clearance", places: 2)
        try await directory.editor.saveNeed(typed, source: "web: ann")
        typed.places = 3
        try await directory.editor.saveNeed(typed, source: "web: ann")
        #expect(try directory.store.needs().first { $0.id == "W-1" }?.places == 3)
        #expect(try directory.store.needs().count == 9)
        // A need has at least one place: one with none is refused, and nothing changes.
        var empty = typed
        empty.places = 0
        await #expect(throws: (any Error).self) { try await directory.editor.saveNeed(empty, source: "web: ann") }
        #expect(try directory.store.needs().first { $0.id == "W-1" }?.places == 3)

        let reference = try StoreKind.reference.make()
        try reference.importSample("partnership-needs.csv")
        try reference.importText("hospital-needs.csv", Self.otherSource)
        try await reference.editor.saveNeed(typed, source: "web: ann")
        #expect(try reference.store.needs() == directory.store.needs())
    }

    @Test("merging needs moves placements, keeps the more decided, and stops re-imports", arguments: StoreKind.allCases)
    func mergeNeeds(kind: StoreKind) throws {
        let directory = try kind.make()
        try directory.importSamples()
        try directory.importText("hospital-needs.csv", Self.otherSource)
        let people = try directory.everyone().map(\.id)
        let (ann, ben, cara) = (people[0], people[1], people[2])
        let proposed = try directory.store.propose([
            ("N-103", ann, 0.9), ("P-7", ann, 0.8), ("P-7", ben, 0.7), ("N-103", cara, 0.5),
        ])
        #expect(proposed.count == 4)
        let onOther = try #require(proposed.first { $0.need == "P-7" && $0.volunteer == ann })
        _ = try directory.store.decide(placement: onOther.id, as: .confirmed)

        #expect(throws: NeedMergeError.sameNeed("N-103")) {
            try directory.store.mergeNeeds(keep: "N-103", other: "N-103")
        }
        #expect(throws: NeedMergeError.unknownNeed("X-1")) {
            try directory.store.mergeNeeds(keep: "N-103", other: "X-1")
        }
        let merge = try directory.store.mergeNeeds(keep: "N-103", other: "P-7")
        #expect(merge == NeedMerge(kept: "N-103", removed: "P-7", moved: 2, dropped: 1, confirmed: 1, places: 1))
        let placements = try directory.store.placements()
        #expect(placements.allSatisfy { $0.need == "N-103" })
        #expect(placements.count == 3)
        #expect(placements.first { $0.volunteer == ann }?.status == .confirmed)
        #expect(try directory.store.needs().contains { $0.id == "P-7" } == false)

        let again = try directory.importText("hospital-needs-again.csv", Self.otherSource + "\n")
        #expect(again.counts.created == 0)
        #expect(try directory.store.needs().contains { $0.id == "P-7" } == false)
    }

    @Test("proposals replace undecided ones; decisions stay", arguments: StoreKind.allCases)
    func proposeAndDecide(kind: StoreKind) async throws {
        let directory = try kind.make()
        try directory.importSamples()
        let people = try directory.everyone()
        let first = try directory.store.propose([("N-101", people[0].id, 0.9), ("N-102", people[1].id, 0.4)])
        #expect(first.map(\.status) == [.proposed, .proposed])
        #expect(first.map(\.volunteerName) == [people[0].name, people[1].name])
        let decided = try await directory.editor.decide(placement: first[0].id, as: .declined)
        #expect(decided?.status == .declined)
        #expect(decided?.decidedAt != nil)
        #expect(try await directory.editor.decide(placement: 999_999, as: .confirmed) == nil)

        let second = try await directory.editor.propose([("N-103", people[2].id, 0.6)])
        let placements = try directory.store.placements()
        // Newest first; the undecided proposal went, the declined one stayed.
        #expect(placements.map(\.id) == [second[0].id, first[0].id])
        #expect(placements.map(\.status) == [.proposed, .declined])
        #expect(try await directory.reader.placements() == placements)

        // A proposal for a need or a person the directory does not hold is refused, all of it.
        #expect(throws: (any Error).self) {
            try directory.store.propose([("N-104", people[3].id, 0.5), ("X-9", people[3].id, 0.5)])
        }
        #expect(throws: (any Error).self) { try directory.store.propose([("N-104", 999_999, 0.5)]) }
        #expect(try directory.store.placements() == placements)
    }

    @Test(
        "a need's last place goes to one confirmation, even when two coordinators confirm at once",
        arguments: StoreKind.allCases)
    func confirmationsNeverOverfill(kind: StoreKind) throws {
        let directory = try kind.make()
        try directory.importSamples()
        try directory.importText(
            "two-places.csv",
            "Need ID,Requested By,Title,Required Skills,Places\nQ-1,Stockport Homes,Garden clearance,,2")
        let people = try directory.everyone().map(\.id)
        let proposed = try directory.store.propose([
            ("Q-1", people[0], 0.9), ("Q-1", people[1], 0.8), ("Q-1", people[2], 0.7), ("N-101", people[3], 0.5),
        ])
        #expect(try directory.store.decide(placement: proposed[0].id, as: .confirmed)?.status == .confirmed)
        // Confirming it again takes no second place.
        #expect(try directory.store.decide(placement: proposed[0].id, as: .confirmed)?.status == .confirmed)

        let store = directory.store
        let outcomes = concurrently { index in try store.decide(placement: proposed[1 + index].id, as: .confirmed) }
        let confirmed = outcomes.compactMap { try? $0.get() }
        #expect(confirmed.count == 1)
        #expect(confirmed.first?.status == .confirmed)
        let refused = outcomes.compactMap { outcome -> (any Error)? in
            if case .failure(let error) = outcome { return error }
            return nil
        }
        let loser = try #require(proposed.dropFirst().prefix(2).first { $0.id != confirmed.first?.id })
        #expect(refused.map { "\($0)" } == ["\(PlacementError.needFull(placement: loser.id, need: "Q-1", places: 2))"])
        let onQ1 = try directory.store.placements().filter { $0.need == "Q-1" }
        #expect(onQ1.filter { $0.status == .confirmed }.count == 2)
        #expect(onQ1.first { $0.id == loser.id }?.status == .proposed)

        // Once a place is given back, the waiting one can be confirmed; declining never needs a place.
        #expect(try directory.store.decide(placement: proposed[0].id, as: .declined)?.status == .declined)
        #expect(try directory.store.decide(placement: loser.id, as: .confirmed)?.status == .confirmed)
        #expect(throws: PlacementError.needFull(placement: proposed[0].id, need: "Q-1", places: 2)) {
            try directory.store.decide(placement: proposed[0].id, as: .confirmed)
        }
        #expect(try directory.store.decide(placement: proposed[3].id, as: .declined)?.status == .declined)
    }
}
