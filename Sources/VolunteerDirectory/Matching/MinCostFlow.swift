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
    private var next: [Int32] = []
    private var to: [Int32] = []
    private var capacity: [Int32] = []
    private var cost: [Int64] = []
    /// Node potentials after ``solve(source:sink:)``: reduced costs of residual edges are ≥ 0.
    private(set) var potential: [Int64]

    init(nodes: Int) {
        nodeCount = nodes
        head = [Int32](repeating: -1, count: nodes)
        potential = [Int64](repeating: 0, count: nodes)
    }

    /// Adds an edge and its reverse; returns the edge's index.
    @discardableResult
    mutating func addEdge(from: Int, to target: Int, capacity cap: Int, cost edgeCost: Int64) -> Int {
        let index = to.count
        to.append(Int32(target)); capacity.append(Int32(cap)); cost.append(edgeCost); next.append(head[from]); head[from] = Int32(index)
        to.append(Int32(from)); capacity.append(0); cost.append(-edgeCost); next.append(head[target]); head[target] = Int32(index + 1)
        return index
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
        var distance = [Int64](repeating: .max, count: nodeCount)
        var previousEdge = [Int32](repeating: -1, count: nodeCount)
        var settled = [Bool](repeating: false, count: nodeCount)
        var touched: [Int32] = []
        var heap = MinHeap()
        while true {
            for node in touched {
                distance[Int(node)] = .max
                previousEdge[Int(node)] = -1
                settled[Int(node)] = false
            }
            touched.removeAll(keepingCapacity: true)
            heap.removeAll()
            distance[source] = 0
            touched.append(Int32(source))
            heap.push(0, Int32(source))
            var settledOrder: [Int32] = []
            while let (d, node32) = heap.pop() {
                let node = Int(node32)
                if settled[node] || d > distance[node] { continue }
                settled[node] = true
                settledOrder.append(node32)
                if node == sink { break }
                var edge = head[node]
                while edge >= 0 {
                    let e = Int(edge)
                    if capacity[e] > 0 {
                        let target = Int(to[e])
                        let candidate = d + cost[e] + potential[node] - potential[target]
                        if !settled[target], candidate < distance[target] {
                            if distance[target] == .max { touched.append(Int32(target)) }
                            distance[target] = candidate
                            previousEdge[target] = edge
                            heap.push(candidate, Int32(target))
                        }
                    }
                    edge = next[e]
                }
            }
            guard settled[sink] else { break }
            let sinkDistance = distance[sink]
            for node in settledOrder {
                potential[Int(node)] -= sinkDistance - distance[Int(node)]
            }
            var push = Int32.max
            var node = sink
            while node != source {
                let e = Int(previousEdge[node])
                push = min(push, capacity[e])
                node = Int(to[e ^ 1])
            }
            node = sink
            while node != source {
                let e = Int(previousEdge[node])
                capacity[e] -= push
                capacity[e ^ 1] += push
                totalCost += Int64(push) * cost[e]
                node = Int(to[e ^ 1])
            }
            totalFlow += Int(push)
        }
        settlePotentials(source: source)
        return (totalFlow, totalCost)
    }

    /// Replaces the potentials by exact shortest distances in the final residual graph (nodes it
    /// cannot reach get the largest distance found), so that every residual edge's reduced cost
    /// is non-negative: the certificate that the flow is cheapest.
    private mutating func settlePotentials(source: Int) {
        var distance = [Int64](repeating: .max, count: nodeCount)
        var heap = MinHeap()
        distance[source] = 0
        heap.push(0, Int32(source))
        while let (d, node32) = heap.pop() {
            let node = Int(node32)
            if d > distance[node] { continue }
            var edge = head[node]
            while edge >= 0 {
                let e = Int(edge)
                if capacity[e] > 0 {
                    let target = Int(to[e])
                    let candidate = d + cost[e] + potential[node] - potential[target]
                    if candidate < distance[target] {
                        distance[target] = candidate
                        heap.push(candidate, Int32(target))
                    }
                }
                edge = next[e]
            }
        }
        let largest = distance.filter { $0 != .max }.max() ?? 0
        for node in 0..<nodeCount {
            potential[node] += distance[node] == .max ? largest : distance[node]
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
