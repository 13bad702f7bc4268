/// Says why places stay empty, in words a coordinator can recruit from: which requirement no one
/// meets, and who nearly qualifies.
struct UnfilledExplainer {
    let index: MatchIndex
    /// How many volunteers meet each requirement on its own, by its name: many needs share them.
    private var meeting: [String: Int] = [:]

    init(index: MatchIndex) {
        self.index = index
    }

    mutating func reasons(need position: Int, candidates: Int, assigned: Int) -> [String] {
        let need = index.needs[position]
        let record = index.needRecords[position]
        let requirements = HardConstraints.requirements(of: need, record: record)
        if candidates > 0 {
            let busy = candidates - assigned
            return [
                "only \(count(candidates, "volunteer")) who may be contacted \(candidates == 1 ? "meets" : "meet") every requirement"
                    + (busy > 0
                        ? ", and \(busy) of them \(busy == 1 ? "is" : "are") placed on other needs or at capacity" : "")
            ]
        }
        guard !requirements.isEmpty else {
            return ["every volunteer who may be contacted is already placed or at capacity"]
        }
        // Who meets each requirement alone (remembered across needs), and who misses exactly one:
        // requirements are tried rarest first, and a volunteer is dropped at their second miss.
        var alone: [Int] = []
        for (name, requirement) in requirements {
            if let known = meeting[name] {
                alone.append(known)
                continue
            }
            var count = 0
            index.volunteers.withUnsafeBufferPointer { volunteers in
                for position in volunteers.indices where requirement.holds(volunteers[position], in: index) {
                    count += 1
                }
            }
            meeting[name] = count
            alone.append(count)
        }
        let order = requirements.indices.sorted { alone[$0] < alone[$1] }
        var nearMiss = [Int](repeating: 0, count: requirements.count)
        index.volunteers.withUnsafeBufferPointer { volunteers in
            for position in volunteers.indices {
                var failed = -1
                var failures = 0
                for offset in order where !requirements[offset].requirement.holds(volunteers[position], in: index) {
                    failures += 1
                    failed = offset
                    if failures > 1 { break }
                }
                if failures == 1 { nearMiss[failed] += 1 }
            }
        }
        var reasons: [String] = []
        let names = requirements.map(\.name)
        if let missing = alone.firstIndex(of: 0) {
            reasons.append("no volunteer who may be contacted \(names[missing])")
        } else {
            reasons.append("no volunteer who may be contacted " + Self.list(names))
        }
        for (offset, misses) in nearMiss.enumerated() where misses > 0 && requirements.count > 1 {
            reasons.append(
                "\(count(misses, "volunteer")) \(misses == 1 ? "meets" : "meet") every other requirement but not: \(names[offset])"
            )
        }
        return reasons
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
}
