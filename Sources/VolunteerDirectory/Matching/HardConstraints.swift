/// The requirements a volunteer must meet to be a candidate for a need at all: every required
/// skill and language (at the minimum proficiency), the DBS level, and a slot in common when the
/// need has slots. Consent and capacity are checked by the ``Matcher``.
public enum HardConstraints {
    /// Whether `volunteer` meets every hard requirement of `need`.
    public static func allow(_ volunteer: MatchVolunteer, _ need: MatchNeed, in index: MatchIndex) -> Bool {
        allow(volunteer, need, in: index, knownToMeetSkill: nil)
    }

    /// Whether `volunteer` meets every hard requirement of `need`, the required skill at offset
    /// `known` (when given) taken as met: the matcher found the volunteer among those who meet it.
    static func allow(
        _ volunteer: MatchVolunteer, _ need: MatchNeed, in index: MatchIndex, knownToMeetSkill known: Int?
    ) -> Bool {
        guard volunteer.dbs >= need.dbs else { return false }
        if !need.slots.isEmpty, volunteer.slots.intersection(need.slots).isEmpty { return false }
        for language in need.requiredLanguages where !language.isMet(by: volunteer, in: index) { return false }
        for (offset, skill) in need.requiredSkills.enumerated()
        where offset != known && !skill.isMet(by: volunteer, in: index) {
            return false
        }
        return true
    }

    /// One hard requirement on its own, to count who meets it when explaining empty places.
    enum Requirement {
        case language(LanguageRequirementMatch)
        case skill(SkillRequirementMatch)
        case dbs(DBSLevel)
        case slots(SlotMask)

        func holds(_ volunteer: MatchVolunteer, in index: MatchIndex) -> Bool {
            switch self {
            case .language(let language): language.isMet(by: volunteer, in: index)
            case .skill(let skill): skill.isMet(by: volunteer, in: index)
            case .dbs(let level): volunteer.dbs >= level
            case .slots(let slots): !volunteer.slots.intersection(slots).isEmpty
            }
        }
    }

    /// Each hard requirement of a need, named for a coordinator.
    static func requirements(of need: MatchNeed, record: Need) -> [(name: String, requirement: Requirement)] {
        var result: [(String, Requirement)] = []
        let required = record.languages.filter(\.isRequired)
        for (index, language) in need.requiredLanguages.enumerated() {
            let name = required[index].language.displayName()
            let minimum = required[index].minimumProficiency.map { " (\($0))" } ?? ""
            result.append(("speaks \(name)\(minimum)", .language(language)))
        }
        for skill in need.requiredSkills {
            result.append(("has \(skill.written)", .skill(skill)))
        }
        if need.dbs > .none {
            result.append(("holds \(need.dbs == .enhanced ? "an" : "a") \(need.dbs) DBS check", .dbs(need.dbs)))
        }
        if !need.slots.isEmpty {
            let when = SlotMask.describe(need.slots).replacingOccurrences(of: ", ", with: " or ")
            result.append(("is free \(when)", .slots(need.slots)))
        }
        return result
    }
}
