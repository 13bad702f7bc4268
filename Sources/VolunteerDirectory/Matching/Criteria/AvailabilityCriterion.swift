/// Rewards volunteers free for more of the times a need asks for.
public struct AvailabilityCriterion: MatchCriterion {
    public static let key = "availability"
    public static let summary = "is free for more of the times the need asks for"
    public static let defaultWeight = 1.0

    public init() {}

    public func value(of volunteer: MatchVolunteer, for need: MatchNeed, in index: MatchIndex) -> Double {
        guard !need.slots.isEmpty else { return 0 }
        return Double(volunteer.slots.intersection(need.slots).count) / Double(need.slots.count)
    }

    public func reason(for volunteer: MatchVolunteer, need: MatchNeed, in index: MatchIndex) -> String? {
        guard !need.slots.isEmpty else { return nil }
        let common = volunteer.slots.intersection(need.slots)
        guard !common.isEmpty else { return nil }
        return "available \(SlotMask.describe(common))"
    }
}
