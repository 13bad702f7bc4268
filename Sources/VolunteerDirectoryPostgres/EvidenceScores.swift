import VolunteerDirectory

/// The part of the score each kind of evidence a ranking filter reads earns, in hundredths of a
/// point, worked out once per search by the core's ``SearchRanking``: one entry for each key the
/// filter reads (a skill's matching key, a language's code) and each slot (a level, a proficiency
/// and whether they interpret), so that reading a facet's rows costs a look-up per row.
struct EvidenceScores: CustomStringConvertible {
    /// The keys, in the order the table holds them.
    let keys: [String]
    /// How many slots each key has.
    let slots: Int
    /// `keys.count × slots` entries, key by key.
    private let hundredths: [UInt16]
    /// Where each key's entries start.
    private let starts: [String: Int]

    /// A table for `keys` with `slots` slots each, every entry the best of what `scores` gives for
    /// that key and slot (each score in points, rounded to hundredths as ``hundredths(of:)`` rounds
    /// it; none is 0).
    init(keys: [String], slots: Int, scores: (_ key: String, _ slot: Int) -> [Double]) {
        self.keys = keys
        self.slots = slots
        hundredths = keys.flatMap { key in
            (0..<slots).map { slot in scores(key, slot).map(Self.hundredths(of:)).max() ?? 0 }
        }
        starts = Dictionary(keys.enumerated().map { ($0.element, $0.offset * slots) }, uniquingKeysWith: min)
    }

    /// The keys and entries, naming the table exactly (a facet kept for it is kept under this).
    var description: String {
        "\(keys.joined(separator: ",")):\(slots):\(hundredths.map(String.init).joined(separator: ","))"
    }

    /// The entry for `key` and `slot` (0 to `slots - 1`); `nil` for a key not in the table.
    func hundredths(key: String, slot: Int) -> UInt16? {
        starts[key].map { hundredths[$0 + min(max(slot, 0), slots - 1)] }
    }

    /// A score in hundredths of a point as every store keeps it (0 to 655.35 points), so that sums
    /// agree to the last digit.
    static func hundredths(of score: Double) -> UInt16 {
        UInt16(clamping: Int((max(0, score) * 100).rounded()))
    }

    /// The slot of a stored whole number from 0 to `highest`, or none: slot 0 when `nil`, slot
    /// `n + 1` for `n` (a value beyond the range, which no store writes, counts as the nearest end).
    static func slot(of value: Int?, highest: Int) -> Int {
        value.map { min(max($0, 0), highest) + 1 } ?? 0
    }

    /// The value of slot `slot` of a column read by ``slot(of:highest:)``.
    static func value(ofSlot slot: Int) -> Int? {
        slot == 0 ? nil : slot - 1
    }
}
