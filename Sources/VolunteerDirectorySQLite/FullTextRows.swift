import GRDB
import VolunteerDirectory

/// How a volunteer's row in the full-text index (`volunteer_text`) is written: name, written
/// skills and notes, each folded by ``Swift/String/searchFolded`` as a search's words are, so
/// "Lukasz" finds Łukasz and "Strasse" finds Straße. Only the index holds the folded text: what
/// was written is kept, and shown, from the volunteer's own row.
enum FullTextRows {
    /// `voldir_search_fold(text)`: ``Swift/String/searchFolded`` in SQL. Every connection the
    /// store opens has it, and the migration that refolds the index adds it for itself.
    static let fold = DatabaseFunction("voldir_search_fold", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0])?.searchFolded
    }

    /// Writes the full-text rows of the volunteers the SQL `condition` selects (on `volunteer`,
    /// with `arguments`), in one statement: each must not have a row yet.
    static func insert(where condition: String, arguments: StatementArguments = [], in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO volunteer_text (rowid, name, skills, notes)
                SELECT id, voldir_search_fold(name),
                  voldir_search_fold(
                    (SELECT group_concat(written, ' ; ') FROM volunteer_skill WHERE volunteer_id = volunteer.id)),
                  voldir_search_fold(notes)
                FROM volunteer WHERE \(condition)
                """
        ).execute(arguments: arguments)
    }
}
