import Foundation
import VolunteerDirectory

/// Needs and placements, as the SQLite store keeps them.
extension MemoryState {
    /// Two needs with the same partner and title (as matching keys) may be the same need.
    static func needKey(partner: String, title: String) -> String {
        partner.matchingKey + "\u{1F}" + title.matchingKey
    }

    /// Saves a need over the one held with the same id, or creates it. A need with no places is
    /// refused, as the SQLite store's `CHECK (places > 0)` refuses it.
    mutating func saveNeed(_ need: Need, source: String, fingerprint: String) throws {
        guard need.places > 0 else { throw MemoryStoreError.noPlaces(need: need.id, places: need.places) }
        var saved = need
        // A need a coordinator closed stays closed when a source brings it again.
        if saved.closed == nil, let closed = needs[need.id]?.need.closed { saved.closed = closed }
        needs[need.id] = StoredNeed(need: saved, fingerprint: fingerprint, source: source)
    }

    /// Keeps need `keep` and removes `other`: see ``DirectoryStore/mergeNeeds(keep:other:)``.
    mutating func mergeNeeds(keep: String, other: String) throws -> NeedMerge {
        guard keep != other else { throw NeedMergeError.sameNeed(keep) }
        for id in [keep, other] where needs[id] == nil { throw NeedMergeError.unknownNeed(id) }
        // A volunteer placed on both keeps the more decided placement: confirmed, then declined,
        // then proposed; on a tie, the kept need's.
        func rank(_ status: Placement.Status) -> Int {
            switch status {
            case .confirmed: 3
            case .declined: 2
            case .proposed: 1
            }
        }
        let kept = placements.values.filter { $0.need == keep }
        var dropped = 0
        for moving in placements.values where moving.need == other {
            guard let rival = kept.first(where: { $0.volunteer == moving.volunteer }) else { continue }
            dropped += 1
            placements[rank(moving.status) > rank(rival.status) ? rival.id : moving.id] = nil
        }
        var moved = 0
        for (id, placement) in placements where placement.need == other {
            placements[id]?.need = keep
            moved += 1
        }
        for (id, stored) in needs where stored.need.duplicateOf == other {
            needs[id]?.need.duplicateOf = id == keep ? nil : keep
        }
        for (id, kept) in needMerges where kept == other { needMerges[id] = keep }
        needMerges[other] = keep
        needs[other] = nil
        let confirmed = placements.values.filter { $0.need == keep && $0.status == .confirmed }.count
        return NeedMerge(
            kept: keep, removed: other, moved: moved, dropped: dropped, confirmed: confirmed,
            places: needs[keep]?.need.places ?? 0)
    }

    /// Records proposals, replacing earlier proposals that were not decided.
    mutating func propose(_ proposals: [(need: String, volunteer: VolunteerID, score: Double)], at now: Date) throws
        -> [Placement]
    {
        placements = placements.filter { $0.value.status != .proposed }
        var made: [Placement] = []
        for proposal in proposals {
            guard needs[proposal.need] != nil else { throw MemoryStoreError.missing("need '\(proposal.need)'") }
            guard let person = volunteers[proposal.volunteer] else {
                throw MemoryStoreError.missing("volunteer \(proposal.volunteer)")
            }
            let id = MemoryState.next(after: placements.keys)
            let placement = Placement(
                id: id, need: proposal.need, volunteer: proposal.volunteer, volunteerName: person.name,
                score: proposal.score, status: .proposed, proposedAt: now, decidedAt: nil)
            placements[id] = placement
            made.append(placement)
        }
        return made
    }

    /// Every placement with its volunteer's name as it is now, newest first.
    var placementsNewestFirst: [Placement] {
        placements.values.compactMap { placement in
            volunteers[placement.volunteer].map { person in
                var shown = placement
                shown.volunteerName = person.name
                return shown
            }
        }.sorted { $0.id > $1.id }
    }
}
