import Foundation
import Testing
import VolunteerDirectoryTestSupport

@testable import Sector3Importer

@Suite("Sector 3 feed validation")
struct ValidationTests {
    @Test("the schema ships with the plugin")
    func schemaShips() throws {
        let url = try #require(Sector3FeedValidator.schemaURL)
        #expect(FileManager.default.fileExists(atPath: url.path))
    }

    @Test(
        "valid feeds have no problems",
        arguments: ["full.xml", "default-namespace-interleaved.xml", "windows-1252.xml"])
    func valid(name: String) throws {
        let problems = try Sector3FeedValidator.validate(fixturesFolder().appendingPathComponent(name))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("the bundled sample feed is valid")
    func sample() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Imports/sector3-feed.xml")
        #expect(try Sector3FeedValidator.validate(sample).isEmpty)
    }

    @Test("every problem has its line and column")
    func invalid() throws {
        let problems = try Sector3FeedValidator.validate(fixturesFolder().appendingPathComponent("invalid.xml"))
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.map(\.line) == [5, 6, 8])
        #expect(problems.allSatisfy { $0.column > 0 || $0.line > 0 })
        #expect(problems[0].message.contains("age-band"))
        #expect(problems[1].message.contains("enhnaced"))
        #expect(problems[2].message.contains("id"))
    }

    @Test("a feed that is not well-formed is reported where it breaks")
    func truncated() throws {
        let problems = try Sector3FeedValidator.validate(fixturesFolder().appendingPathComponent("truncated.xml"))
        #expect(problems.first?.line == 6)
        #expect(problems.contains { $0.isError })
    }

    @Test("validation refuses entity declarations too")
    func entities() throws {
        let problems = try Sector3FeedValidator.validate(fixturesFolder().appendingPathComponent("external-entity.xml"))
        #expect(problems.contains { $0.message.contains("declares entities") })
        #expect(!problems.contains { $0.message.contains("TOP-SECRET") })
    }
}
