/// Rewards volunteers who live near the work: the same postcode district or ward.
///
/// The directory holds no coordinates yet, so distance is not measured; when it does, this is the
/// criterion to teach.
public struct NearnessCriterion: MatchCriterion {
    public static let key = "nearness"
    public static let summary = "lives in the same postcode district or ward as the work"
    public static let defaultWeight = 2.0

    public init() {}

    public func value(of volunteer: MatchVolunteer, for need: MatchNeed, in index: MatchIndex) -> Double {
        if need.district >= 0, volunteer.district == need.district { return 1 }
        if need.area >= 0, volunteer.area == need.area { return 1 }
        return 0
    }

    public func reason(for volunteer: MatchVolunteer, need: MatchNeed, in index: MatchIndex) -> String? {
        if need.district >= 0, volunteer.district == need.district,
            case .district(let district)? = index.vocabulary.term(need.district)
        {
            return "lives in \(district)"
        }
        if need.area >= 0, volunteer.area == need.area {
            return "lives in the same ward"
        }
        return nil
    }
}
