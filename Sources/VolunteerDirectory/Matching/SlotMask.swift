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
