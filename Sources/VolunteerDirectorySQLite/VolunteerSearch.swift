import Foundation
import GRDB
import VolunteerDirectory

/// Answers a ``VolunteerQuery``: the filters become cached bit sets that are intersected, and
/// only the volunteers left are scored, in one SQL query.
struct VolunteerSearch {
    let query: VolunteerQuery
    let facets: FacetCache

    /// The volunteers who pass every filter, or `nil` when the query has no filter to narrow by;
    /// and the filters that carry a part of the score.
    private func candidates(_ db: Database) throws -> (ids: [Int64], scored: [VolunteerSet])? {
        let capacity = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM volunteer") ?? 0
        var sets: [VolunteerSet] = []
        func facet(_ key: String, _ sql: String, _ arguments: StatementArguments = []) throws {
            sets.append(try facets.set(key, in: db) { try VolunteerSet(capacity: capacity, db: db, sql: sql, arguments: arguments) })
        }
        if !query.includeWithoutConsent {
            try facet("consent", "SELECT id FROM volunteer WHERE consent_contact = 1")
        }
        for key in query.skillKeys {
            sets.append(
                try facets.set("skill:\(key)", in: db) {
                    // The skills that hold the words (the distinct keys come from the index, one
                    // seek each), then their holders from the covering (key, volunteer) index.
                    var set = VolunteerSet(capacity: capacity)
                    let padded = " \(key) "
                    let keys = try String.fetchAll(
                        db,
                        sql: """
                            WITH RECURSIVE k(key) AS (
                              SELECT MIN(key) FROM volunteer_skill
                              UNION ALL SELECT (SELECT MIN(key) FROM volunteer_skill WHERE key > k.key) FROM k WHERE k.key IS NOT NULL)
                            SELECT key FROM k WHERE key IS NOT NULL
                            """)
                    for held in keys where held == key || " \(held) ".contains(padded) {
                        // An exact skill counts more than words within a longer one; a stated level adds a little.
                        let rows = try Row.fetchCursor(
                            db.cachedStatement(sql: "SELECT volunteer_id, level FROM volunteer_skill WHERE key = ?"), arguments: [held])
                        while let row = try rows.next() {
                            let id: Int64 = row[0]
                            let level: Int? = row[1]
                            set.insert(id)
                            let score = (held == key ? 3.0 : 2.0) + Double(level ?? 0) * 0.1
                            set.scores[id] = max(set.scores[id] ?? 0, score)
                        }
                    }
                    return set
                })
        }
        let minimum = query.minimumProficiency?.rawValue ?? 0
        for language in query.languages {
            let column = language.code != nil ? "code" : "written_key"
            let value = language.code ?? language.written.matchingKey
            sets.append(
                try facets.set("\(column):\(value):\(minimum)", in: db) {
                    // Higher proficiency ranks higher; interpreting adds half a step.
                    var set = VolunteerSet(capacity: capacity)
                    let rows = try Row.fetchCursor(
                        db.cachedStatement(
                            sql: """
                                SELECT volunteer_id, proficiency, interprets FROM volunteer_language
                                WHERE \(column) = ? AND COALESCE(proficiency, 0) >= ?
                                """), arguments: [value, minimum])
                    while let row = try rows.next() {
                        let id: Int64 = row[0]
                        let proficiency: Int? = row[1]
                        let interprets: Bool = row[2]
                        set.insert(id)
                        set.scores[id] = max(set.scores[id] ?? 0, Double(proficiency ?? 1) + (interprets ? 0.5 : 0))
                    }
                    return set
                })
        }
        if let network = query.network {
            try facet(
                "network:\(network)",
                "SELECT m.volunteer_id FROM membership m JOIN network n ON n.id = m.network_id WHERE n.name_key = ? OR n.external_id = ?",
                [network.matchingKey, network])
        }
        if let area = query.area {
            let district = Postcode.district(area) ?? area.uppercased()
            try facet(
                "area:\(district):\(area.matchingKey)",
                "SELECT id FROM volunteer WHERE postcode_district = ? UNION SELECT id FROM volunteer WHERE area_key = ?",
                [district, area.matchingKey])
        }
        for slot in query.availability {
            try facet(
                "slot:\(slot)",
                """
                SELECT volunteer_id FROM volunteer_slot WHERE (day = ?1 OR day = 'any' OR ?1 = 'any')
                AND (part = ?2 OR part = 'any' OR ?2 = 'any')
                """, [slot.day.rawValue, slot.part.rawValue])
        }
        if let dbs = query.minimumDBS {
            try facet("dbs:\(dbs.rawValue)", "SELECT id FROM volunteer WHERE dbs_level >= ?", [dbs.rawValue])
        }
        if !query.textTerms.isEmpty {
            // Words vary too much to cache: asked of the full-text index each time.
            sets.append(
                try VolunteerSet(
                    capacity: capacity, db: db, sql: "SELECT rowid FROM volunteer_text WHERE volunteer_text MATCH ?",
                    arguments: [query.textTerms.joined(separator: " ")]))
        }
        guard var result = sets.first else { return nil }
        for set in sets.dropFirst() { result.formIntersection(set) }
        return (result.ids, sets.filter { !$0.scores.isEmpty })
    }

