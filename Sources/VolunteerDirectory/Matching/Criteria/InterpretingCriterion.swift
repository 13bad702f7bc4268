/// Rewards volunteers who can interpret a language the need wants.
public struct InterpretingCriterion: MatchCriterion {
    public static let key = "interpreting"
    public static let summary = "can interpret a language the need wants"
    public static let defaultWeight = 1.0

    public init() {}

    public func value(of volunteer: MatchVolunteer, for need: MatchNeed, in index: MatchIndex) -> Double {
        // Asked of millions of pairs: most volunteers interpret nothing, and no list is built.
        guard volunteer.interpretsAny else { return 0 }
        let wanted = { (language: LanguageRequirementMatch) in interprets(volunteer, language, index) }
        return need.requiredLanguages.contains(where: wanted) || need.preferredLanguages.contains(where: wanted) ? 1 : 0
    }

    public func reason(for volunteer: MatchVolunteer, need: MatchNeed, in index: MatchIndex) -> String? {
        let languages = (need.requiredLanguages + need.preferredLanguages).filter {
            interprets(volunteer, $0, index)
        }.map { index.vocabulary.languageName($0.language) }
        return languages.isEmpty ? nil : "interprets \(languages.joined(separator: ", "))"
    }

    /// Whether the volunteer interprets a language the need asks for.
    private func interprets(
        _ volunteer: MatchVolunteer, _ language: LanguageRequirementMatch, _ index: MatchIndex
    ) -> Bool {
        language.held(by: volunteer, in: index)?.interprets == true
    }
}
