import PostgresNIO
import Synchronization

/// The search facets (``FacetSet``) and the name order one store has read, for one state of the
/// directory: what the SQLite store's facet cache is to it. A search reads the state in its
/// snapshot first (``state(on:)``), then takes each facet from here or reads it in that same
/// snapshot; everything kept for another state is forgotten as soon as a search sees a new one.
///
/// The state is the SQLite store's (the newest import batch, erasure and volunteer): every write
/// that changes who is in which facet records an import batch or an erasure, or adds a volunteer,
/// and does so holding the writers' lock, so the state moves in the order those writes commit and
/// two snapshots with the same state hold the same facets, whichever app server wrote them.
final class PostgresSearchCache: Sendable {
    /// A state of the directory.
    struct State: Equatable, Sendable {
        /// The newest import batch, erasure and volunteer ids (0 for none).
        var batch: Int64 = -1
        var erasure: Int64 = -1
        var volunteer: Int64 = -1
    }

    private struct Kept {
        var state = State()
        var sets: [String: FacetSet] = [:]
        var nameRanks: [Int32]?

        /// Forgets everything kept for another state.
        mutating func enter(_ current: State) {
            guard current != state else { return }
            state = current
            sets.removeAll()
            nameRanks = nil
        }
    }

    /// The most facets kept at once (a scored one holds two bytes a volunteer): past it, all are
    /// forgotten, and read again as searches ask for them.
    static let capacity = 128

    private let kept = Mutex(Kept())

    /// The state of the directory as `connection`'s snapshot sees it: one look-up per search, each
    /// maximum from the end of its table's primary key.
    static func state(on connection: PostgresConnection) throws -> State {
        let row = try connection.run(Prepared<StateText>()).first
        guard let (batch, erasure, volunteer) = try row?.decode((Int64, Int64, Int64).self) else { return State() }
        return State(batch: batch, erasure: erasure, volunteer: volunteer)
    }

    /// The facet `key` names at `state`, kept, or read by `load` (in the snapshot `state` was read
    /// in) and kept. The lock is not held while loading: two searches may read the same facet
    /// once each, and neither waits for the other.
    func set(_ key: String, at state: State, load: () throws -> FacetSet) rethrows -> FacetSet {
        try kept(
            at: state, find: { $0.sets[key] }, load: load,
            keep: { kept, set in
                if kept.sets.count >= Self.capacity { kept.sets.removeAll() }
                kept.sets[key] = set
            })
    }

    /// Each volunteer's place in name order (matching key as bytes, then id), by id, at `state`:
    /// kept, or read from the database's name index (one pass) and kept. `Int32.max` for an id
    /// with no volunteer.
    func nameRanks(at state: State, on connection: PostgresConnection) throws -> [Int32] {
        try kept(
            at: state, find: { $0.nameRanks },
            load: {
                var ranks = [Int32](repeating: .max, count: Int(max(0, state.volunteer)) + 1)
                // One array, not a row per volunteer: a million rows cost seconds to receive.
                let ids =
                    try connection.run("SELECT ARRAY(SELECT id FROM volunteer ORDER BY name_key COLLATE \"C\", id)")
                    .firstRow { cells in try cells.numbers() } ?? []
                for (rank, id) in ids.enumerated() where id >= 0 && Int(id) < ranks.count {
                    ranks[Int(id)] = Int32(clamping: rank)
                }
                return ranks
            },
            keep: { kept, ranks in
                kept.nameRanks = ranks
            })
    }

    /// What `find` finds kept at `state`, or what `load` reads, given to `keep` while the state
    /// is still the one kept.
    private func kept<Value>(
        at state: State, find: (Kept) -> Value?, load: () throws -> Value, keep: (inout Kept, Value) -> Void
    ) rethrows -> Value {
        let found = kept.withLock { kept in
            kept.enter(state)
            return find(kept)
        }
        if let found { return found }
        let loaded = try load()
        kept.withLock { kept in
            if kept.state == state { keep(&kept, loaded) }
        }
        return loaded
    }
}

/// The directory's state, for ``PostgresSearchCache/state(on:)``.
private enum StateText: PreparedText {
    static let name = "voldir_state"
    static let sql = """
        SELECT (SELECT COALESCE(MAX(id), 0) FROM import_batch), (SELECT COALESCE(MAX(id), 0) FROM erasure),
          (SELECT COALESCE(MAX(id), 0) FROM volunteer)
        """
    static let parameterTypes: [PostgresDataType] = []
}
