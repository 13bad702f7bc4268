import PostgresNIO
import Synchronization

/// The search facets (``FacetSet``) one store has read, for one state of the directory: what the
/// SQLite store's facet cache is to it. A search reads the state in its snapshot first
/// (``state(on:)``), then takes each facet from here or reads it in that same snapshot; everything
/// kept for another state is forgotten as soon as a search sees a new one.
///
/// The state is the SQLite store's (the newest import batch, erasure and volunteer): every write
/// that changes who is in which facet records an import batch or an erasure, or adds a volunteer,
/// and does so holding the writers' lock, so the state moves in the order those writes commit and
/// two snapshots with the same state hold the same facets, whichever app server wrote them.
final class PostgresSearchCache: Sendable {
    /// A state of the directory: the newest import batch, erasure and volunteer ids.
    typealias State = [Int64]

    private struct Kept {
        var state: State = []
        var sets: [String: FacetSet] = [:]
    }

    /// The most facets kept at once: past it, all are forgotten (a facet is cheap to read again).
    static let capacity = 512

    private let kept = Mutex(Kept())

    /// The state of the directory as `connection`'s snapshot sees it: one look-up per search, each
    /// maximum from the end of its table's primary key.
    static func state(on connection: PostgresConnection) throws -> State {
        let row = try connection.run(
            """
            SELECT (SELECT COALESCE(MAX(id), 0) FROM import_batch), (SELECT COALESCE(MAX(id), 0) FROM erasure),
              (SELECT COALESCE(MAX(id), 0) FROM volunteer)
            """
        ).first
        guard let (batch, erasure, volunteer) = try row?.decode((Int64, Int64, Int64).self) else { return [] }
        return [batch, erasure, volunteer]
    }

    /// The facet `key` names at `state`, kept, or read by `load` (in the snapshot `state` was read
    /// in) and kept. The lock is not held while loading: two searches may read the same facet
    /// once each, and neither waits for the other.
    func set(_ key: String, at state: State, load: () throws -> FacetSet) rethrows -> FacetSet {
        let found = kept.withLock { kept in
            if kept.state != state {
                kept.state = state
                kept.sets.removeAll()
            }
            return kept.sets[key]
        }
        if let found { return found }
        let loaded = try load()
        kept.withLock { kept in
            guard kept.state == state else { return }
            if kept.sets.count >= Self.capacity { kept.sets.removeAll() }
            kept.sets[key] = loaded
        }
        return loaded
    }
}
