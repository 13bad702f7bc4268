import Foundation
import VolunteerDirectory

/// The reads, and the small writes a coordinator makes by hand. Each method answers at once, so
/// the same method serves ``DirectoryStore`` and, as an `async` requirement met synchronously,
/// ``DirectoryReader`` and ``DirectoryEditor``.
extension InMemoryDirectoryStore: DirectoryStore, DirectoryReader, DirectoryEditor {
    public func search(_ query: VolunteerQuery) throws -> [VolunteerMatch] {
        let state = snapshot
        let understanding = QueryUnderstanding(query, taxonomy: taxonomy, catalogue: catalogue)
        let ranked = try MemorySearch(
            query: query, understanding: understanding, taxonomy: taxonomy, catalogue: catalogue, state: state
        ).run()
        return understanding.matches(ranked) { state.volunteer($0) }
    }

    public func volunteer(id: VolunteerID) throws -> Volunteer? {
        snapshot.volunteer(id)
    }

    public func networks() throws -> [Network] {
        snapshot.networkList
    }

    public func needs() throws -> [Need] {
        snapshot.needList
    }

    public func batches() throws -> [ImportBatch] {
        snapshot.batchList
    }

    public func batch(sha256: String) throws -> ImportBatch? {
        snapshot.batchList.first { $0.sha256 == sha256 }
    }

    public func volunteers(ids: [VolunteerID]) throws -> [Volunteer] {
        let state = snapshot
        return ids.compactMap(state.volunteer)
    }

    public func volunteersForMatching(inBatchesOf size: Int, _ body: ([Volunteer]) throws -> Void) throws {
        let state = snapshot
        let ids = state.volunteers.keys.sorted().filter { state.volunteers[$0]?.consent.contact == true }
        let size = max(size, 1)
        for start in stride(from: 0, to: ids.count, by: size) {
            try body(ids[start..<min(start + size, ids.count)].compactMap { state.volunteer($0)?.forMatching })
        }
    }

    public func placements() throws -> [Placement] {
        snapshot.placementsNewestFirst
    }

    public func propose(_ proposals: [(need: String, volunteer: VolunteerID, score: Double)]) throws -> [Placement] {
        let now = Date()
        return try transaction { state in try state.propose(proposals, at: now) }
    }

    public func decide(placement id: Int64, as status: Placement.Status) throws -> Placement? {
        let now = Date()
        return try transaction { state in
            guard let placement = state.placements[id] else { return nil }
            if status == .confirmed, placement.status != .confirmed {
                // Transactions take turns, so no other confirmation lands between the count and this.
                let places = state.needs[placement.need]?.need.places ?? 0
                let taken = state.placements.values.filter { $0.need == placement.need && $0.status == .confirmed }
                if taken.count >= places {
                    throw PlacementError.needFull(placement: id, need: placement.need, places: places)
                }
            }
            state.placements[id]?.status = status
            state.placements[id]?.decidedAt = now
            return state.placementsNewestFirst.first { $0.id == id }
        }
    }

    public func mergeNeeds(keep: String, other: String) throws -> NeedMerge {
        try transaction { state in try state.mergeNeeds(keep: keep, other: other) }
    }

    /// Saves a need over the one held with the same id, or creates it (a need typed into a form).
    public func saveNeed(_ need: Need, source: String) throws {
        let fingerprint = try Fingerprint.of(need)
        try transaction { state in try state.saveNeed(need, source: source, fingerprint: fingerprint) }
    }
}
