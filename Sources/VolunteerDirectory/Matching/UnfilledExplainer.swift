/// Says why places stay empty, in words a coordinator can recruit from: which requirement no one
/// meets, and who nearly qualifies.
struct UnfilledExplainer {
    let index: MatchIndex

    func reasons(need position: Int, candidates: Int, assigned: Int) -> [String] {
        let need = index.needs[position]
        let record = index.needRecords[position]
        let requirements = HardConstraints.requirements(of: need, record: record)
        if candidates > 0 {
            let busy = candidates - assigned
            return [
                "only \(count(candidates, "volunteer")) who may be contacted \(candidates == 1 ? "meets" : "meet") every requirement"
                    + (busy > 0 ? ", and \(busy) of them \(busy == 1 ? "is" : "are") placed on other needs or at capacity" : "")
            ]
        }
        guard !requirements.isEmpty else {
            return ["every volunteer who may be contacted is already placed or at capacity"]
        }
        var alone = [Int](repeating: 0, count: requirements.count)
        var nearMiss = [Int](repeating: 0, count: requirements.count)
        // Borrow each volunteer from the buffer rather than copying it (a copy retains its arrays).
        index.volunteers.withUnsafeBufferPointer { volunteers in
            for position in volunteers.indices {
                var failed = -1
                var failures = 0
                for offset in requirements.indices {
                    if requirements[offset].requirement.holds(volunteers[position]) {
                        alone[offset] += 1
                    } else {
                        failures += 1
                        failed = offset
                    }
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
            reasons.append("\(count(misses, "volunteer")) \(misses == 1 ? "meets" : "meet") every other requirement but not: \(names[offset])")
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
