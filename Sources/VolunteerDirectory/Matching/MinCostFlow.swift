/// Minimum-cost maximum flow by successive shortest paths with Dijkstra on reduced costs
/// (Johnson potentials), stopping each search as soon as the sink is settled.
///
/// Exact for integer costs; deterministic for the same graph built in the same order. Used on the
/// bipartite graph source → needs (capacity: places) → volunteers (capacity 1 per pair) → sink
/// (capacity: how many needs a volunteer may take), with cost = −score, so the flow fills as many
/// places as possible and, among those fillings, maximises the total score.
struct MinCostFlow {
    private(set) var nodeCount: Int
    private var head: [Int32]
    private var tail: [Int32]
    private var next: [Int32] = []
    private var to: [Int32] = []
    private var capacity: [Int32] = []
    private var cost: [Int64] = []
    /// Node potentials after ``solve(source:sink:)``: reduced costs of residual edges are ≥ 0.
    private(set) var potential: [Int64]

    init(nodes: Int) {
        nodeCount = nodes
        head = [Int32](repeating: -1, count: nodes)
        tail = [Int32](repeating: -1, count: nodes)
        potential = [Int64](repeating: 0, count: nodes)
    }

    /// Adds an edge and its reverse; returns the edge's index. Each node's edges are visited in
    /// the order they were added, so callers decide how ties are broken. A capacity outside
    /// `0...Int32.max` is held at the nearer end.
    @discardableResult
    mutating func addEdge(from: Int, to target: Int, capacity cap: Int, cost edgeCost: Int64) -> Int {
        let index = to.count
        append(Int32(index), at: from, to: target, capacity: Int32(clamping: max(cap, 0)), cost: edgeCost)
        append(Int32(index + 1), at: target, to: from, capacity: 0, cost: -edgeCost)
        return index
    }

    private mutating func append(_ edge: Int32, at node: Int, to target: Int, capacity cap: Int32, cost edgeCost: Int64)
    {
        to.append(Int32(target))
        capacity.append(cap)
        cost.append(edgeCost)
        next.append(-1)
        if tail[node] >= 0 { next[Int(tail[node])] = edge } else { head[node] = edge }
        tail[node] = edge
    }

    /// The flow on an edge added by ``addEdge(from:to:capacity:cost:)``.
    func flow(on edge: Int) -> Int { Int(capacity[edge ^ 1]) }

    /// The reduced cost of a would-be edge under the final potentials.
    func reducedCost(from: Int, to target: Int, cost edgeCost: Int64) -> Int64 {
        edgeCost + potential[from] - potential[target]
    }

    /// Pushes as much flow as possible from `source` to `sink` at the least cost, and leaves
    /// potentials under which every residual edge has a non-negative reduced cost.
    ///
    /// - Parameter initialPotential: potentials under which every edge with capacity has a
    ///   non-negative reduced cost (the caller knows them for its layered graph).
    mutating func solve(source: Int, sink: Int, initialPotential: [Int64]) -> (flow: Int, cost: Int64) {
        potential = initialPotential
        var totalFlow = 0
        var totalCost: Int64 = 0
        while true {
            let (distance, settledOrder) = shortestPaths(from: source, stoppingAt: sink)
            let sinkDistance = distance[sink]
            guard sinkDistance != .max else { break }
            for node in settledOrder {
                potential[Int(node)] -= sinkDistance - distance[Int(node)]
            }
            // Push along every shortest path at once: a blocking flow on the edges whose reduced
            // cost is now zero (Dinic's levels keep the search from looping on zero-cost cycles).
            while let levels = admissibleLevels(source: source, sink: sink) {
                var arc = head
                while true {
                    let (pushed, pathCost) = augment(
                        from: source, to: sink, limit: Int32.max, levels: levels, arc: &arc)
                    if pushed == 0 { break }
                    totalFlow += Int(pushed)
                    totalCost += pathCost
                }
            }
        }
        // Exact distances in the final residual graph make every residual edge's reduced cost
        // non-negative (nodes it cannot reach get the largest distance found): the certificate
        // that the flow is cheapest, which the caller checks dropped edges against.
        let (distance, _) = shortestPaths(from: source, stoppingAt: nil)
        let largest = distance.filter { $0 != .max }.max() ?? 0
        for node in 0..<nodeCount {
            potential[node] += distance[node] == .max ? largest : distance[node]
        }
        return (totalFlow, totalCost)
    }

