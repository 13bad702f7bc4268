import GRDB
import VolunteerDirectory

/// What the directory holds in skills and languages: the coverage views behind `voldir skills`
/// and `voldir languages`.
extension SQLiteDirectoryStore {
    public func unmappedSkills(limit: Int) throws -> [UnmappedSkill] {
        try reader.read { db in try unmappedSkills(limit: limit, in: db) }
    }

    func unmappedSkills(limit: Int, in db: Database) throws -> [UnmappedSkill] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT s.key, MIN(s.written) AS written, COUNT(DISTINCT s.volunteer_id) AS holders
                FROM skill_mapping m JOIN volunteer_skill s ON s.key = m.key
                WHERE m.concept = '' GROUP BY s.key ORDER BY holders DESC, s.key LIMIT ?
                """, arguments: [limit]
        ).map { UnmappedSkill(written: $0["written"], key: $0["key"], volunteers: $0["holders"]) }
    }

    public func skillHolders() throws -> [String: Int] {
        try reader.read { db in try skillHolders(in: db) }
    }

    func skillHolders(in db: Database) throws -> [String: Int] {
        var holders: [String: Int] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT m.concept, COUNT(DISTINCT s.volunteer_id) FROM skill_mapping m JOIN volunteer_skill s ON s.key = m.key
                WHERE m.concept <> '' GROUP BY m.concept
                """)
        while let row = try rows.next() { holders[row[0]] = row[1] }
        // Interpreting a language is the interpreting skill, whether or not it was written down.
        for concept in taxonomy.concepts.values where concept.impliedByInterpreting {
            holders[concept.key] = try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM (
                      SELECT s.volunteer_id FROM skill_mapping m JOIN volunteer_skill s ON s.key = m.key WHERE m.concept = ?
                      UNION SELECT volunteer_id FROM volunteer_language WHERE interprets = 1)
                    """, arguments: [concept.key])
        }
        return holders.filter { $0.value > 0 }
    }

    public func languageCoverage() throws -> [LanguageCoverage] {
        try reader.read { db in try languageCoverage(in: db) }
    }

    func languageCoverage(in db: Database) throws -> [LanguageCoverage] {
        // Each volunteer once per language, at the best proficiency any source gave.
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT code, written_key, MIN(written) AS written, best, COUNT(*) AS speakers, SUM(interprets) AS interpreters
                FROM (
                  SELECT volunteer_id, code, CASE WHEN code IS NULL THEN written_key ELSE '' END AS written_key,
                    MIN(written) AS written, MAX(COALESCE(proficiency, 0)) AS best, MAX(interprets) AS interprets
                  FROM volunteer_language GROUP BY volunteer_id, code, 3)
                GROUP BY code, written_key, best
                """)
        var coverage: [String: LanguageCoverage] = [:]
        var order: [String] = []
        for row in rows {
            let code: String? = row["code"]
            let identity = code ?? "?" + (row["written_key"] as String? ?? "")
            if coverage[identity] == nil {
                order.append(identity)
                coverage[identity] = LanguageCoverage(
                    code: code, written: row["written"], byProficiency: [:], interpreters: 0)
            }
            let best: Int = row["best"]
            coverage[identity]?.byProficiency[Proficiency(rawValue: best), default: 0] += row["speakers"] as Int
            coverage[identity]?.interpreters += row["interpreters"] as Int
        }
        return order.compactMap { coverage[$0] }.sorted { ($0.total, $1.written) > ($1.total, $0.written) }
    }
}
