/// Favours people who have not been placed yet: the partnership's point is to bring in skilled
/// people who go unused.
public struct FairnessCriterion: MatchCriterion {
    public static let key = "fairness"
    public static let summary = "has not been placed yet (or less often than others)"
    public static let defaultWeight = 2.0

    public init() {}

    public func value(of volunteer: MatchVolunteer, for need: MatchNeed, in index: MatchIndex) -> Double {
        1 / Double(1 + volunteer.placements)
    }

    public func reason(for volunteer: MatchVolunteer, need: MatchNeed, in index: MatchIndex) -> String? {
        volunteer.placements == 0 ? "not placed before" : nil
    }
}
