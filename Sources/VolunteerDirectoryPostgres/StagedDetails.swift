import VolunteerDirectory

/// What records say of people's skills, languages and availability, as `COPY` rows for their
/// three tables.
struct StagedDetails {
    private(set) var skills = CopyRows(
        table: "volunteer_skill",
        columns: ["volunteer_id", "source_id", "position", "written", "key", "level", "qualified_in"])
    private(set) var languages = CopyRows(
        table: "volunteer_language",
        columns: [
            "volunteer_id", "source_id", "position", "written", "written_key", "code", "script", "proficiency",
            "interprets",
        ])
    private(set) var availability = CopyRows(
        table: "volunteer_availability", columns: ["volunteer_id", "source_id", "slots"])

    /// The three tables' rows.
    var tables: [CopyRows] { [skills, languages, availability] }

    /// Holds the skills, languages and availability `record` gives `id`, from `source`.
    mutating func add(of id: VolunteerID, record: VolunteerRecord, keys: VolunteerKeys, source: Int64) {
        for (position, skill) in record.skills.enumerated() {
            skills.field(id)
            skills.field(source)
            skills.field(Int64(position))
            skills.field(skill.written)
            skills.field(skill.key)
            skills.field(skill.level.map { Int64($0.rawValue) })
            skills.field(skill.qualifiedIn)
            skills.endRow()
        }
        for (position, (spoken, writtenKey)) in zip(record.languages, keys.languages).enumerated() {
            languages.field(id)
            languages.field(source)
            languages.field(Int64(position))
            languages.field(spoken.language.written)
            languages.field(writtenKey)
            languages.field(spoken.language.code)
            languages.field(spoken.language.script)
            languages.field(spoken.proficiency.map { Int64($0.rawValue) })
            languages.field(flag: spoken.interprets)
            languages.endRow()
        }
        if !record.availability.isEmpty {
            availability.field(id)
            availability.field(source)
            availability.field(StoredSlots.bits(of: record.availability))
            availability.endRow()
        }
    }

    /// Forgets every row held, keeping the memory for the next.
    mutating func removeAll() {
        skills.removeAll()
        languages.removeAll()
        availability.removeAll()
    }
}
