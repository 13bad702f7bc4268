import GRDB
import VolunteerDirectory

/// A listing's details: the skills, languages and availability one source records for a person,
/// in rows clustered by person and source.
extension SQLiteDirectoryWriter {
    /// Writes the details of a listing that has none yet.
    func insertDetails(of id: VolunteerID, source: Int64, from record: VolunteerRecord, keys: VolunteerKeys) throws {
        try insertSkills(record.skills, from: 0, of: id, source: source)
        try insertLanguages(record.languages, keys: keys.languages, from: 0, of: id, source: source)
        try insertAvailability(Self.storedSlots(record.availability), of: id, source: source)
    }

    /// Rewrites the details a listing's new record changed, and only those: from the first skill
    /// or language that differs from what is held, and the availability if it differs.
    ///
    /// A re-import's changed rows mostly change one thing. Deleting and writing every detail again
    /// dirtied a page of each table and of its search index for each person, rows spread over the
    /// whole file: the cost of a changed row, and most of the write-ahead log a re-import wrote.
    /// Reading what is held first touches the same pages, and writes none of them.
    ///
    /// Returns whether the languages or the availability changed (what search facets are built
    /// from; skills are not).
    func replaceDetails(of id: VolunteerID, source: Int64, from record: VolunteerRecord, keys: VolunteerKeys) throws
        -> Bool
    {
        let skills = record.skills.map { skill -> [DatabaseValue] in
            [
                skill.written.databaseValue, skill.key.databaseValue, skill.level?.rawValue.databaseValue ?? .null,
                skill.qualifiedIn.databaseValue,
            ]
        }
        let firstChangedSkill = try firstDifference(
            from: skills, held: "SELECT position, written, key, level, qualified_in FROM volunteer_skill", of: id,
            source: source)
        if let first = firstChangedSkill {
            try deleteRows(of: "volunteer_skill", from: first, of: id, source: source)
            try insertSkills(record.skills, from: first, of: id, source: source)
        }
        let languages = zip(record.languages, keys.languages).map { spoken, key -> [DatabaseValue] in
            [
                spoken.language.written.databaseValue, key.databaseValue, spoken.language.code.databaseValue,
                spoken.language.script.databaseValue, spoken.proficiency?.rawValue.databaseValue ?? .null,
                spoken.interprets.databaseValue,
            ]
        }
        let firstChangedLanguage = try firstDifference(
            from: languages,
            held:
                "SELECT position, written, written_key, code, script, proficiency, interprets FROM volunteer_language",
            of: id, source: source)
        if let first = firstChangedLanguage {
            try deleteRows(of: "volunteer_language", from: first, of: id, source: source)
            try insertLanguages(record.languages, keys: keys.languages, from: first, of: id, source: source)
        }
        let slots = Self.storedSlots(record.availability)
        let heldSlots = try Int64.fetchOne(
            db.cachedStatement(
                sql: "SELECT slots FROM volunteer_availability WHERE volunteer_id = ? AND source_id = ?"),
            arguments: [id, source])
        let availabilityChanged = heldSlots != slots
        if availabilityChanged {
            try db.cachedStatement(sql: "DELETE FROM volunteer_availability WHERE volunteer_id = ? AND source_id = ?")
                .execute(arguments: [id, source])
            try insertAvailability(slots, of: id, source: source)
        }
        return firstChangedLanguage != nil || availabilityChanged
    }

    /// The position of the first of `rows` that differs from the rows held (`held`, a `SELECT` of
    /// the position and then the same columns from a details table), or where the held rows run
    /// out or go on past them; `nil` when they are the same. Text is compared byte for byte, as
    /// stored.
    private func firstDifference(from rows: [[DatabaseValue]], held: String, of id: VolunteerID, source: Int64)
        throws -> Int?
    {
        let heldRows = try Row.fetchAll(
            db.cachedStatement(sql: held + " WHERE volunteer_id = ? AND source_id = ? ORDER BY position"),
            arguments: [id, source])
        for (position, row) in rows.enumerated() {
            guard position < heldRows.count else { return position }
            let heldRow = heldRows[position]
            guard heldRow[0] == position else { return position }
            for (column, value) in row.enumerated() where !Self.same(value, heldRow[column + 1] as DatabaseValue) {
                return position
            }
        }
        return heldRows.count > rows.count ? rows.count : nil
    }

