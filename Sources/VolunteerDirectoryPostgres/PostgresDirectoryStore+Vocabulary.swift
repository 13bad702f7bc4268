import PostgresNIO
import VolunteerDirectory

/// What the directory holds in skills and languages: the coverage views behind `voldir skills`
/// and `voldir languages`, the same statements as the SQLite store's.
extension PostgresDirectoryStore {
    public func unmappedSkills(limit: Int) throws -> [UnmappedSkill] {
        try connections.withConnection { connection in
            try connection.run(
                """
                SELECT s.key, MIN(s.written COLLATE "C"), COUNT(DISTINCT s.volunteer_id) AS holders
                FROM skill_mapping m JOIN volunteer_skill s ON s.key = m.key
                WHERE m.concept = '' GROUP BY s.key ORDER BY holders DESC, s.key COLLATE "C" LIMIT \(limit)
                """
            ).map { row in
                let (key, written, holders) = try row.decode((String, String, Int).self)
                return UnmappedSkill(written: written, key: key, volunteers: holders)
            }
        }
    }

    public func skillHolders() throws -> [String: Int] {
        try connections.snapshot { connection in
            var holders: [String: Int] = [:]
            let rows = try connection.run(
                """
                SELECT m.concept, COUNT(DISTINCT s.volunteer_id) FROM skill_mapping m JOIN volunteer_skill s ON s.key = m.key
                WHERE m.concept <> '' GROUP BY m.concept
                """)
            for row in rows {
                let (concept, count) = try row.decode((String, Int).self)
                holders[concept] = count
            }
            // Interpreting a language is the interpreting skill, whether or not it was written down.
            for concept in taxonomy.concepts.values where concept.impliedByInterpreting {
                holders[concept.key] =
                    try connection.run(
                        """
                        SELECT COUNT(*) FROM (
                          SELECT s.volunteer_id FROM skill_mapping m JOIN volunteer_skill s ON s.key = m.key
                          WHERE m.concept = \(concept.key)
                          UNION SELECT volunteer_id FROM volunteer_language WHERE interprets = 1) holders
                        """
                    ).first?.decode(Int.self) ?? 0
            }
            return holders.filter { $0.value > 0 }
        }
    }

    public func languageCoverage() throws -> [LanguageCoverage] {
        // Each volunteer once per language, at the best proficiency any source gave.
        let rows = try connections.withConnection { connection in
            try connection.run(
                """
                SELECT code, written_key, MIN(written COLLATE "C"), best, COUNT(*), SUM(interprets)::bigint
                FROM (
                  SELECT volunteer_id, code, CASE WHEN code IS NULL THEN written_key ELSE '' END AS written_key,
                    MIN(written COLLATE "C") AS written, MAX(COALESCE(proficiency, 0)) AS best, MAX(interprets) AS interprets
                  FROM volunteer_language GROUP BY volunteer_id, code, 3) spoken
                GROUP BY code, written_key, best
                ORDER BY code COLLATE "C" NULLS FIRST, written_key COLLATE "C", best
                """
            ).map { try $0.decode((String?, String, String, Int, Int, Int).self) }
        }
        var coverage: [String: LanguageCoverage] = [:]
        var order: [String] = []
        for (code, writtenKey, written, best, speakers, interpreters) in rows {
            let identity = code ?? "?" + writtenKey
            if coverage[identity] == nil {
                order.append(identity)
                coverage[identity] = LanguageCoverage(code: code, written: written, byProficiency: [:], interpreters: 0)
            }
            coverage[identity]?.byProficiency[Proficiency(rawValue: best), default: 0] += speakers
            coverage[identity]?.interpreters += interpreters
        }
        return order.compactMap { coverage[$0] }.sorted { ($0.total, $1.written) > ($1.total, $0.written) }
    }
}
