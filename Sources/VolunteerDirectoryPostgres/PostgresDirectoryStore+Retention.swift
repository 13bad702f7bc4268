import Foundation
import PostgresNIO
import VolunteerDirectory

/// Retention: `volunteer.last_seen` is stamped by every import that lists the person.
extension PostgresDirectoryStore: RetentionStore {
    /// Everyone last seen before `cutoff`, or never: those never seen first (as SQLite orders a
    /// null), then the longest unseen, then by id.
    public func notSeen(since cutoff: Date) throws -> [UnseenVolunteer] {
        try connections.withConnection { connection in
            try connection.run(
                """
                SELECT v.id, v.name, v.last_seen,
                  ARRAY(SELECT n.name FROM membership m JOIN network n ON n.id = m.network_id
                        WHERE m.volunteer_id = v.id)
                FROM volunteer v WHERE v.last_seen IS NULL OR v.last_seen < \(cutoff)
                ORDER BY v.last_seen NULLS FIRST, v.id
                """
            ).map { row in
                let (id, name, lastSeen, networks) = try row.decode((Int64, String, Date?, [String]).self)
                return UnseenVolunteer(id: id, name: name, networks: networks.sorted(), lastSeen: lastSeen)
            }
        }
    }

    /// Erases `ids` as `forget` does, with the reason `retention`, in one transaction that holds
    /// the writers' lock, keeping no suppression.
    public func eraseUnseen(_ ids: [VolunteerID], actor: String) throws -> Int {
        try connections.transaction { connection in
            try connection.run("SELECT pg_advisory_xact_lock(\(Self.writersLock))")
            return try forget(ids, reason: "retention", actor: actor, suppress: false, on: connection).count
        }
    }
}
