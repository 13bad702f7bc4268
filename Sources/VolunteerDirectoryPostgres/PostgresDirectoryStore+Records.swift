import Foundation
import PostgresNIO
import VolunteerDirectory

/// The reads of what imports and coordinators recorded: batches, needs and placements.
extension PostgresDirectoryStore {
    public func needs() throws -> [Need] {
        try connections.withConnection { connection in
            try connection.run("SELECT details, duplicate_of FROM need ORDER BY id COLLATE \"C\"").compactMap { row in
                let (details, duplicateOf) = try row.decode((String, String?).self)
                var need = StoredJSON.decode(Need.self, from: details)
                need?.duplicateOf = duplicateOf
                return need
            }
        }
    }

    public func batches() throws -> [ImportBatch] {
        try connections.withConnection { connection in
            try Self.batches("SELECT \(unescaped: Self.batchColumns) FROM import_batch ORDER BY id", on: connection)
        }
    }

    public func batch(sha256: String) throws -> ImportBatch? {
        try connections.withConnection { connection in
            try Self.batches(
                "SELECT \(unescaped: Self.batchColumns) FROM import_batch WHERE sha256 = \(sha256) ORDER BY id LIMIT 1",
                on: connection
            ).first
        }
    }

    public func placements() throws -> [Placement] {
        try connections.withConnection { connection in try Self.placements(ids: nil, on: connection) }
    }

    /// The columns of `import_batch` that ``batches(_:on:)`` reads, in its order.
    static let batchColumns = """
        file_name, sha256, plugin, imported_at, created, updated, unchanged, rejected, erased, ended, source, sequence,
        file_date
        """

    /// The batches `query` selects (``batchColumns`` of `import_batch`).
    static func batches(_ query: PostgresQuery, on connection: PostgresConnection) throws -> [ImportBatch] {
        try connection.run(query).map { row in
            let (
                fileName, sha256, plugin, importedAt, created, updated, unchanged, rejected, erased, ended, source,
                sequence, fileDate
            ) = try row.decode(
                (String, String, String, Date, Int, Int, Int, Int, Int, Int, String?, Int?, Date?).self)
            var counts = ImportCounts()
            counts.created = created
            counts.updated = updated
            counts.unchanged = unchanged
            counts.rejected = rejected
            counts.erased = erased
            counts.ended = ended
            return ImportBatch(
                fileName: fileName, sha256: sha256, plugin: plugin, importedAt: importedAt, counts: counts,
                source: source, sequence: sequence, fileDate: fileDate)
        }
    }

    /// The placements with these ids, by id, or every placement, newest first, when `ids` is `nil`;
    /// each with its volunteer's name as it is now.
    static func placements(ids: [Int64]?, on connection: PostgresConnection) throws -> [Placement] {
        try connection.run(
            """
            SELECT p.id, p.need_id, p.volunteer_id, v.name, p.score, p.status, p.proposed_at, p.decided_at
            FROM placement p JOIN volunteer v ON v.id = p.volunteer_id
            WHERE \(ids == nil) OR p.id = ANY(\(ids ?? []))
            ORDER BY p.id \(unescaped: ids == nil ? "DESC" : "")
            """
        ).map { row in
            let (id, need, volunteer, name, score, status, proposedAt, decidedAt) = try row.decode(
                (Int64, String, VolunteerID, String, Double, String, Date, Date?).self)
            return Placement(
                id: id, need: need, volunteer: volunteer, volunteerName: name, score: score,
                status: Placement.Status(rawValue: status) ?? .proposed, proposedAt: proposedAt, decidedAt: decidedAt)
        }
    }
}