    /// Whether two values are stored alike: text by its bytes (Swift's `==` on strings would
    /// call a composed and a decomposed accent equal, and keep the old form).
    private static func same(_ value: DatabaseValue, _ held: DatabaseValue) -> Bool {
        if case .string(let text) = value.storage, case .string(let heldText) = held.storage {
            return text.utf8.elementsEqual(heldText.utf8)
        }
        return value == held
    }

    /// Deletes a listing's detail rows in `table` from `position` on.
    private func deleteRows(of table: String, from position: Int, of id: VolunteerID, source: Int64) throws {
        try db.cachedStatement(
            sql: "DELETE FROM \(table) WHERE volunteer_id = ? AND source_id = ? AND position >= ?"
        ).execute(arguments: [id, source, position])
    }

    /// Inserts `skills` from `first` on, at their positions, mapping each new key.
    private func insertSkills(_ skills: [Skill], from first: Int, of id: VolunteerID, source: Int64) throws {
        // Several rows a statement: a record's skills are one statement, not one each.
        for start in stride(from: first, to: skills.count, by: Self.rowsPerInsert) {
            let end = min(start + Self.rowsPerInsert, skills.count)
            try DirectStatement.run(Self.skillInserts[end - start], in: db) { bind in
                for position in start..<end {
                    let skill = skills[position]
                    bind.integer(id)
                    bind.integer(source)
                    bind.integer(position)
                    bind.text(skill.written)
                    bind.text(skill.key)
                    bind.integer(skill.level?.rawValue)
                    bind.text(skill.qualifiedIn)
                }
            }
        }
        for skill in skills[min(first, skills.count)...] { try mapSkill(key: skill.key) }
    }

    /// Inserts `languages` (their keys beside them) from `first` on, at their positions.
    private func insertLanguages(
        _ languages: [SpokenLanguage], keys: [String], from first: Int, of id: VolunteerID, source: Int64
    ) throws {
        for start in stride(from: first, to: languages.count, by: Self.rowsPerInsert) {
            let end = min(start + Self.rowsPerInsert, languages.count)
            try DirectStatement.run(Self.languageInserts[end - start], in: db) { bind in
                for position in start..<end {
                    let spoken = languages[position]
                    bind.integer(id)
                    bind.integer(source)
                    bind.integer(position)
                    bind.text(spoken.language.written)
                    bind.text(keys[position])
                    bind.text(spoken.language.code)
                    bind.text(spoken.language.script)
                    bind.integer(spoken.proficiency?.rawValue)
                    bind.flag(spoken.interprets)
                }
            }
        }
    }

    /// A listing's availability as its row holds it (``StoredSlots``' bits), `nil` for none: no row.
    private static func storedSlots(_ availability: [Slot]) -> Int64? {
        availability.isEmpty ? nil : StoredSlots.bits(of: availability)
    }

    /// Inserts the availability (``storedSlots(_:)``), if any.
    private func insertAvailability(_ slots: Int64?, of id: VolunteerID, source: Int64) throws {
        guard let slots else { return }
        try DirectStatement.run(
            "INSERT INTO volunteer_availability (volunteer_id, source_id, slots) VALUES (?, ?, ?)", in: db
        ) { bind in
            bind.integer(id)
            bind.integer(source)
            bind.integer(slots)
        }
    }

    /// The most rows one detail insert writes.
    static let rowsPerInsert = 8

    /// `INSERT INTO volunteer_skill ...` with as many rows as the index (1 to ``rowsPerInsert``).
    static let skillInserts = insertStatements(
        "volunteer_skill (volunteer_id, source_id, position, written, key, level, qualified_in)", columns: 7)

    /// `INSERT INTO volunteer_language ...` with as many rows as the index (1 to ``rowsPerInsert``).
    static let languageInserts = insertStatements(
        "volunteer_language (volunteer_id, source_id, position, written, written_key, code, script, proficiency, interprets)",
        columns: 9)

    /// An insert into `table` of 0 to ``rowsPerInsert`` rows of `columns` values, by row count.
    private static func insertStatements(_ table: String, columns: Int) -> [String] {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return (0...rowsPerInsert).map { rows in
            "INSERT INTO \(table) VALUES " + Array(repeating: row, count: max(rows, 1)).joined(separator: ", ")
        }
    }
}
