/// Rewards the level at which a volunteer holds the required skills, and the skill by its own
/// name or another name for it over a narrower one. Where a qualification was gained plays no part.
public struct SkillLevelCriterion: MatchCriterion {
    public static let key = "skill-level"
    public static let summary = "holds the required skills at a higher level"
    public static let defaultWeight = 1.0

    public init() {}

    public func value(of volunteer: MatchVolunteer, for need: MatchNeed, in index: MatchIndex) -> Double {
        guard !need.requiredSkills.isEmpty else { return 0 }
        var total = 0.0
        for skill in need.requiredSkills {
            let match = skill.match(volunteer, in: index)
            total +=
                (Double(match.level) / Double(SkillLevel.professional.rawValue)) * 0.75
                + (match.kind.map { $0 == .exact || $0 == .synonym } == true ? 0.25 : 0)
        }
        return total / Double(need.requiredSkills.count)
    }

    public func reason(for volunteer: MatchVolunteer, need: MatchNeed, in index: MatchIndex) -> String? {
        let levelled = need.requiredSkills.compactMap { skill -> String? in
            let match = skill.match(volunteer, in: index)
            guard let level = SkillLevel(rawValue: match.level) else { return nil }
            return "\(skill.written) at \(level) level"
        }
        return levelled.isEmpty ? nil : levelled.joined(separator: ", ")
    }
}
