/// The hard requirements a proposed volunteer meets, in words for the report:
/// "speaks Polish (native) — required", "has Teaching (professional) — required".
enum RequirementReasons {
    static func met(by volunteer: MatchVolunteer, record: Volunteer, for need: MatchNeed, record needRecord: Need) -> [String] {
        var reasons: [String] = []
        for requirement in needRecord.languages where requirement.isRequired {
            let spoken = record.languages.filter {
                MatchIndex.languageKey($0.language) == MatchIndex.languageKey(requirement.language)
            }.max { ($0.proficiency?.rawValue ?? 0) < ($1.proficiency?.rawValue ?? 0) }
            let level = spoken?.proficiency.map { " (\($0))" } ?? ""
            reasons.append("speaks \(requirement.language.displayName())\(level) — required")
        }
        for (index, skill) in need.requiredSkills.enumerated() {
            let key = needRecord.requiredSkills[index].key
            let held = record.skills.first { $0.key == key } ?? record.skills.first { " \($0.key) ".contains(" \(key) ") }
            let written = held.map { s in s.level.map { "\(s.written) (\($0))" } ?? s.written } ?? skill.written
            reasons.append("has \(written) — required")
        }
        if need.dbs > .none {
            reasons.append("holds \(volunteer.dbs == .enhanced ? "an" : "a") \(volunteer.dbs) DBS check — required \(need.dbs) or above")
        }
        return reasons
    }
}