    func run(_ db: Database) throws -> [(VolunteerID, Double)] {
        let filtered = try candidates(db)
        if let filtered, filtered.ids.isEmpty { return [] }
        if let filtered, query.textTerms.isEmpty {
            // Every part of the score is in the filters' sets: rank in memory, ties by name.
            let ranks = try facets.nameRanks(in: db)
            var ranked = filtered.ids.map { id -> (id: Int64, score: Double, rank: Int32) in
                var score = 0.0
                for set in filtered.scored { score += set.scores[id] ?? 0 }
                return (id, score, Int(id) < ranks.count ? ranks[Int(id)] : .max)
            }
            ranked.sort { ($0.score, $1.rank, $1.id) > ($1.score, $0.rank, $0.id) }
            return ranked.prefix(max(0, query.limit)).map { ($0.id, $0.score) }
        }
        let narrowed = filtered?.ids
        // Scores probe each candidate's own rows: INDEXED BY keeps the planner from scanning a whole
        // skill or language instead (it has no statistics to know better).
        var scores: [String] = []
        var scoreArguments: [(any DatabaseValueConvertible)?] = []
        for key in query.skillKeys {
            // An exact skill counts more than words within a longer one; a stated level adds a little.
            scores.append(
                "(SELECT MAX((CASE WHEN s.key = ? THEN 3 ELSE 2 END) + COALESCE(s.level, 0) * 0.1) "
                    + "FROM volunteer_skill s INDEXED BY volunteer_skill_owner "
                    + "WHERE s.volunteer_id = v.id AND (s.key = ? OR ' ' || s.key || ' ' LIKE ?))")
            scoreArguments += [key, key, "% \(key) %"]
        }
        for language in query.languages {
            let matches = language.code != nil ? "l.code = ?" : "l.written_key = ?"
            scores.append(
                "(SELECT MAX(COALESCE(l.proficiency, 1) + l.interprets * 0.5) FROM volunteer_language l "
                    + "INDEXED BY volunteer_language_owner WHERE l.volunteer_id = v.id AND \(matches))")
            scoreArguments.append(language.code ?? language.written.matchingKey)
        }
        let terms = query.textTerms
        if !terms.isEmpty {
            scores.append("-(SELECT bm25(volunteer_text) FROM volunteer_text WHERE volunteer_text MATCH ? AND rowid = v.id)")
            scoreArguments.append(terms.joined(separator: " "))
        }
        let score = scores.isEmpty ? "0.0" : scores.map { "COALESCE(\($0), 0)" }.joined(separator: " + ")
        var filter = ""
        var filterArguments: [(any DatabaseValueConvertible)?] = []
        if let narrowed {
            filter = "WHERE v.id IN (SELECT value FROM json_each(?))"
            filterArguments = [String(decoding: try JSONEncoder().encode(narrowed), as: UTF8.self)]
        }
        let sql = """
            SELECT v.id, \(score) AS score FROM volunteer v \(filter)
            ORDER BY score DESC, v.name_key, v.id
            LIMIT ?
            """
        let all = scoreArguments + filterArguments + [max(0, query.limit)]
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(all)).map { row in
            (row["id"], row["score"])
        }
    }
}
