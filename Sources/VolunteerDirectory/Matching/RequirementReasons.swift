/// The hard requirements a proposed volunteer meets, in words for the report:
/// "speaks Polish (native) — required", "has ACCA qualified for Accountancy (synonym) — required".
enum RequirementReasons {
    static func met(
        by volunteer: MatchVolunteer, record: Volunteer, for need: MatchNeed, record needRecord: Need,
        in index: MatchIndex
    ) -> [String] {
        var reasons: [String] = []
        let requiredLanguages = needRecord.languages.filter(\.isRequired)
        for (offset, requirement) in need.requiredLanguages.enumerated() {
            let asked = requiredLanguages[offset].language
            let spoken = record.languages.filter {
                requirement.accepts(index.vocabulary.id(MatchIndex.languageTerm($0.language)))
            }.max { ($0.proficiency?.rawValue ?? 0) < ($1.proficiency?.rawValue ?? 0) }
            let level = spoken?.proficiency.map { " (\($0))" } ?? ""
            let name = spoken?.language.displayName() ?? asked.displayName()
            let forAsked = spoken?.language.code == asked.code ? "" : " for \(asked.displayName())"
            reasons.append("speaks \(name)\(level)\(forAsked) — required")
        }
        for skill in need.requiredSkills {
            let best = record.skills.compactMap { held in skill.kind(of: index.skillID(held.key)).map { (held, $0) } }
                .max { ($0.1, $0.0.level?.rawValue ?? 0) < ($1.1, $1.0.level?.rawValue ?? 0) }
            guard let (held, kind) = best else {
                if skill.interpreting != nil, let spoken = record.languages.first(where: \.interprets) {
                    reasons.append("interprets \(spoken.language.displayName()) for \(skill.written) — required")
                }
                continue
            }
            let written = held.level.map { "\(held.written) (\($0))" } ?? held.written
            reasons.append(
                kind == .exact
                    ? "has \(written) — required" : "has \(written) for \(skill.written) (\(kind)) — required")
        }
        if need.dbs > .none {
            reasons.append(
                "holds \(volunteer.dbs == .enhanced ? "an" : "a") \(volunteer.dbs) DBS check — required \(need.dbs) or above"
            )
        }
        return reasons
    }
}
