/// Rewards proficiency above the minimum a need requires.
public struct ProficiencyCriterion: MatchCriterion {
    public static let key = "proficiency"
    public static let summary = "speaks the required languages better than the minimum"
    public static let defaultWeight = 1.0

    public init() {}

    public func value(of volunteer: MatchVolunteer, for need: MatchNeed, in index: MatchIndex) -> Double {
        guard !need.requiredLanguages.isEmpty else { return 0 }
        var total = 0.0
        for language in need.requiredLanguages {
            let held = language.held(by: volunteer, in: index)?.level ?? 0
            let room = Proficiency.native.rawValue - language.minimum
            total += room > 0 ? Double(max(0, held - language.minimum)) / Double(room) : 0
        }
        return total / Double(need.requiredLanguages.count)
    }

    public func reason(for volunteer: MatchVolunteer, need: MatchNeed, in index: MatchIndex) -> String? {
        let above = need.requiredLanguages.compactMap { language -> String? in
            guard let held = language.held(by: volunteer, in: index), held.level > language.minimum,
                let level = Proficiency(rawValue: held.level)
            else { return nil }
            return "\(index.vocabulary.languageName(language.language)) (\(level))"
        }
        return above.isEmpty ? nil : "speaks \(above.joined(separator: ", ")), above the minimum"
    }
}
