/// Rewards the skills a need would like but does not require.
public struct PreferredSkillsCriterion: MatchCriterion {
    public static let key = "preferred-skills"
    public static let summary = "has the skills the need prefers"
    public static let defaultWeight = 3.0

    public init() {}

    public func value(of volunteer: MatchVolunteer, for need: MatchNeed, in index: MatchIndex) -> Double {
        guard !need.preferredSkills.isEmpty else { return 0 }
        var held = 0
        for skill in need.preferredSkills where skill.match(volunteer).strength > 0 { held += 1 }
        return Double(held) / Double(need.preferredSkills.count)
    }

    public func reason(for volunteer: MatchVolunteer, need: MatchNeed, in index: MatchIndex) -> String? {
        let held = need.preferredSkills.filter { $0.match(volunteer).strength > 0 }.map(\.written)
        return held.isEmpty ? nil : "has \(held.joined(separator: ", ")) — preferred"
    }
}
