import GRDB
import VolunteerDirectory

/// Turns a ``VolunteerQuery`` into one SQL query: every filter narrows through an index or the
/// full-text index, and the score is computed only for the volunteers that pass.
struct VolunteerSearch {
    let query: VolunteerQuery

    func run(_ db: Database) throws -> [(VolunteerID, Double)] {
        var scores: [String] = []
        var scoreArguments: [(any DatabaseValueConvertible)?] = []
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []

        if !query.includeWithoutConsent { conditions.append("v.consent_contact = 1") }

        for key in query.skillKeys {
            let pattern = "% \(key) %"
            let matches = "(s.key = ? OR ' ' || s.key || ' ' LIKE ?)"
            conditions.append(
                "v.id IN (SELECT rowid FROM volunteer_text WHERE volunteer_text MATCH ?) "
                    + "AND EXISTS (SELECT 1 FROM volunteer_skill s WHERE s.volunteer_id = v.id AND \(matches))")
            arguments += ["skills : \"\(key)\"", key, pattern]
            // An exact skill counts more than words within a longer one; a stated level adds a little.
            scores.append(
                "(SELECT MAX((CASE WHEN s.key = ? THEN 3 ELSE 2 END) + COALESCE(s.level, 0) * 0.1) "
                    + "FROM volunteer_skill s WHERE s.volunteer_id = v.id AND \(matches))")
            scoreArguments += [key, key, pattern]
        }

        let minimum = query.minimumProficiency?.rawValue ?? 0
        for language in query.languages {
            let matches = language.code != nil ? "l.code = ?" : "l.written_key = ?"
            let value = language.code ?? language.written.matchingKey
            conditions.append(
                "v.id IN (SELECT l.volunteer_id FROM volunteer_language l WHERE \(matches) AND COALESCE(l.proficiency, 0) >= ?)")
            arguments += [value, minimum]
            scores.append(
                "(SELECT MAX(COALESCE(l.proficiency, 1) + l.interprets * 0.5) FROM volunteer_language l "
                    + "WHERE l.volunteer_id = v.id AND \(matches))")
            scoreArguments += [value]
        }

        if let network = query.network {
            conditions.append(
                "v.id IN (SELECT m.volunteer_id FROM membership m JOIN network n ON n.id = m.network_id "
                    + "WHERE n.name_key = ? OR n.external_id = ?)")
            arguments += [network.matchingKey, network]
        }

        if let area = query.area {
            conditions.append("(v.postcode_district = ? OR v.area_key = ?)")
            arguments += [Postcode.district(area) ?? area.uppercased(), area.matchingKey]
        }

        for slot in query.availability {
            conditions.append(
                "v.id IN (SELECT volunteer_id FROM volunteer_slot WHERE (day = ? OR day = 'any' OR ? = 'any') "
                    + "AND (part = ? OR part = 'any' OR ? = 'any'))")
            arguments += [slot.day.rawValue, slot.day.rawValue, slot.part.rawValue, slot.part.rawValue]
        }

        if let dbs = query.minimumDBS {
            conditions.append("v.dbs_level >= ?")
            arguments.append(dbs.rawValue)
        }

        let terms = query.textTerms
        if !terms.isEmpty {
            let match = terms.joined(separator: " ")
            conditions.append("v.id IN (SELECT rowid FROM volunteer_text WHERE volunteer_text MATCH ?)")
            arguments.append(match)
            scores.append("-(SELECT bm25(volunteer_text) FROM volunteer_text WHERE volunteer_text MATCH ? AND rowid = v.id)")
            scoreArguments.append(match)
        }

        let score = scores.isEmpty ? "0.0" : scores.map { "COALESCE(\($0), 0)" }.joined(separator: " + ")
        let sql = """
            SELECT v.id, \(score) AS score FROM volunteer v
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY score DESC, v.name_key, v.id
            LIMIT ?
            """
        let all = scoreArguments + arguments + [max(0, query.limit)]
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(all)).map { row in
            (row["id"], row["score"])
        }
    }
}
