/// Rewards volunteers who can interpret a language the need wants.
public struct InterpretingCriterion: MatchCriterion {
    public static let key = "interpreting"
    public static let summary = "can interpret a language the need wants"
    public static let defaultWeight = 1.0

    public init() {}

    public func value(of volunteer: MatchVolunteer, for need: MatchNeed, in index: MatchIndex) -> Double {
        // Asked of millions of pairs: most volunteers interpret nothing, and no list is built.
        guard volunteer.interpretsAny else { return 0 }
        let interprets = { (language: LanguageRequirementMatch) in
            language.held(by: volunteer, in: index)?.interprets == true
        }
        return need.requiredLanguages.contains(where: interprets) || need.preferredLanguages.contains(where: interprets)
            ? 1 : 0
    }

    public func reason(for volunteer: MatchVolunteer, need: MatchNeed, in index: MatchIndex) -> String? {
        let languages = interpreted(volunteer, need, index).map { LanguageNames.name(index.vocabulary.name($0)) }
        return languages.isEmpty ? nil : "interprets \(languages.joined(separator: ", "))"
    }

    private func interpreted(_ volunteer: MatchVolunteer, _ need: MatchNeed, _ index: MatchIndex) -> [Int32] {
        (need.requiredLanguages + need.preferredLanguages).filter {
            $0.held(by: volunteer, in: index)?.interprets == true
        }.map(
            \.language)
    }
}
