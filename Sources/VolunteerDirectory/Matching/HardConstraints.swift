/// The requirements a volunteer must meet to be a candidate for a need at all: every required
/// skill and language (at the minimum proficiency), the DBS level, and a slot in common when the
/// need has slots. Consent and capacity are checked by the ``Matcher``.
public enum HardConstraints {
    /// Whether `volunteer` meets every hard requirement of `need`.
    public static func allow(_ volunteer: MatchVolunteer, _ need: MatchNeed) -> Bool {
        guard volunteer.dbs >= need.dbs else { return false }
        if !need.slots.isEmpty, volunteer.slots.intersection(need.slots).isEmpty { return false }
        for language in need.requiredLanguages {
            guard let held = volunteer.proficiency(in: language.language), held.level >= language.minimum else { return false }
        }
        for skill in need.requiredSkills where skill.match(volunteer).strength == 0 {
            return false
        }
        return true
    }

    /// Each hard requirement of a need on its own, named for a coordinator, to explain why places
    /// stay empty.
    static func requirements(of need: MatchNeed, record: Need, vocabulary: MatchIndex.Vocabulary)
        -> [(name: String, holds: (MatchVolunteer) -> Bool)]
    {
        var result: [(String, (MatchVolunteer) -> Bool)] = []
        for (index, language) in need.requiredLanguages.enumerated() {
            let requirement = record.languages.filter(\.isRequired)[index]
            let name = requirement.language.displayName()
            let minimum = requirement.minimumProficiency.map { " (\($0))" } ?? ""
            result.append((
                "speaks \(name)\(minimum)",
                { volunteer in (volunteer.proficiency(in: language.language)?.level ?? -1) >= language.minimum }
            ))
        }
        for skill in need.requiredSkills {
            result.append(("has \(skill.written)", { skill.match($0).strength > 0 }))
        }
        if need.dbs > .none {
            result.append(("holds \(need.dbs == .enhanced ? "an" : "a") \(need.dbs) DBS check", { $0.dbs >= need.dbs }))
        }
        if !need.slots.isEmpty {
            let when = SlotMask.describe(need.slots).replacingOccurrences(of: ", ", with: " or ")
            result.append(("is free \(when)", { !$0.slots.intersection(need.slots).isEmpty }))
        }
        return result
    }
}
