/// Rewards the languages a need would like but does not require.
public struct PreferredLanguagesCriterion: MatchCriterion {
    public static let key = "preferred-languages"
    public static let summary = "speaks the languages the need prefers"
    public static let defaultWeight = 3.0

    public init() {}

    public func value(of volunteer: MatchVolunteer, for need: MatchNeed, in index: MatchIndex) -> Double {
        guard !need.preferredLanguages.isEmpty else { return 0 }
        var held = 0
        for language in need.preferredLanguages where language.isMet(by: volunteer, in: index) { held += 1 }
        return Double(held) / Double(need.preferredLanguages.count)
    }

    public func reason(for volunteer: MatchVolunteer, need: MatchNeed, in index: MatchIndex) -> String? {
        let held = need.preferredLanguages.filter { $0.isMet(by: volunteer, in: index) }
            .map { index.vocabulary.languageName($0.language) }
        return held.isEmpty ? nil : "speaks \(held.joined(separator: ", ")) — preferred"
    }

}
