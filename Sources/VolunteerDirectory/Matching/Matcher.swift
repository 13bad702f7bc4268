import Dispatch

/// Pairs volunteers with needs: as many places filled as possible, and among those fillings the
/// highest total score, solved exactly as a minimum-cost flow. Pure and synchronous: the same
/// index and options give the same result, byte for byte.
public struct Matcher: Sendable {
    /// What to match and how.
    public struct Options: Sendable {
        /// How many needs one volunteer may take at once, counting confirmed placements.
        /// `voldir match` accepts ``maxPerVolunteerRange``; the matcher itself reads any value
        /// below 0 as 0 and any above `Int32.max` as `Int32.max`, so none can trap it.
        public var maxPerVolunteer: Int
        /// Above this many candidate pairs, the solver works on each need's best candidates and
        /// proves the rest cannot improve the result.
        public var pruneAbove: Int
        /// How many extra candidates beyond its places each need keeps when pruning.
        public var pruningSlack: Int

        /// The values of ``maxPerVolunteer`` a coordinator may ask for.
        public static let maxPerVolunteerRange: ClosedRange<Int> = 1...1_000

        /// Defaults: one need per volunteer; above 20,000 candidate pairs each need keeps its places plus 10.
        public init(maxPerVolunteer: Int = 1, pruneAbove: Int = 20_000, pruningSlack: Int = 10) {
            self.maxPerVolunteer = maxPerVolunteer
            self.pruneAbove = pruneAbove
            self.pruningSlack = pruningSlack
        }
    }

    /// The criteria and weights.
    public let criteria: MatchCriteria
    /// The options.
    public let options: Options

    /// Scores are compared as integers in thousandths, so the solver is exact.
    static let scale = 1_000.0

    /// The largest pair score (in thousandths, either sign) the solver takes. Weights within
    /// ``MatchCriteria/weightRange`` stay far below it; a criterion that returns more than 1, or
    /// a weighted sum that is not finite, is held at it (or 0), so sums along any path of the
    /// flow stay inside 64 bits and no conversion traps.
    static let scoreBound = 1e12

    /// A pair's score in integer thousandths, whatever the criteria returned.
    static func scaled(_ score: Double) -> Int64 {
        guard score.isFinite else { return 0 }
        return Int64(min(max((score * scale).rounded(), -scoreBound), scoreBound))
    }

    /// `options` defaults to one need per volunteer, with pruning above 20,000 candidate pairs.
    public init(criteria: MatchCriteria, options: Options = Options()) {
        self.criteria = criteria
        self.options = options
    }

    /// A candidate pair, by positions in the index.
    struct Pair {
        var need: Int32
        var volunteer: Int32
        var score: Int64
    }

    /// Matches the index's needs (all of them, or those at `needPositions`).
    public func match(_ index: MatchIndex, needPositions: [Int]? = nil) -> MatchResult {
        result(of: solved(index, needPositions: needPositions), in: index)
    }

    /// A matching solved, before it is put in words: which pairs the flow chose and which each
    /// need lists. What the result names is known from it, so ``MatchRun`` loads those people's
    /// records, and only theirs, before the words are written. The millions of candidate pairs
    /// considered are not kept: only how many each need had.
    struct Solved {
        /// The needs matched (positions in the index).
        var selected: [Int]
        /// How many candidates each selected need had.
        var candidateCounts: [Int]
        /// The pairs the flow chose.
        var assigned: [Pair]
        /// Each selected need's pairs the result lists: its best candidates kept, and those the
        /// duals added, best first.
        var listed: [[Pair]]
        var considered: Int
        var pruned: Bool
        var rounds: Int

        /// The volunteers (positions) the result names: every one assigned or listed.
        var named: Set<Int32> { Set(assigned.map(\.volunteer) + listed.joined().map(\.volunteer)) }
    }

