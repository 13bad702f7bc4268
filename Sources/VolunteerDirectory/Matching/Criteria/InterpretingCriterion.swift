/// Rewards volunteers who can interpret a language the need wants.
public struct InterpretingCriterion: MatchCriterion {
    public static let key = "interpreting"
    public static let summary = "can interpret a language the need wants"
    public static let defaultWeight = 1.0

    public init() {}

    public func value(of volunteer: MatchVolunteer, for need: MatchNeed, in index: MatchIndex) -> Double {
        interpreted(volunteer, need).isEmpty ? 0 : 1
    }

    public func reason(for volunteer: MatchVolunteer, need: MatchNeed, in index: MatchIndex) -> String? {
        let languages = interpreted(volunteer, need).map { LanguageNames.name(index.vocabulary.name($0)) }
        return languages.isEmpty ? nil : "interprets \(languages.joined(separator: ", "))"
    }

    private func interpreted(_ volunteer: MatchVolunteer, _ need: MatchNeed) -> [Int32] {
        (need.requiredLanguages + need.preferredLanguages).filter { $0.held(by: volunteer)?.interprets == true }.map(
            \.language)
    }
}
