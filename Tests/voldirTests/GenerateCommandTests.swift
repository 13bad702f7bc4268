import Foundation
import Testing

/// `voldir generate`: synthetic data for demonstrations and benchmarks.
extension CommandLineTests {
    @Test("generate writes the same rosters, needs and feeds for the same seed, and they import")
    func generateIsDeterministicAndImports() throws {
        #expect(
            try voldir("generate", "--volunteers", "300", "--needs", "12", "--seed", "5", "--output", "a.csv").status
                == 0)
        #expect(
            try voldir("generate", "--volunteers", "300", "--needs", "12", "--seed", "5", "--output", "b.csv").status
                == 0)
        #expect(try voldir("generate", "--volunteers", "300", "--seed", "6", "--output", "c.csv").status == 0)
        let a = try Data(contentsOf: folder.appendingPathComponent("a.csv"))
        #expect(a == (try Data(contentsOf: folder.appendingPathComponent("b.csv"))))
        #expect(a != (try Data(contentsOf: folder.appendingPathComponent("c.csv"))))
        #expect(
            try Data(contentsOf: folder.appendingPathComponent("a-needs.csv"))
                == Data(contentsOf: folder.appendingPathComponent("b-needs.csv")))

        // The roster carries the messy cases: the same people in several networks (merged), and a
        // few malformed rows, rejected with their line while the rest import.
        #expect(try voldir("generate", "--volunteers", "3000", "--seed", "5", "--output", "big.csv").status == 0)
        let imported = try voldir("import", "big.csv", "a-needs.csv", "--format", "json")
        #expect(imported.status == 2)
        let files = try #require((try json(imported.stdout) as? [String: Any])?["files"] as? [[String: Any]])
        let roster = try #require(files.first { $0["file"] as? String == "big.csv" })
        let rejected = roster["rejected"] as? [[String: Any]] ?? []
        #expect(rejected.count == 2)
        #expect(rejected.allSatisfy { ($0["line"] as? Int ?? 0) > 1 })
        #expect((roster["created"] as? Int ?? 0) + (roster["updated"] as? Int ?? 0) + rejected.count == 3000)
        #expect((roster["updated"] as? Int ?? 0) > 0)
        let needs = try #require(try json(try voldir("needs", "--format", "json").stdout) as? [[String: Any]])
        #expect(needs.count == 12)

        // The feed is valid against the schema the partners publish, and imports.
        #expect(
            try voldir(
                "generate", "--volunteers", "200", "--needs", "5", "--seed", "5", "--format", "sector3", "--output",
                "feed.xml"
            ).status == 0)
        let validated = try voldir("validate", "feed.xml")
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        #expect(try voldir("import", "feed.xml", "--db", "feed.sqlite").status != 1)
    }
}
