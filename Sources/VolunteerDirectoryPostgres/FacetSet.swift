import PostgresNIO

/// The volunteers one search filter admits ("speaks Urdu", "in SK4", "has first aid"), as a bit
/// set by id, with the part of the score each earns under a filter that ranks, in hundredths of a
/// point, dense by id (two bytes a volunteer), as the SQLite store keeps its facets. Kept by
/// ``PostgresSearchCache`` for one state of the directory, so that a search intersects a few bit
/// sets in memory instead of asking the database to join tens of thousands of rows.
struct FacetSet: Sendable {
    /// Bit `id % 64` of word `id / 64` is set for each volunteer admitted.
    private(set) var words: [UInt64]
    /// Each volunteer's part of the score, by id; empty for a filter that only admits.
    private(set) var hundredths: [UInt16]

    /// An empty set for ids up to `capacity` (the highest volunteer id), scored or not.
    init(capacity: Int64, scored: Bool) {
        let size = Int(max(0, capacity)) + 1
        words = [UInt64](repeating: 0, count: (size + 63) / 64)
        hundredths = scored ? [UInt16](repeating: 0, count: size) : []
    }

    /// Whether `id` is in the set.
    func contains(_ id: Int64) -> Bool {
        id >= 0 && Int(id / 64) < words.count && words[Int(id / 64)] & (1 << UInt64(id % 64)) != 0
    }

    /// Admits `id` (an id beyond the capacity, which the snapshot the set was read in does not
    /// hold, is left out).
    mutating func insert(_ id: Int64) {
        guard id >= 0, Int(id / 64) < words.count else { return }
        words[Int(id / 64)] |= 1 << UInt64(id % 64)
    }

    /// Admits `id` with the better of `part` and the part it has.
    mutating func insert(_ id: Int64, part: UInt16) {
        guard id >= 0, Int(id) < hundredths.count else { return }
        let had = contains(id) ? hundredths[Int(id)] : 0
        insert(id)
        hundredths[Int(id)] = max(had, part)
    }

    /// `id`'s part of the score in points (0 for a set that only admits).
    func score(of id: Int64) -> Double {
        Int(id) < hundredths.count ? Double(hundredths[Int(id)]) / 100 : 0
    }

    /// The volunteers of `query`, whose one row is an array of ids (`SELECT ARRAY(…)`: one value,
    /// not a row per volunteer, which at a million volunteers cost seconds to receive).
    static func admitted(by query: PostgresQuery, capacity: Int64, on connection: PostgresConnection) throws
        -> FacetSet
    {
        var set = FacetSet(capacity: capacity, scored: false)
        for id in try connection.run(query).firstRow({ cells in try cells.numbers() }) ?? [] { set.insert(id) }
        return set
    }

    /// The ids in every one of `sets`, ascending.
    static func intersection(of sets: [FacetSet]) -> [Int64] {
        guard var words = sets.first?.words else { return [] }
        for set in sets.dropFirst() {
            for index in words.indices { words[index] &= index < set.words.count ? set.words[index] : 0 }
        }
        var ids: [Int64] = []
        for (index, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                ids.append(Int64(index * 64 + bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
        return ids
    }
}
