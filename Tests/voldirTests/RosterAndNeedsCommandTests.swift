import Foundation
import Testing

/// `voldir import` taking people off a roster, `--partial`, and `voldir needs merge`, as a
/// coordinator runs them.
@Suite("voldir import leaving, needs merge")
struct RosterAndNeedsCommandTests {
    let cli: CommandLineTests

    init() throws {
        cli = try CommandLineTests()
    }

    func roster(_ name: String, _ rows: String, daysAgo: Double) throws -> String {
        let file = try cli.write(name, "Ref,Name,Email,Skills,Consent\n" + rows)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -daysAgo * 86_400)],
            ofItemAtPath: cli.folder.appendingPathComponent(file).path)
        return file
    }

    @Test("a new roster says who left; --partial ends nothing; show says who is on no roster")
    func leaving() throws {
        let rows = [
            "R1,Amina,amina@example.org,Driving,yes\n", "R2,Bea,bea@example.org,Cooking,yes\n",
            "R3,Cal,cal@example.org,Sewing,yes\n",
        ]
        #expect(
            try cli.voldir("import", try roster("v1.csv", rows.joined(), daysAgo: 3), "--network", "SREP").status == 0)
        let partial = try cli.voldir(
            "import", try roster("some.csv", rows[2], daysAgo: 2), "--network", "SREP", "--partial", "--format", "json")
        #expect(partial.status == 0)
        let partialFile = try #require((try cli.json(partial.stdout) as? [String: Any])?["files"] as? [[String: Any]])
            .first
        #expect(partialFile?["ended"] as? Int == 0)

        let result = try cli.voldir("import", try roster("v2.csv", rows[0], daysAgo: 1), "--network", "SREP")
        #expect(result.status == 0)
        #expect(result.stdout.contains("2 ended"))
        #expect(result.stdout.contains("2 people are no longer on this roster: their membership of SREP ended"))

        let search = try cli.voldir("search", "--text", "Bea", "--include-no-consent", "--format", "json")
        let bea = try #require((try cli.json(search.stdout) as? [[String: Any]])?.first)
        let id = try #require(bea["id"] as? Int)
        #expect(try cli.voldir("show", String(id)).stdout.contains("no longer on any roster"))
        let shown = try #require(
            try cli.json(try cli.voldir("show", String(id), "--format", "json").stdout) as? [String: Any])
        #expect(shown["listed"] as? Bool == false)
        #expect((shown["networks"] as? [String])?.isEmpty == true)
    }

    @Test("the demo lists the schools' reading need once, and says the feed's copy is a likely duplicate")
    func demoShowsTheNeedOnce() throws {
        let result = try cli.voldir("demo", "--folder", cli.packageRoot.appendingPathComponent("Imports").path)
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: "### N-101").count == 2)
        #expect(!result.stdout.contains("### OPP-77"))
        #expect(
            result.stdout.contains(
                "OPP-77 (Stockport Council Schools Team: Reading support for newly arrived pupils) looks like a duplicate of N-101"
            ))
        #expect(result.stdout.contains("| Polish | 3 |"))
    }

    @Test("needs merge keeps one need and the flag goes away")
    func needsMerge() throws {
        let imports = cli.packageRoot.appendingPathComponent("Imports")
        for name in ["partnership-needs.csv", "sector3-feed.xml"] {
            #expect(try cli.voldir("import", imports.appendingPathComponent(name).path).status == 0)
        }
        let listed = try cli.voldir("needs")
        #expect(listed.stdout.contains("OPP-77 (duplicate of N-101?)"))
        let merged = try cli.voldir("needs", "merge", "N-101", "OPP-77")
        #expect(merged.status == 0)
        #expect(merged.stdout.contains("Merged OPP-77 into N-101"))
        let needs = try #require(try cli.json(try cli.voldir("needs", "--format", "json").stdout) as? [[String: Any]])
        #expect(!needs.contains { $0["id"] as? String == "OPP-77" })
        #expect(!needs.contains { $0["duplicateOf"] != nil })
        let unknown = try cli.voldir("needs", "merge", "N-101", "OPP-77")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no need with id 'OPP-77'"))
    }
}
