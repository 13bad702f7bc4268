/// Slots as a bit mask, seven days by three parts of the day, so overlap is one `&`.
public struct SlotMask: Sendable, Hashable {
    /// Bit `day * 3 + part` is set when that day and part is covered.
    public let bits: UInt32

    /// Every slot of the week.
    public static let always = SlotMask(bits: (1 << 21) - 1)

    /// The mask of a list of slots (`any` day or part covers all of them).
    public init(_ slots: [Slot]) {
        var bits: UInt32 = 0
        for slot in slots {
            let days = slot.day == .any ? Array(0..<7) : [Day.week.firstIndex(of: slot.day) ?? 0]
            let parts: [Int] =
                switch slot.part {
                case .morning: [0]
                case .afternoon: [1]
                case .evening: [2]
                case .any: [0, 1, 2]
                }
            for day in days { for part in parts { bits |= 1 << UInt32(day * 3 + part) } }
        }
        self.bits = bits
    }

    init(bits: UInt32) {
        self.bits = bits
    }

    /// Whether no slot is covered.
    public var isEmpty: Bool { bits == 0 }
    /// How many day-parts are covered.
    public var count: Int { bits.nonzeroBitCount }
    /// The day-parts both cover.
    public func intersection(_ other: SlotMask) -> SlotMask { SlotMask(bits: bits & other.bits) }
}

extension SlotMask {
    /// Words for the day-parts covered: "Wednesday afternoons", "weekday mornings", "Saturdays",
    /// "any time".
    public static func describe(_ mask: SlotMask) -> String {
        let partNames = ["mornings", "afternoons", "evenings"]
        let partsOfDay = (0..<7).map { day in (0..<3).filter { mask.bits & (1 << UInt32(day * 3 + $0)) != 0 } }
        if partsOfDay.allSatisfy({ $0.count == 3 }) { return "any time" }
        func phrase(_ days: String, _ parts: [Int]) -> String {
            parts.count == 3 ? days : "\(days) " + parts.map { partNames[$0] }.joined(separator: " and ")
        }
        var phrases: [String] = []
        var remaining = Array(0..<7)
        if partsOfDay[0..<5].allSatisfy({ $0 == partsOfDay[0] && !$0.isEmpty }) && partsOfDay[5] != partsOfDay[0] {
            phrases.append(phrase(partsOfDay[0].count == 3 ? "weekdays" : "weekday", partsOfDay[0]))
            remaining = [5, 6]
        } else if partsOfDay.allSatisfy({ $0 == partsOfDay[0] }) {
            return phrase("every day,", partsOfDay[0]).replacingOccurrences(of: "every day, ", with: "")
        }
        if remaining == [5, 6] || remaining.count == 7, partsOfDay[5] == partsOfDay[6], !partsOfDay[5].isEmpty {
            phrases.append(phrase(partsOfDay[5].count == 3 ? "weekends" : "weekend", partsOfDay[5]))
            remaining.removeAll { $0 >= 5 }
        }
        for day in remaining where !partsOfDay[day].isEmpty {
            phrases.append(
                phrase(
                    partsOfDay[day].count == 3 ? "\(Day.week[day].fullName)s" : Day.week[day].fullName, partsOfDay[day])
            )
        }
        return phrases.joined(separator: ", ")
    }
}
