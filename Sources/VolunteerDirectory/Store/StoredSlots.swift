/// Availability as stored: one bit per day (or any day) and part of the day (or any part),
/// bit `day * 4 + part` with ``Day`` and ``PartOfDay`` in declaration order. Unlike
/// ``SlotMask``, which spreads `any` over the week for matching, this keeps `any` as written, so
/// what is read back is what was imported. Every store keeps availability this way.
public enum StoredSlots {
    /// The bits of these slots.
    public static func bits(of slots: [Slot]) -> Int64 {
        slots.reduce(0) { $0 | bit($1) }
    }

    /// The slots these bits hold, in order.
    public static func slots(in bits: Int64) -> [Slot] {
        var slots: [Slot] = []
        for (dayIndex, day) in Day.allCases.enumerated() {
            for (partIndex, part) in PartOfDay.allCases.enumerated() where bits & (1 << (dayIndex * 4 + partIndex)) != 0
            {
                slots.append(Slot(day: day, part: part))
            }
        }
        return slots
    }

    /// The bits of every stored slot in which someone can help with `asked` (an `any` on either
    /// side matches everything on that side).
    public static func bits(overlapping asked: Slot) -> Int64 {
        var bits: Int64 = 0
        for day in Day.allCases {
            for part in PartOfDay.allCases where Slot(day: day, part: part).overlaps(asked) {
                bits |= bit(Slot(day: day, part: part))
            }
        }
        return bits
    }

    private static func bit(_ slot: Slot) -> Int64 {
        let day = Day.allCases.firstIndex(of: slot.day) ?? 0
        let part = PartOfDay.allCases.firstIndex(of: slot.part) ?? 0
        return 1 << (day * 4 + part)
    }
}
