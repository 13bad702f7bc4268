import Foundation
import GRDB
import VolunteerDirectory

extension SQLiteDirectoryStore {
    public func volunteers(ids: [VolunteerID]) throws -> [Volunteer] {
        var found: [Volunteer] = []
        try readingUnmapped { db in found = try VolunteerLoader.volunteers(ids: ids, in: db) }
        return found
    }

    public func volunteersForMatching(inBatchesOf size: Int, _ body: ([Volunteer]) throws -> Void) throws {
        try readingUnmapped { db in try VolunteerLoader.everyoneWhoMayBeContacted(inBatchesOf: size, in: db, body) }
    }

    /// Runs `body` in one read transaction without mapping the file into memory: what matching
    /// reads (everyone, then the people its report names) touches nearly every page once, which
    /// gains nothing from the mapping, and mapped pages count as the process's own memory: 210 MB
    /// of a 300,000-volunteer directory, more than matching itself held. Searches keep it.
    private func readingUnmapped(_ body: (Database) throws -> Void) throws {
        try reader.unsafeRead { db in
            let mapped = try Int64.fetchOne(db, sql: "PRAGMA mmap_size") ?? 0
            try db.execute(sql: "PRAGMA mmap_size = 0")
            let read = Result {
                try db.inTransaction(.deferred) {
                    try body(db)
                    return .commit
                }
            }
            try db.execute(sql: "PRAGMA mmap_size = \(mapped)")
            try read.get()
        }
    }

    public func placements() throws -> [Placement] {
        try reader.read(Self.placements)
    }

    static func placements(in db: Database) throws -> [Placement] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT p.*, v.name AS volunteer_name FROM placement p JOIN volunteer v ON v.id = p.volunteer_id
                ORDER BY p.id DESC
                """
        ).map(Self.placement)
    }

    public func propose(_ proposals: [(need: String, volunteer: VolunteerID, score: Double)]) throws -> [Placement] {
        try transaction { db in try Self.propose(proposals, in: db) }
    }

    /// Replaces the undecided proposals with `proposals`, in the caller's transaction.
    static func propose(
        _ proposals: [(need: String, volunteer: VolunteerID, score: Double)], in db: Database
    ) throws -> [Placement] {
        try db.execute(sql: "DELETE FROM placement WHERE status = 'proposed'")
        let now = Date()
        var ids: [Int64] = []
        for proposal in proposals {
            try db.execute(
                sql:
                    "INSERT INTO placement (need_id, volunteer_id, score, status, proposed_at) VALUES (?, ?, ?, 'proposed', ?)",
                arguments: [proposal.need, proposal.volunteer, proposal.score, now])
            ids.append(db.lastInsertedRowID)
        }
        return try ids.compactMap { try placement(id: $0, in: db) }
    }

    public func decide(placement id: Int64, as status: Placement.Status) throws -> Placement? {
        try transaction { db in try Self.decide(placement: id, as: status, in: db) }
    }

    /// Confirms or declines a placement, in the caller's transaction.
    static func decide(placement id: Int64, as status: Placement.Status, in db: Database) throws -> Placement? {
        if status == .confirmed,
            let held = try Row.fetchOne(
                db,
                sql: """
                    SELECT p.need_id, n.places,
                      (SELECT COUNT(*) FROM placement c WHERE c.need_id = p.need_id AND c.status = 'confirmed') AS taken
                    FROM placement p JOIN need n ON n.id = p.need_id WHERE p.id = ? AND p.status <> 'confirmed'
                    """, arguments: [id]),
            held["taken"] as Int >= held["places"] as Int
        {
            // Write transactions take turns (IMMEDIATE), so no confirmation lands between the count and this.
            throw PlacementError.needFull(placement: id, need: held["need_id"], places: held["places"])
        }
        try db.execute(
            sql: "UPDATE placement SET status = ?, decided_at = ? WHERE id = ?",
            arguments: [status.rawValue, Date(), id])
        return try placement(id: id, in: db)
    }

    /// One placement with its volunteer's name.
    private static func placement(id: Int64, in db: Database) throws -> Placement? {
        try Row.fetchOne(
            db,
            sql:
                "SELECT p.*, v.name AS volunteer_name FROM placement p JOIN volunteer v ON v.id = p.volunteer_id WHERE p.id = ?",
            arguments: [id]
        ).map(Self.placement)
    }

    private static func placement(_ row: Row) -> Placement {
        let status: String = row["status"]
        return Placement(
            id: row["id"], need: row["need_id"], volunteer: row["volunteer_id"], volunteerName: row["volunteer_name"],
            score: row["score"], status: Placement.Status(rawValue: status) ?? .proposed,
            proposedAt: row["proposed_at"],
            decidedAt: row["decided_at"])
    }
}
