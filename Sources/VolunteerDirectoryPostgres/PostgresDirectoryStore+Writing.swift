import Foundation
import PostgresNIO
import VolunteerDirectory

/// Imports, rehearsals and the small writes a coordinator makes by hand.
extension PostgresDirectoryStore {
    public func write<T>(_ body: (any DirectoryWriter) throws -> T) throws -> T {
        try connections.transaction { connection in try writing(on: connection, body) }
    }

    public func rehearse<T>(_ body: (any DirectoryWriter) throws -> T) throws -> T {
        try connections.transaction(rollingBack: true) { connection in try writing(on: connection, body) }
    }

    /// Runs `body` with a writer on `connection`, inside its transaction, once every other writer
    /// is done (two imports that name the same person must not both create them), and finishes
    /// what the writer left for the end.
    private func writing<T>(on connection: PostgresConnection, _ body: (any DirectoryWriter) throws -> T) throws -> T {
        try Self.waitForWriters(on: connection)
        let writer = PostgresWriter(
            connection, taxonomy: taxonomy, location: location, membershipsHeldAtMost: membershipsHeldAtMost)
        let result = try body(writer)
        try writer.finish()
        return result
    }

    /// Takes the writers' lock for the rest of the transaction on `connection`.
    static func waitForWriters(on connection: PostgresConnection) throws {
        try connection.run("SELECT pg_advisory_xact_lock(\(writersLock))")
    }

    /// Saves a need over the one held with the same id, or creates it (a need typed into a form).
    public func saveNeed(_ need: Need, source: String) throws {
        let fingerprint = try Fingerprint.of(need)
        try connections.transaction { connection in
            try PostgresWriter(connection, taxonomy: taxonomy, location: location)
                .saveNeed(need, source: source, fingerprint: fingerprint)
        }
    }

    public func mergeNeeds(keep: String, other: String) throws -> NeedMerge {
        guard keep != other else { throw NeedMergeError.sameNeed(keep) }
        return try connections.transaction { connection in
            // An import must not bring `other` back between the look and the merge, nor a
            // confirmation land on either need meanwhile: the writers' lock, and both needs' rows.
            try Self.waitForWriters(on: connection)
            let held = Set(
                try connection.run(
                    "SELECT id FROM need WHERE id = ANY(\([keep, other])) ORDER BY id COLLATE \"C\" FOR UPDATE"
                ).map { try $0.decode(String.self) })
            for id in [keep, other] where !held.contains(id) { throw NeedMergeError.unknownNeed(id) }
            // A volunteer placed on both keeps the more decided placement: confirmed, then declined,
            // then proposed; on a tie, the kept need's.
            let losers = try connection.run(
                """
                SELECT CASE WHEN \(unescaped: Self.decidedRank("o")) > \(unescaped: Self.decidedRank("k")) THEN k.id
                            ELSE o.id END
                FROM placement o JOIN placement k ON k.volunteer_id = o.volunteer_id AND k.need_id = \(keep)
                WHERE o.need_id = \(other)
                """
            ).map { try $0.decode(Int64.self) }
            let moved = try connection.run(
                """
                WITH dropped AS (DELETE FROM placement WHERE id = ANY(\(losers)))
                UPDATE placement SET need_id = \(keep) WHERE need_id = \(other) AND NOT (id = ANY(\(losers))) RETURNING id
                """
            ).count
            try connection.run(
                """
                WITH flagged AS (
                  UPDATE need SET duplicate_of = CASE WHEN id = \(keep) THEN NULL ELSE \(keep) END
                  WHERE duplicate_of = \(other)),
                earlier AS (UPDATE need_merge SET kept = \(keep) WHERE kept = \(other))
                INSERT INTO need_merge (id, kept) VALUES (\(other), \(keep))
                ON CONFLICT (id) DO UPDATE SET kept = excluded.kept
                """)
            try connection.run("DELETE FROM need WHERE id = \(other)")
            let (confirmed, places) =
                try connection.run(
                    """
                    SELECT (SELECT COUNT(*) FROM placement WHERE need_id = \(keep) AND status = 'confirmed'),
                      (SELECT places FROM need WHERE id = \(keep))
                    """
                ).first?.decode((Int, Int).self) ?? (0, 0)
            return NeedMerge(
                kept: keep, removed: other, moved: moved, dropped: losers.count, confirmed: confirmed, places: places)
        }
    }

