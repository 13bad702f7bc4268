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

    /// How a volunteer's written skills are joined into the row's one skills column, in their
    /// sources' and positions' order.
    static let skillSeparator = " ; "

    /// The skills column of someone whose written skills are `written`, in order.
    static func indexedSkills(_ written: [String]) -> String {
        indexed(written.isEmpty ? nil : written.joined(separator: skillSeparator))
    }

    /// Writes the rows of every volunteer anew (after a copy).
    static func rebuildAll(on connection: PostgresConnection) throws {
        try connection.run("DELETE FROM volunteer_text")
        let ids = try connection.run("SELECT id FROM volunteer ORDER BY id").map { try $0.decode(Int64.self) }
        try write(for: ids, on: connection)
    }

    /// Writes the rows of these volunteers as they now stand, over any held: two statements per
    /// few thousand people.
    static func write(for people: [Int64], on connection: PostgresConnection) throws {
        for start in stride(from: 0, to: people.count, by: rowsPerStatement) {
            let part = Array(people[start..<min(start + rowsPerStatement, people.count)])
            var ids: [Int64] = []
            var names: [String] = []
            var skills: [String] = []
            var notes: [String] = []
            for row in try connection.run(
                """
                SELECT v.id, v.name, v.notes,
                  (SELECT string_agg(s.written, \(skillSeparator) ORDER BY s.source_id, s.position)
                   FROM volunteer_skill s WHERE s.volunteer_id = v.id)
                FROM volunteer v WHERE v.id = ANY(\(part))
                """)
            {
                let (id, name, note, written) = try row.decode((Int64, String, String?, String?).self)
                ids.append(id)
                names.append(indexed(name))
                skills.append(indexed(written))
                notes.append(indexed(note))
            }
            guard !ids.isEmpty else { continue }
            try connection.run(
                """
                INSERT INTO volunteer_text (volunteer_id, name, skills, notes)
                SELECT * FROM unnest(\(ids)::bigint[], \(names)::text[], \(skills)::text[], \(notes)::text[])
                ON CONFLICT (volunteer_id) DO UPDATE SET
                  name = excluded.name, skills = excluded.skills, notes = excluded.notes
                """)
        }
    }

    /// How many people's rows one statement writes.
    static let rowsPerStatement = 5_000
}
