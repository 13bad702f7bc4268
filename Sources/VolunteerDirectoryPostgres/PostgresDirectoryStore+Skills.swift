import Foundation
import PostgresNIO
import VolunteerDirectory

/// What the taxonomy makes of the written skills: mapped afresh when the directory is opened
/// with a taxonomy other than the one its skills were last mapped with.
extension PostgresDirectoryStore {
    /// The setting naming the taxonomy (its fingerprint) the skills were last mapped with.
    static let mappedWithSetting = "skill-taxonomy"

    /// Maps every written skill key again when the directory's skills were last mapped with a
    /// taxonomy other than `taxonomy`, in one transaction that waits for other writers. Returns
    /// what the opener should be told: that an account which may only read could not map them.
    static func mapSkillsIfTaxonomyChanged(
        _ connections: PostgresConnections, taxonomy: SkillTaxonomy, for access: DirectoryAccess
    ) throws -> [String] {
        let fingerprint = taxonomy.fingerprint
        let held = try connections.withConnection { connection in try mappedWith(on: connection) }
        guard held != fingerprint else { return [] }
        do {
            try connections.transaction { connection in
                try waitForWriters(on: connection)
                // Another program may have mapped them while this one waited for the lock.
                guard try mappedWith(on: connection) != fingerprint else { return }
                try connection.run("DELETE FROM skill_mapping")
                let keys = try connection.run("SELECT DISTINCT key FROM volunteer_skill").map {
                    try $0.decode(String.self)
                }
                var rows: (keys: [String], concepts: [String], kinds: [String]) = ([], [], [])
                for key in keys {
                    let mappings = taxonomy.understand(key)
                    for (concept, kind) in mappings.isEmpty
                        ? [("", "")] : mappings.map({ ($0.concept, $0.kind.rawValue) })
                    {
                        rows.keys.append(key)
                        rows.concepts.append(concept)
                        rows.kinds.append(kind)
                    }
                }
                for start in stride(from: 0, to: rows.keys.count, by: mappingsPerStatement) {
                    let part = start..<min(start + mappingsPerStatement, rows.keys.count)
                    try connection.run(
                        """
                        INSERT INTO skill_mapping (key, concept, kind)
                        SELECT * FROM unnest(\(Array(rows.keys[part]))::text[], \(Array(rows.concepts[part]))::text[],
                          \(Array(rows.kinds[part]))::text[])
                        ON CONFLICT DO NOTHING
                        """)
                }
                try connection.run(
                    """
                    INSERT INTO directory_setting (name, value) VALUES (\(mappedWithSetting), \(fingerprint))
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value
                    """)
            }
        } catch PostgresStoreError.readOnly(let location) where access == .reading {
            // The skills as last mapped still answer; a search need not fail for want of a remap.
            return [
                "the skills taxonomy has changed since the skills in \(location) were last mapped, and this account "
                    + "may not map them again; skills are searched as last mapped until an account that may write "
                    + "opens the directory"
            ]
        }
        return []
    }

    /// The fingerprint of the taxonomy the skills were last mapped with, if they were.
    private static func mappedWith(on connection: PostgresConnection) throws -> String? {
        try connection.run("SELECT value FROM directory_setting WHERE name = \(mappedWithSetting)").first?
            .decode(String.self)
    }

    /// How many mapping rows one statement writes.
    static let mappingsPerStatement = 10_000
}