    /// How decided the placement aliased `alias` is: confirmed 3, declined 2, proposed 1.
    private static func decidedRank(_ alias: String) -> String {
        "(CASE \(alias).status WHEN 'confirmed' THEN 3 WHEN 'declined' THEN 2 ELSE 1 END)"
    }

    public func propose(_ proposals: [(need: String, volunteer: VolunteerID, score: Double)]) throws -> [Placement] {
        let now = Date()
        return try connections.transaction { connection in
            // Placements are numbered as SQLite numbers them: one past the highest held.
            try Self.waitForWriters(on: connection)
            try connection.run("DELETE FROM placement WHERE status = 'proposed'")
            guard !proposals.isEmpty else { return [] }
            let next =
                try connection.run("SELECT COALESCE(MAX(id), 0) + 1 FROM placement").first?.decode(Int64.self) ?? 1
            let ids = proposals.indices.map { next + Int64($0) }
            try connection.run(
                """
                INSERT INTO placement (id, need_id, volunteer_id, score, status, proposed_at)
                SELECT id, need_id, volunteer_id, score, 'proposed', \(now)
                FROM unnest(\(ids)::bigint[], \(proposals.map { $0.need })::text[],
                  \(proposals.map { $0.volunteer })::bigint[], \(proposals.map { $0.score })::float8[]) AS p(id, need_id, volunteer_id, score)
                """)
            return try Self.placements(ids: ids, on: connection)
        }
    }

    public func decide(placement id: Int64, as status: Placement.Status) throws -> Placement? {
        let now = Date()
        return try connections.transaction { connection in
            guard let need = try Self.lockNeed(of: id, on: connection) else { return nil }
            if status == .confirmed, need.status != Placement.Status.confirmed.rawValue {
                // The need's row is locked, so a confirmation of another of its placements waits
                // here until this one is committed, and then counts it.
                let taken =
                    try connection.run(
                        "SELECT COUNT(*) FROM placement WHERE need_id = \(need.id) AND status = 'confirmed'"
                    ).first?.decode(Int.self) ?? 0
                if taken >= need.places {
                    throw PlacementError.needFull(placement: id, need: need.id, places: need.places)
                }
            }
            try connection.run(
                "UPDATE placement SET status = \(status.rawValue), decided_at = \(now) WHERE id = \(id)")
            return try Self.placements(ids: [id], on: connection).first
        }
    }

    /// Locks the row of the need placement `id` is for, and returns the need's id and places and
    /// the placement's status as they stand once the lock is held; `nil` when there is no such
    /// placement. A merge may move the placement to another need while this waits: then the
    /// other need is locked in turn.
    private static func lockNeed(of id: Int64, on connection: PostgresConnection) throws -> (
        id: String, places: Int, status: String
    )? {
        var locked: (need: String, places: Int)?
        while true {
            guard
                let (need, status) = try connection.run("SELECT need_id, status FROM placement WHERE id = \(id)")
                    .first?.decode((String, String).self)
            else { return nil }
            if let locked, locked.need == need { return (need, locked.places, status) }
            let places =
                try connection.run("SELECT places FROM need WHERE id = \(need) FOR UPDATE").first?.decode(Int.self) ?? 0
            locked = (need, places)
        }
    }

    public func compact() throws {
        // VACUUM cannot run inside a transaction: it runs on a connection of its own, between
        // transactions, and frees the space of the rows an erasure deleted so it is written over.
        try connections.withConnection { connection in
            try connection.run("VACUUM \(unescaped: Self.erasedTables.joined(separator: ", "))")
        }
    }

    /// The tables an erasure deletes rows from.
    static let erasedTables = [
        "volunteer", "listing", "ended_listing", "membership", "volunteer_skill", "volunteer_language",
        "volunteer_availability", "volunteer_text", "placement", "skill_mapping", "source",
    ]
}