    /// Finds and scores the candidate pairs of the needs at `needPositions` (all when `nil`) and
    /// solves for the best filling.
    func solved(_ index: MatchIndex, needPositions: [Int]?) -> Solved {
        let selected = needPositions ?? Array(index.needs.indices)
        let most = min(max(options.maxPerVolunteer, 0), Int(Int32.max))
        let capacity = index.volunteers.map { max(0, most - min(max($0.placements, 0), most)) }

        // Candidates: every pair that meets the hard requirements, best first within each need.
        // Needs are independent, so they are scored in parallel; each writes only its own slot.
        var candidates = [[Pair]](repeating: [], count: selected.count)
        candidates.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: selected.count) { offset in
                output[offset] = candidatePairs(for: selected[offset], in: index, capacity: capacity)
            }
        }
        let considered = candidates.reduce(0) { $0 + $1.count }
        let prune = considered > options.pruneAbove

        // Solve on each need's best candidates; add any pair that could improve the result, and
        // solve again, until the duals prove no dropped pair can.
        let slack = max(0, options.pruningSlack)
        let kept = candidates.enumerated().map { offset, pairs in
            // A need's places beyond its candidates can never be filled: never count past them.
            let wanted = min(index.needs[selected[offset]].places, pairs.count)
            return prune ? wanted + min(slack, pairs.count - wanted) : pairs.count
        }
        var extra: [[Pair]] = Array(repeating: [], count: selected.count)
        var solution: Solution
        var rounds = 0
        while true {
            rounds += 1
            solution = solve(
                index, selected: selected, candidates: candidates, kept: kept, extra: extra, capacity: capacity)
            guard prune else { break }
            let violations = dualViolations(
                solution, candidates: candidates, kept: kept, extra: extra, capacity: capacity)
            if violations.isEmpty { break }
            for (need, pair) in violations { extra[need].append(pair) }
        }

        let listed = candidates.indices.map { offset in
            (Array(candidates[offset].prefix(kept[offset])) + extra[offset]).sorted {
                $0.score != $1.score ? $0.score > $1.score : $0.volunteer < $1.volunteer
            }
        }
        return Solved(
            selected: selected, candidateCounts: candidates.map(\.count),
            assigned: solution.pairEdges.filter { solution.flow.flow(on: $0.edge) > 0 }.map(\.pair), listed: listed,
            considered: considered, pruned: prune, rounds: rounds)
    }

    /// Every volunteer who meets the need's hard requirements and has room, scored, best first.
    private func candidatePairs(for position: Int, in index: MatchIndex, capacity: [Int]) -> [Pair] {
        let need = index.needs[position]
        guard need.places > 0 else { return [] }
        var pairs: [Pair] = []
        let shortlist = index.shortlist(for: need)
        index.volunteers.withUnsafeBufferPointer { volunteers in
            func consider(_ volunteer: Int32) {
                let candidate = volunteers[Int(volunteer)]
                guard capacity[Int(volunteer)] > 0,
                    HardConstraints.allow(candidate, need, in: index, knownToMeetSkill: shortlist?.skill)
                else { return }
                let score = Self.scaled(criteria.score(candidate, need, in: index))
                pairs.append(Pair(need: Int32(position), volunteer: volunteer, score: score))
            }
            if let shortlist {
                for volunteer in shortlist.volunteers { consider(volunteer) }
            } else {
                for volunteer in 0..<Int32(volunteers.count) { consider(volunteer) }
            }
        }
        pairs.sort { $0.score != $1.score ? $0.score > $1.score : $0.volunteer < $1.volunteer }
        return pairs
    }

    // MARK: - Solving

    struct Solution {
        var flow: MinCostFlow
        var pairEdges: [(pair: Pair, edge: Int)]
        var needNode: [Int32: Int]
        /// The graph node of each volunteer (by position in the index), or -1 when not in the graph.
        var volunteerNode: [Int32]
        var needPlaces: [Int32: Int]
        var source: Int
        var sink: Int

        func places(of need: Int32) -> Int { needPlaces[need] ?? 0 }
    }

    private func solve(
        _ index: MatchIndex, selected: [Int], candidates: [[Pair]], kept: [Int], extra: [[Pair]], capacity: [Int]
    ) -> Solution {
        var volunteerNode = [Int32](repeating: -1, count: index.volunteers.count)
        var needNode: [Int32: Int] = [:]
        var volunteersInOrder: [Int32] = []
        for (offset, pairs) in candidates.enumerated() {
            for pair in pairs.prefix(kept[offset]) + extra[offset] where volunteerNode[Int(pair.volunteer)] == -1 {
                volunteerNode[Int(pair.volunteer)] = -2
                volunteersInOrder.append(pair.volunteer)
            }
        }
        volunteersInOrder.sort()
        let source = 0
        let sink = 1
        var nodes = 2
        for position in selected {
            needNode[Int32(position)] = nodes
            nodes += 1
        }
        for volunteer in volunteersInOrder {
            volunteerNode[Int(volunteer)] = Int32(nodes)
            nodes += 1
        }
        var flow = MinCostFlow(nodes: nodes)
        var potential = [Int64](repeating: 0, count: nodes)
        for (offset, position) in selected.enumerated() {
            // No more places than the need has candidates: a need asking for billions (a bad
            // roster) costs nothing more than one asking for all of them.
            let places = min(index.needs[position].places, candidates[offset].count)
            flow.addEdge(from: source, to: needNode[Int32(position)] ?? 0, capacity: places, cost: 0)
        }
        var pairEdges: [(Pair, Int)] = []
        for (offset, pairs) in candidates.enumerated() {
            for pair in pairs.prefix(kept[offset]) + extra[offset] {
                let from = needNode[pair.need] ?? 0
                let to = Int(volunteerNode[Int(pair.volunteer)])
                pairEdges.append((pair, flow.addEdge(from: from, to: to, capacity: 1, cost: -pair.score)))
                potential[to] = min(potential[to], -pair.score)
            }
        }
        var sinkPotential: Int64 = 0
        for volunteer in volunteersInOrder {
            let node = Int(volunteerNode[Int(volunteer)])
            flow.addEdge(from: node, to: sink, capacity: capacity[Int(volunteer)], cost: 0)
            sinkPotential = min(sinkPotential, potential[node])
        }
        potential[sink] = sinkPotential
        _ = flow.solve(source: source, sink: sink, initialPotential: potential)
        var needPlaces: [Int32: Int] = [:]
        for position in selected { needPlaces[Int32(position)] = index.needs[position].places }
        return Solution(
            flow: flow, pairEdges: pairEdges, needNode: needNode, volunteerNode: volunteerNode, needPlaces: needPlaces,
            source: source,
            sink: sink)
    }

    /// Dropped pairs that could improve the solution. The solution is optimal over every
    /// candidate pair when (a) no dropped pair opens an augmenting path (a way to fill one more
    /// place) and (b) no dropped pair has a negative reduced cost under the final potentials (so
    /// no exchange of volunteers raises the total). Returns the pairs that break either.
    private func dualViolations(
        _ solution: Solution, candidates: [[Pair]], kept: [Int], extra: [[Pair]], capacity: [Int]
    )
        -> [(Int, Pair)]
    {
        var violations: [(Int, Pair)] = []
        var load: [Int32: Int] = [:]
        var assignedTo: [Int32: [Int]] = [:]  // volunteer → offsets of the needs they are assigned to
        var filled: [Int] = Array(repeating: 0, count: candidates.count)
        var offsetOfNeed: [Int32: Int] = [:]
        for (offset, pairs) in candidates.enumerated() {
            if let need = pairs.first?.need { offsetOfNeed[need] = offset }
        }
        var assignedPairs = Set<Int64>()
        for (pair, edge) in solution.pairEdges where solution.flow.flow(on: edge) > 0 {
            load[pair.volunteer, default: 0] += 1
            if let offset = offsetOfNeed[pair.need] {
                assignedTo[pair.volunteer, default: []].append(offset)
                filled[offset] += 1
            }
            assignedPairs.insert(Int64(pair.need) << 32 | Int64(pair.volunteer))
        }
        func isDropped(_ offset: Int, _ pair: Pair, at position: Int) -> Bool {
            position >= kept[offset] && !extra[offset].contains { $0.volunteer == pair.volunteer }
        }

        // (b) Exchanges: negative reduced cost. A volunteer outside the graph is free, so their
        // edge leads straight to the sink.
        for (offset, pairs) in candidates.enumerated() where pairs.count > kept[offset] {
            for position in kept[offset]..<pairs.count {
                let pair = pairs[position]
                guard isDropped(offset, pair, at: position), let from = solution.needNode[pair.need] else { continue }
                let node = Int(solution.volunteerNode[Int(pair.volunteer)])
                let to = node >= 0 ? node : solution.sink
                if solution.flow.reducedCost(from: from, to: to, cost: -pair.score) < 0 {
                    violations.append((offset, pair))
                }
            }
        }

        // (a) One more place: alternating paths from needs with empty places, over every candidate pair.
        var queue: [Int] = []
        var seenNeed = [Bool](repeating: false, count: candidates.count)
        var seenVolunteer = Set<Int32>()
        var cameFrom: [Int: (volunteer: Int32, need: Int)] = [:]  // need offset → (volunteer, previous need offset)
        for (offset, pairs) in candidates.enumerated() {
            guard let need = pairs.first?.need else { continue }
            if filled[offset] < solution.places(of: need) {
                queue.append(offset)
                seenNeed[offset] = true
            }
        }
        var head = 0
        while head < queue.count {
            let offset = queue[head]
            head += 1
            for (position, pair) in candidates[offset].enumerated() {
                guard !assignedPairs.contains(Int64(pair.need) << 32 | Int64(pair.volunteer)),
                    !seenVolunteer.contains(pair.volunteer)
                else {
                    continue
                }
                seenVolunteer.insert(pair.volunteer)
                if (load[pair.volunteer] ?? 0) < capacity[Int(pair.volunteer)] {
                    // An augmenting path: record the dropped pairs on it.
                    var volunteer = pair.volunteer
                    var current = offset
                    var currentPosition: Int? = position
                    while true {
                        if let index = currentPosition
                            ?? candidates[current].firstIndex(where: { $0.volunteer == volunteer })
                        {
                            let step = candidates[current][index]
                            if isDropped(current, step, at: index) { violations.append((current, step)) }
                        }
                        guard let back = cameFrom[current] else { break }
                        volunteer = back.volunteer
                        current = back.need
                        currentPosition = nil
                    }
                    continue
                }
                for next in assignedTo[pair.volunteer] ?? [] where !seenNeed[next] {
                    seenNeed[next] = true
                    cameFrom[next] = (pair.volunteer, offset)
                    queue.append(next)
                }
            }
        }
        // Keep each pair once, in a stable order.
        var unique = Set<Int64>()
        return violations.filter { unique.insert(Int64($0.1.need) << 32 | Int64($0.1.volunteer)).inserted }
    }

    // MARK: - Result

    /// The result of a solved matching, in words. The index must hold the records of the
    /// volunteers assigned (``Solved/named``): their requirements met are said from them.
    func result(of solved: Solved, in index: MatchIndex) -> MatchResult {
        let selected = solved.selected
        var assignments: [MatchResult.Assignment] = []
        var assignedPlaces = [Int32: Int]()
        var total: Int64 = 0
        for pair in solved.assigned {
            let need = index.needs[Int(pair.need)]
            let volunteer = index.volunteers[Int(pair.volunteer)]
            assignedPlaces[pair.need, default: 0] += 1
            total += pair.score
            let reasons =
                (index.record(at: Int(pair.volunteer)).map {
                    RequirementReasons.met(
                        by: volunteer, record: $0, for: need, record: index.needRecords[Int(pair.need)], in: index)
                } ?? []) + criteria.reasons(volunteer, need, in: index)
            assignments.append(
                MatchResult.Assignment(
                    need: need.id, volunteer: volunteer.id, score: Double(pair.score) / Self.scale, reasons: reasons))
        }
        assignments.sort { ($0.need, -$0.score, $0.volunteer) < ($1.need, -$1.score, $1.volunteer) }

        var listed: [MatchResult.Candidate] = []
        for pairs in solved.listed {
            listed += pairs.map {
                MatchResult.Candidate(
                    need: index.needs[Int($0.need)].id, volunteer: index.volunteers[Int($0.volunteer)].id,
                    score: Double($0.score) / Self.scale)
            }
        }

        var explainer = UnfilledExplainer(index: index)
        var unfilled: [MatchResult.Unfilled] = []
        for (offset, position) in selected.enumerated() {
            let need = index.needs[position]
            let empty = need.places - (assignedPlaces[Int32(position)] ?? 0)
            guard empty > 0 else { continue }
            unfilled.append(
                MatchResult.Unfilled(
                    need: need.id, places: empty,
                    reasons: explainer.reasons(
                        need: position, candidates: solved.candidateCounts[offset],
                        assigned: assignedPlaces[Int32(position)] ?? 0)))
        }

        let pruning =
            solved.pruned
            ? MatchResult.Pruning(
                candidatesConsidered: solved.considered, candidatesListed: listed.count, rounds: solved.rounds,
                method:
                    "each need's best \(options.pruningSlack) candidates beyond its places, plus every pair the solution's dual prices showed could improve it; every other candidate pair was checked against those prices (reduced cost ≥ 0) and for a further place it could fill, so the listed pairs hold an optimal matching of all \(solved.considered)"
            )
            : nil
        return MatchResult(
            assignments: assignments, candidates: listed, unfilled: unfilled, totalScore: Double(total) / Self.scale,
            pruning: pruning)
    }
}
