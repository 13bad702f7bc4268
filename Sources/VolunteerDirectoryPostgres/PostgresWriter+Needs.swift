import Foundation
import PostgresNIO
import VolunteerDirectory

/// Needs, and the full-text rows of the people a transaction changed.
extension PostgresWriter {
    // MARK: - Needs

    func fingerprint(ofNeed id: String) throws -> String? {
        try first(String.self, "SELECT fingerprint FROM need WHERE id = \(id)")
    }

    func saveNeed(_ need: Need, source: String, fingerprint: String) throws {
        var details = need
        details.duplicateOf = nil  // kept in its own column, which the directory sets
        // A need a coordinator closed stays closed when a source brings it again. Its row is
        // locked meanwhile, so that an edit made at the same moment does not slip between.
        if details.closed == nil,
            let held = try first(String.self, "SELECT details FROM need WHERE id = \(need.id) FOR UPDATE"),
            let closed = StoredJSON.decode(Need.self, from: held)?.closed
        {
            details.closed = closed
        }
        // An upsert, not a delete and insert: deleting the row would take its placements and the
        // duplicate flags of needs that point at it.
        try run(
            """
            INSERT INTO need (id, partner, title, places, details, fingerprint, source, match_key, duplicate_of)
            VALUES (\(need.id), \(need.partner), \(need.title), \(need.places), \(try StoredJSON.encode(details)),
              \(fingerprint), \(source), \(Self.needKey(partner: need.partner, title: need.title)), \(need.duplicateOf))
            ON CONFLICT (id) DO UPDATE SET
              partner = excluded.partner, title = excluded.title, places = excluded.places, details = excluded.details,
              fingerprint = excluded.fingerprint, source = excluded.source, match_key = excluded.match_key,
              duplicate_of = excluded.duplicate_of
            """)
    }

    func needs(partner: String, title: String) throws -> [(need: Need, source: String?)] {
        try run(
            """
            SELECT details, source, duplicate_of FROM need
            WHERE match_key = \(Self.needKey(partner: partner, title: title)) ORDER BY id COLLATE "C"
            """
        ).compactMap { row in
            let (details, source, duplicateOf) = try row.decode((String, String?, String?).self)
            guard var need = StoredJSON.decode(Need.self, from: details) else { return nil }
            need.duplicateOf = duplicateOf
            return (need, source)
        }
    }

    func mergedNeed(_ id: String) throws -> String? {
        try first(String.self, "SELECT kept FROM need_merge WHERE id = \(id)")
    }

    /// Two needs with the same partner and title (as matching keys) may be the same need.
    static func needKey(partner: String, title: String) -> String {
        partner.matchingKey + "\u{1F}" + title.matchingKey
    }

    // MARK: - Full text

    /// Writes the full-text rows of the people this transaction changed, as they now stand (see
    /// ``PostgresFullText``).
    func writePendingText() throws {
        let people = textPending.sorted()
        textPending.removeAll()
        try PostgresFullText.write(for: people, on: connection)
    }
}
