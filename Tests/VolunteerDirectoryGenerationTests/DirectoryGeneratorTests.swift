import CSVImporter
import Foundation
import Sector3Importer
import Testing
import VolunteerDirectory
import VolunteerDirectoryGeneration
import VolunteerDirectoryTestSupport

/// The synthetic rosters, needs and feeds: the same for the same seed, read by the plugins that
/// read real ones, and carrying the messy cases the benchmarks and the demo rely on.
@Suite("Directory generator")
struct DirectoryGeneratorTests {
    let temporary: TemporaryFolder

    init() throws { temporary = try TemporaryFolder(prefix: "voldir-generation") }

    /// The bytes of the roster, its needs sheet and the feed a generator writes.
    func written(_ generator: DirectoryGenerator, as name: String) throws -> (roster: Data, needs: Data, feed: Data) {
        let roster = temporary.url.appendingPathComponent("\(name).csv")
        let needs = temporary.url.appendingPathComponent("\(name)-needs.csv")
        let feed = temporary.url.appendingPathComponent("\(name).xml")
        try generator.writeCSV(roster: roster.path, needsPath: needs.path)
        try generator.writeFeed(to: feed.path)
        return (try Data(contentsOf: roster), try Data(contentsOf: needs), try Data(contentsOf: feed))
    }

    /// What a plugin reads from `file`.
    func read(_ file: String, with plugin: any DirectoryImporter) throws -> RecordingSink {
        let sink = RecordingSink()
        let url = temporary.url.appendingPathComponent(file)
        try plugin.read(ImportInput(url: url, displayName: file, size: 0), options: ImportOptions(), into: sink)
        return sink
    }

    @Test("the same seed writes the same bytes; another seed, other people")
    func seeded() throws {
        let first = try written(DirectoryGenerator(volunteers: 200, needs: 10, seed: 5), as: "a")
        let again = try written(DirectoryGenerator(volunteers: 200, needs: 10, seed: 5), as: "b")
        let other = try written(DirectoryGenerator(volunteers: 200, needs: 10, seed: 6), as: "c")
        #expect(first.roster == again.roster)
        #expect(first.needs == again.needs)
        #expect(first.feed == again.feed)
        #expect(first.roster != other.roster)
        #expect(first.needs != other.needs)
        #expect(first.feed != other.feed)
    }

    @Test("a roster reads as one row a volunteer, with people repeated in other networks and a few bad rows")
    func roster() throws {
        var generator = DirectoryGenerator(volunteers: 3_000, needs: 12, seed: 5)
        generator.malformedRate = 0.002
        try generator.writeCSV(
            roster: temporary.url.appendingPathComponent("roster.csv").path,
            needsPath: temporary.url.appendingPathComponent("needs.csv").path)
        let roster = try read("roster.csv", with: CSVImporter())
        #expect(roster.volunteers.count + roster.rejections.count == 3_000)
        // Malformed rows are rejected with their line (a missing name) or read with a warning
        // (an impossible DBS date), never silently.
        #expect(!roster.rejections.isEmpty)
        #expect(roster.rejections.allSatisfy { $0.location.line > 1 })
        // Some people appear twice, under another network, their email in other case.
        let byEmail = Dictionary(grouping: roster.volunteers.filter { $0.email != nil }) {
            $0.email?.lowercased() ?? ""
        }
        let repeated = byEmail.values.filter { $0.count > 1 }
        #expect(!repeated.isEmpty)
        #expect(repeated.contains { Set($0.compactMap(\.email)).count > 1 })
        // Every volunteer has a skill or a language as people write them.
        #expect(roster.volunteers.allSatisfy { !$0.skills.isEmpty || !$0.languages.isEmpty })
        let needs = try read("needs.csv", with: CSVImporter())
        #expect(needs.needs.count == 12)
        #expect(needs.rejections.isEmpty)
    }

    @Test("a feed reads through the Sector 3 plugin: networks, volunteers and opportunities")
    func feed() throws {
        try DirectoryGenerator(volunteers: 300, needs: 7, seed: 9).writeFeed(
            to: temporary.url.appendingPathComponent("feed.xml").path, sequence: 4)
        let feed = try read("feed.xml", with: Sector3Importer())
        #expect(feed.sequences.map(\.number) == [4])
        #expect(feed.volunteers.count + feed.rejections.count == 300)
        #expect(feed.needs.count == 7)
        #expect(!feed.networks.isEmpty)
    }

    @Test("nothing asked for: a roster of headers alone, a feed of networks alone, and no needs sheet")
    func empty() throws {
        let generator = DirectoryGenerator(volunteers: 0, needs: 0, seed: 1)
        let needs = temporary.url.appendingPathComponent("empty-needs.csv")
        try generator.writeCSV(roster: temporary.url.appendingPathComponent("empty.csv").path, needsPath: needs.path)
        try generator.writeFeed(to: temporary.url.appendingPathComponent("empty.xml").path)
        #expect(try read("empty.csv", with: CSVImporter()).records.isEmpty)
        let feed = try read("empty.xml", with: Sector3Importer())
        #expect(feed.volunteers.isEmpty && feed.needs.isEmpty && feed.rejections.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: needs.path))
    }
}
