import Foundation
import GRDB
import VolunteerDirectory

/// Retention: `volunteer_seen` is stamped by every import that lists the person.
extension SQLiteDirectoryStore: RetentionStore {
    public func notSeen(since cutoff: Date) throws -> [UnseenVolunteer] {
        try reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.id, v.name, s.at AS last_seen,
                      (SELECT group_concat(n.name, '\u{1F}') FROM membership m JOIN network n ON n.id = m.network_id
                       WHERE m.volunteer_id = v.id) AS networks
                    FROM volunteer v LEFT JOIN volunteer_seen s ON s.volunteer_id = v.id
                    WHERE s.at IS NULL OR s.at < ?
                    ORDER BY s.at, v.id
                    """, arguments: [cutoff]
            ).map { row in
                let networks: String? = row["networks"]
                return UnseenVolunteer(
                    id: row["id"], name: row["name"],
                    networks: networks.map { $0.split(separator: "\u{1F}").map(String.init).sorted() } ?? [],
                    lastSeen: row["last_seen"])
            }
        }
    }

    public func eraseUnseen(_ ids: [VolunteerID], actor: String) throws -> Int {
        try transaction { db in
            var erased = 0
            for id in ids
            where try Self.forget(id, reason: "retention", actor: actor, taxonomy: taxonomy, suppress: false, in: db)
                != nil
            {
                erased += 1
            }
            try SearchFacets.rebuild(in: db)
            TestSeam.pauseBeforeCommit()
            return erased
        }
    }
}