    /// Dijkstra on reduced costs over edges with capacity left: distances (`.max` when
    /// unreachable) and the nodes in the order they were settled, stopping at `sink` if given.
    private func shortestPaths(from source: Int, stoppingAt sink: Int?) -> (distance: [Int64], settled: [Int32]) {
        var distance = [Int64](repeating: .max, count: nodeCount)
        var done = [Bool](repeating: false, count: nodeCount)
        var order: [Int32] = []
        var heap = MinHeap()
        distance[source] = 0
        heap.push(0, Int32(source))
        while let (d, node32) = heap.pop() {
            let node = Int(node32)
            if done[node] || d > distance[node] { continue }
            done[node] = true
            order.append(node32)
            if node == sink { break }
            var edge = head[node]
            while edge >= 0 {
                let e = Int(edge)
                if capacity[e] > 0 {
                    let target = Int(to[e])
                    let candidate = d + cost[e] + potential[node] - potential[target]
                    if !done[target], candidate < distance[target] {
                        distance[target] = candidate
                        heap.push(candidate, Int32(target))
                    }
                }
                edge = next[e]
            }
        }
        return (distance, order)
    }

    /// Levels (hop counts) from the source over admissible edges (residual, zero reduced cost),
    /// or `nil` when the sink cannot be reached over them.
    private func admissibleLevels(source: Int, sink: Int) -> [Int32]? {
        var level = [Int32](repeating: -1, count: nodeCount)
        var queue = [Int32(source)]
        level[source] = 0
        var head = 0
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            var edge = self.head[node]
            while edge >= 0 {
                let e = Int(edge)
                let target = Int(to[e])
                if capacity[e] > 0, level[target] < 0, cost[e] + potential[node] - potential[target] == 0 {
                    level[target] = level[node] + 1
                    queue.append(Int32(target))
                }
                edge = next[e]
            }
        }
        return level[sink] >= 0 ? level : nil
    }

    /// Finds one admissible path along increasing levels (iteratively, so long alternating paths
    /// cannot overflow the stack) and pushes flow on it; returns the amount and its cost.
    private mutating func augment(from source: Int, to sink: Int, limit: Int32, levels: [Int32], arc: inout [Int32])
        -> (Int32, Int64)
    {
        var path: [Int32] = []  // edges
        var node = source
        while true {
            if node == sink {
                var push = limit
                for e in path { push = min(push, capacity[Int(e)]) }
                var pathCost: Int64 = 0
                for e in path {
                    capacity[Int(e)] -= push
                    capacity[Int(e) ^ 1] += push
                    pathCost += Int64(push) * cost[Int(e)]
                }
                return (push, pathCost)
            }
            var advanced = false
            while arc[node] >= 0 {
                let e = Int(arc[node])
                let target = Int(to[e])
                if capacity[e] > 0, levels[target] == levels[node] + 1,
                    cost[e] + potential[node] - potential[target] == 0
                {
                    path.append(Int32(e))
                    node = target
                    advanced = true
                    break
                }
                arc[node] = next[e]
            }
            if advanced { continue }
            // Dead end: retreat and skip the edge that led here.
            guard let last = path.popLast() else { return (0, 0) }
            node = Int(to[Int(last) ^ 1])
            arc[node] = next[Int(last)]
        }
    }
}

/// A binary min-heap of (key, node), ties broken by node so runs are reproducible.
struct MinHeap {
    private var keys: [Int64] = []
    private var nodes: [Int32] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    private func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] < keys[j] || (keys[i] == keys[j] && nodes[i] < nodes[j])
    }

    private mutating func swapAt(_ i: Int, _ j: Int) {
        keys.swapAt(i, j)
        nodes.swapAt(i, j)
    }

    mutating func push(_ key: Int64, _ node: Int32) {
        keys.append(key)
        nodes.append(node)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Int64, Int32)? {
        guard !keys.isEmpty else { return nil }
        let top = (keys[0], nodes[0])
        let last = keys.count - 1
        swapAt(0, last)
        keys.removeLast()
        nodes.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < keys.count, less(left, smallest) { smallest = left }
            if right < keys.count, less(right, smallest) { smallest = right }
            guard smallest != parent else { break }
            swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
