import PostgresNIO
import VolunteerDirectory

/// How a volunteer's row in the full-text table (`volunteer_text`) is written: name, written
/// skills and notes, each folded by ``Swift/String/searchFolded`` as a search's words are and
/// reduced to its words (``Swift/String/matchingKey``), so that PostgreSQL's parser sees plain
/// words only, split where the other stores split them ("o'brien" is "o brien", an email address
/// is its parts). Only this table holds the folded text; what was written is kept in the
/// volunteer's own row.
enum PostgresFullText {
    /// One column's text as the table holds it.
    static func indexed(_ text: String?) -> String {
        (text ?? "").searchFolded.matchingKey
    }

    /// Writes the rows of every volunteer anew (after a copy, or a change to how text is folded).
    static func rebuildAll(on connection: PostgresConnection) throws {
        try connection.run("DELETE FROM volunteer_text")
        let rows = try connection.run(
            """
            SELECT v.id, v.name, v.notes,
              (SELECT string_agg(s.written, ' ; ' ORDER BY s.source_id, s.position) FROM volunteer_skill s
               WHERE s.volunteer_id = v.id)
            FROM volunteer v ORDER BY v.id
            """)
        var ids: [Int64] = []
        var names: [String] = []
        var skills: [String] = []
        var notes: [String] = []
        func flush() throws {
            guard !ids.isEmpty else { return }
            try connection.run(
                """
                INSERT INTO volunteer_text (volunteer_id, name, skills, notes)
                SELECT * FROM unnest(\(ids)::bigint[], \(names)::text[], \(skills)::text[], \(notes)::text[])
                """)
            ids.removeAll(keepingCapacity: true)
            names.removeAll(keepingCapacity: true)
            skills.removeAll(keepingCapacity: true)
            notes.removeAll(keepingCapacity: true)
        }
        for row in rows {
            let (id, name, note, written) = try row.decode((Int64, String, String?, String?).self)
            ids.append(id)
            names.append(indexed(name))
            skills.append(indexed(written))
            notes.append(indexed(note))
            if ids.count == 5_000 { try flush() }
        }
        try flush()
    }
}
