/// Rewards the skills a need would like but does not require.
public struct PreferredSkillsCriterion: MatchCriterion {
    public static let key = "preferred-skills"
    public static let summary = "has the skills the need prefers"
    public static let defaultWeight = 3.0

    public init() {}

    public func value(of volunteer: MatchVolunteer, for need: MatchNeed, in index: MatchIndex) -> Double {
        guard !need.preferredSkills.isEmpty else { return 0 }
        // Each preferred skill counts by how it is held: fully when exact, a quarter when related.
        var held = 0.0
        for skill in need.preferredSkills {
            held += (skill.match(volunteer, in: index).kind?.weight ?? 0) / SkillMatchKind.exact.weight
        }
        return held / Double(need.preferredSkills.count)
    }

    public func reason(for volunteer: MatchVolunteer, need: MatchNeed, in index: MatchIndex) -> String? {
        let held = need.preferredSkills.compactMap { skill in
            skill.match(volunteer, in: index).kind.map { $0 == .exact ? skill.written : "\(skill.written) (\($0))" }
        }
        return held.isEmpty ? nil : "has \(held.joined(separator: ", ")) — preferred"
    }
}
