/// How a search ranks the volunteers who pass its filters: the policy every store shares.
///
/// A store supplies evidence for each volunteer (how they hold a skill asked for, how they speak
/// a language asked for, how well the free text matched) and the core turns it into a score
/// here; results are ordered by the sum of their scores, then by name, then by id. Keeping the
/// formulas in the core means a second store (PostgreSQL) ranks exactly as SQLite does.
public enum SearchRanking {
    /// A skill held: how it meets the skill asked for first (exact, synonym, narrower, related),
    /// then the level stated. `writtenAsAsked` marks the very text asked for, the most exact of
    /// all.
    public static func skill(_ kind: SkillMatchKind, level: Int?, writtenAsAsked: Bool = false) -> Double {
        kind.weight * 10 + (writtenAsAsked ? 1 : 0) + Double(level ?? 0) * 0.1
    }

    /// Interpreting asked for, held by someone who interprets a language.
    public static func interpreter(_ kind: SkillMatchKind) -> Double {
        kind.weight * 10
    }

    /// A language spoken: its relation to the one asked for first (exact, narrower, related),
    /// then proficiency (unstated counts as basic), then interpreting.
    public static func language(_ relation: LanguageRelation, proficiency: Int?, interprets: Bool) -> Double {
        relation.weight * 10 + Double(proficiency ?? 1) + (interprets ? 0.5 : 0)
    }

    /// A free-text match, from the full-text index's BM25 rank (lower is better, as SQLite's
    /// `bm25()` and PostgreSQL's negated `ts_rank` give it).
    public static func text(bm25: Double) -> Double {
        -bm25
    }

    /// The best few of many candidates, by score, then name rank, then id: a bounded heap whose
    /// root is the worst kept, so each further candidate costs a comparison and, rarely, a sift.
    public struct Best: Sendable {
        /// One candidate: its id, its summed score, and where its name sorts among everyone's.
        public typealias Entry = (id: Int64, score: Double, rank: Int32)
        /// How many are kept.
        public let limit: Int
        private var heap: [Entry] = []

        /// Keeps the best `limit`; room is made for no more than the `candidates` there are, so
        /// a huge limit costs nothing.
        public init(limit: Int, candidates: Int) {
            self.limit = limit
            heap.reserveCapacity(max(0, min(limit, candidates)))
        }

        /// Whether `a` ranks above `b`: a higher score, then an earlier name, then a lower id.
        public static func above(_ a: Entry, _ b: Entry) -> Bool { (a.score, b.rank, b.id) > (b.score, a.rank, a.id) }

        /// Considers one candidate.
        public mutating func offer(id: Int64, score: Double, rank: Int32) {
            guard limit > 0 else { return }
            let entry = (id, score, rank)
            if heap.count < limit {
                heap.append(entry)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard Self.above(heap[parent], heap[child]) else { break }
                    heap.swapAt(parent, child)
                    child = parent
                }
            } else if let worst = heap.first, Self.above(entry, worst) {
                heap[0] = entry
                var parent = 0
                while true {
                    let left = 2 * parent + 1
                    let right = left + 1
                    var lowest = parent
                    if left < heap.count, Self.above(heap[lowest], heap[left]) { lowest = left }
                    if right < heap.count, Self.above(heap[lowest], heap[right]) { lowest = right }
                    guard lowest != parent else { break }
                    heap.swapAt(parent, lowest)
                    parent = lowest
                }
            }
        }

        /// The entries kept, best first.
        public var ranked: [Entry] { heap.sorted(by: Self.above) }
    }
}
