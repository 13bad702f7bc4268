import Foundation
import GRDB
import VolunteerDirectory

/// Answers a ``VolunteerQuery``: the filters become cached bit sets that are intersected, and
/// only the volunteers left are scored, in one SQL query.
struct VolunteerSearch {
    let query: VolunteerQuery
    let facets: FacetCache

    /// The volunteers who pass every filter, or `nil` when the query has no filter to narrow by.
    private func candidates(_ db: Database) throws -> [Int64]? {
        let capacity = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM volunteer") ?? 0
        var sets: [VolunteerSet] = []
        func facet(_ key: String, _ sql: String, _ arguments: StatementArguments = []) throws {
            sets.append(try facets.set(key, in: db) { try VolunteerSet(capacity: capacity, db: db, sql: sql, arguments: arguments) })
        }
        if !query.includeWithoutConsent {
            try facet("consent", "SELECT id FROM volunteer WHERE consent_contact = 1")
        }
        for key in query.skillKeys {
            try facet(
                "skill:\(key)",
                """
                SELECT volunteer_id FROM volunteer_skill WHERE key = ?1
                UNION SELECT s.volunteer_id FROM volunteer_skill s
                  WHERE s.volunteer_id IN (SELECT rowid FROM volunteer_text WHERE volunteer_text MATCH ?2)
                  AND ' ' || s.key || ' ' LIKE ?3
                """, [key, "skills : \"\(key)\"", "% \(key) %"])
        }
        let minimum = query.minimumProficiency?.rawValue ?? 0
        for language in query.languages {
            if let code = language.code {
                try facet(
                    "language:\(code):\(minimum)",
                    "SELECT volunteer_id FROM volunteer_language WHERE code = ? AND COALESCE(proficiency, 0) >= ?", [code, minimum])
            } else {
                let written = language.written.matchingKey
                try facet(
                    "written:\(written):\(minimum)",
                    "SELECT volunteer_id FROM volunteer_language WHERE written_key = ? AND COALESCE(proficiency, 0) >= ?", [written, minimum])
            }
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
        return result.ids
    }

    func run(_ db: Database) throws -> [(VolunteerID, Double)] {
        let narrowed = try candidates(db)
        if let narrowed, narrowed.isEmpty { return [] }
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
