import PostgresNIO
import VolunteerDirectory

/// The part of the score each kind of evidence a ranking filter reads earns, in hundredths of a
/// point, worked out in Swift by the core's ``SearchRanking`` before the search is sent and looked
/// up by the statement that reads the filter's facet: one entry for each key the filter reads (a skill's matching key, a
/// language's code) and each slot (a level, a proficiency and whether they interpret), so that the
/// database sends each volunteer's best part, once, without the policy being written in SQL.
struct EvidenceScores: CustomStringConvertible {
    /// The keys, in the order the table holds them.
    let keys: [String]
    /// How many slots each key has.
    let slots: Int
    /// `keys.count × slots` entries, key by key.
    private(set) var hundredths: [Int32]

    /// A table for `keys` with `slots` slots each, every entry the best of what `scores` gives for
    /// that key and slot (each score in points, rounded to hundredths as ``hundredths(of:)`` rounds
    /// it; none is 0).
    init(keys: [String], slots: Int, scores: (_ key: String, _ slot: Int) -> [Double]) {
        self.keys = keys
        self.slots = slots
        hundredths = keys.flatMap { key in
            (0..<slots).map { slot in scores(key, slot).map(Self.hundredths(of:)).max() ?? 0 }
        }
    }

    /// The keys and entries, naming the table exactly (a facet kept for it is kept under this).
    var description: String {
        "\(keys.joined(separator: ",")):\(slots):\(hundredths.map(String.init).joined(separator: ","))"
    }

    /// A score in hundredths of a point as every store keeps it (0 to 655.35 points), so that sums
    /// agree to the last digit.
    static func hundredths(of score: Double) -> Int32 {
        Int32(UInt16(clamping: Int((max(0, score) * 100).rounded())))
    }

    /// The SQL expression for the entry of the row whose key is `key` and whose slot (0 to
    /// `slots - 1`) is `slot`, both SQL expressions over the row; NULL for a key not held.
    func lookup(key: String, slot: String, in sql: inout SQLBuilder) -> String {
        let table = sql.placeholder(for: hundredths)
        let names = sql.placeholder(for: keys)
        return "(\(table)::int4[])[(array_position(\(names)::text[], \(key)) - 1) * \(slots) + (\(slot)) + 1]"
    }

    /// The SQL expression for the slot of a nullable whole-number column whose values run from 0 to
    /// `highest`: slot 0 when NULL, slot `n + 1` for `n` (a value beyond the range, which no
    /// store writes, counts as the nearest end). Not `COALESCE` over `GREATEST`: PostgreSQL's
    /// `GREATEST` and `LEAST` pass over NULLs, so NULL would come out as 0.
    static func slot(ofNullable column: String, highest: Int) -> String {
        "CASE WHEN \(column) IS NULL THEN 0 ELSE LEAST(GREATEST(\(column), 0), \(highest)) + 1 END"
    }

    /// The value of slot `slot` of a column read by ``slot(ofNullable:highest:)``.
    static func value(ofSlot slot: Int) -> Int? {
        slot == 0 ? nil : slot - 1
    }
}
