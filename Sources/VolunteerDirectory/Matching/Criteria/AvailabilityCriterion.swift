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

extension SlotMask {
    /// Words for the day-parts covered: "Wednesday afternoons", "Saturdays".
    static func describe(_ mask: SlotMask) -> String {
        let parts = ["mornings", "afternoons", "evenings"]
        var phrases: [String] = []
        for (dayIndex, day) in Day.week.enumerated() {
            let covered = (0..<3).filter { mask.bits & (1 << UInt32(dayIndex * 3 + $0)) != 0 }
            if covered.count == 3 {
                phrases.append("\(day.fullName)s")
            } else if !covered.isEmpty {
                phrases.append("\(day.fullName) " + covered.map { parts[$0] }.joined(separator: " and "))
            }
        }
        return phrases.count == 7 && mask.count == 21 ? "any time" : phrases.joined(separator: ", ")
    }
}
