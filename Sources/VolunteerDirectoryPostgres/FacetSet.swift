import PostgresNIO

/// The volunteers one search filter admits ("speaks Urdu", "in SK4", "has first aid"), by id in
/// ascending order, with the part of the score each earns under a filter that ranks, in
/// hundredths of a point. Kept by ``PostgresSearchCache`` for one state of the directory, so that a
/// search intersects a few sorted arrays in memory instead of asking the database to join tens of
/// thousands of rows.
struct FacetSet: Sendable {
    /// The volunteers, ascending, each once.
    let ids: [Int64]
    /// Each volunteer's part of the score, beside `ids`; empty for a filter that only admits.
    let hundredths: [UInt16]

    /// The volunteers of `query`, whose rows are one id each, ascending and distinct.
    static func admitted(by query: PostgresQuery, on connection: PostgresConnection) throws -> FacetSet {
        FacetSet(ids: try connection.run(query).map { try $0.decode(Int64.self) }, hundredths: [])
    }

    /// The volunteers of `evidence` (in any order, a volunteer as often as they have evidence),
    /// each with the best of their parts of the score.
    static func best(of evidence: [(id: Int64, hundredths: UInt16)]) -> FacetSet {
        var ids: [Int64] = []
        var hundredths: [UInt16] = []
        ids.reserveCapacity(evidence.count)
        hundredths.reserveCapacity(evidence.count)
        for (id, part) in evidence.sorted(by: { $0.id < $1.id }) {
            if ids.last == id {
                hundredths[hundredths.count - 1] = max(hundredths[hundredths.count - 1], part)
            } else {
                ids.append(id)
                hundredths.append(part)
            }
        }
        return FacetSet(ids: ids, hundredths: hundredths)
    }

    /// The first position at or after `start` whose id is `id` or above (`ids.count` when there is
    /// none): a gallop, then a binary search, so that walking a large set in step with a small one
    /// costs a few probes per step, not a pass over the large one.
    func position(of id: Int64, from start: Int) -> Int {
        guard start < ids.count, ids[start] < id else { return start }
        var low = start
        var step = 1
        var high = start + step
        while high < ids.count, ids[high] < id {
            low = high
            step *= 2
            high = start + step
        }
        high = min(high, ids.count)
        // ids[low] < id, and ids[high] >= id or high is the end.
        while high - low > 1 {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle } else { high = middle }
        }
        return high
    }
}
