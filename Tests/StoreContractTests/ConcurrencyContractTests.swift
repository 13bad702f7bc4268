import Foundation
import Synchronization
import Testing
import VolunteerDirectory

/// What coordinators working at once may rely on, on every store.
@Suite("Store contract: working at once")
struct ConcurrencyContractTests {
    /// A roster of `count` new people, each with a skill and a language.
    static func roster(_ count: Int, prefix: String) -> String {
        var lines = ["Name,Email,Skills,Languages,Consent"]
        for number in 0..<count {
            lines.append("\(prefix) Person \(number),\(prefix.lowercased())\(number)@example.org,First aid,Urdu,yes")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(
        "a search during an import sees the directory as it was before it or after it, never half",
        arguments: StoreKind.allCases)
    func searchesSeeWholeImports(kind: StoreKind) async throws {
        let directory = try kind.make()
        try directory.importText("first.csv", Self.roster(50, prefix: "Early"))
        let roster = try directory.file("second.csv", Self.roster(1_500, prefix: "Late"))
        let query = VolunteerQuery(skills: ["first aid"], limit: 10_000)
        let reader = directory.reader
        let service = directory.service
        let finished = Mutex(false)
        let importing = Task.detached {
            defer { finished.withLock { $0 = true } }
            return try service.importFile(at: roster, request: ImportRequest())
        }
        var seen: Set<Int> = []
        while !finished.withLock({ $0 }) {
            seen.insert(try await reader.search(query).count)
            await Task.yield()
        }
        _ = try await importing.value
        seen.insert(try await reader.search(query).count)
        #expect(seen.isSubset(of: [50, 1_550]), "counts seen: \(seen.sorted())")
    }
}
