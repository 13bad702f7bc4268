import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import Sector3Importer

/// Feeds come from outside: none of these may reach the file system or the network, exhaust
/// memory, or write anything.
@Suite("Sector 3 feed hardening")
struct HardeningTests {
    func failure(_ url: URL) throws -> ImportError {
        do {
            _ = try Sector3Importer().read(
                ImportInput(url: url, displayName: url.lastPathComponent, size: 0), options: ImportOptions(),
                into: RecordingSink())
        } catch let error as ImportError {
            return error
        }
        throw HardeningFailure.readSucceeded(url.lastPathComponent)
    }

    enum HardeningFailure: Error { case readSucceeded(String) }

    func fixture(_ name: String) -> URL { fixturesFolder().appendingPathComponent(name) }

    @Test("an external entity is never loaded: the DOCTYPE declaring it is refused")
    func externalEntity() throws {
        let error = try failure(fixture("external-entity.xml"))
        #expect(error.description.contains("declares entities"))
        #expect(!error.description.contains("TOP-SECRET"))
    }

    @Test("an external parameter entity is refused without touching the network")
    func externalParameterEntity() throws {
        let started = Date()
        let error = try failure(fixture("external-parameter-entity.xml"))
        #expect(error.description.contains("declares entities"))
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test("an external DTD is not loaded: its default attributes are not applied")
    func externalDTDNotLoaded() throws {
        let sink = RecordingSink()
        try Sector3Importer().read(
            ImportInput(url: fixture("external-dtd.xml"), displayName: "external-dtd.xml", size: 0),
            options: ImportOptions(), into: sink)
        #expect(sink.volunteers.first?.consent.contact == nil)
        #expect(sink.volunteers.first?.consent.share == .partners)
    }

    @Test("an entity from an external DTD is refused, not expanded")
    func externalDTDEntity() throws {
        let error = try failure(fixture("external-dtd-entity.xml"))
        #expect(error.description.contains("entity"))
        #expect(!error.description.contains("INJECTED"))
    }

    @Test("an entity-expansion bomb fails fast with a clear error")
    func billionLaughs() throws {
        let started = Date()
        let error = try failure(fixture("billion-laughs.xml"))
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(error.description.contains("declares entities"))
    }

    @Test("a truncated feed fails with the line where it broke")
    func truncated() throws {
        let error = try failure(fixture("truncated.xml"))
        guard case .malformed(_, let location, let reason) = error else {
            Issue.record("expected a malformed-feed error, got \(error)")
            return
        }
        #expect(location?.line == 6)
        #expect(reason.contains("cut short"))
        #expect(error.description.hasPrefix("truncated.xml:6:"))
    }

    @Test("a huge text node stops the parse instead of exhausting memory")
    func hugeText() throws {
        let folder = try TemporaryFolder(prefix: "voldir-feed")
        let url = folder.url.appendingPathComponent("huge.xml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        handle.write(
            Data(
                "<s3:feed xmlns:s3=\"urn:sector3:network-feed:1\" version=\"1.0\" sequence=\"1\"><s3:volunteer id=\"V1\"><s3:name>"
                    .utf8))
        let block = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<12 { handle.write(block) }
        handle.write(Data("</s3:name></s3:volunteer></s3:feed>".utf8))
        try handle.close()
        let error = try failure(url)
        #expect(error.description.contains("far larger than a feed record ever is"))
        #expect(error.description.contains("huge text node"))
    }

    @Test("deep nesting stops the parse instead of exhausting the stack")
    func deepNesting() throws {
        let folder = try TemporaryFolder(prefix: "voldir-feed")
        let url = folder.url.appendingPathComponent("deep.xml")
        let depth = 5_000
        var text =
            "<s3:feed xmlns:s3=\"urn:sector3:network-feed:1\" version=\"1.0\" sequence=\"1\"><s3:volunteer id=\"V1\">"
        text += String(repeating: "<s3:x>", count: depth) + String(repeating: "</s3:x>", count: depth)
        text += "</s3:volunteer></s3:feed>"
        try Data(text.utf8).write(to: url)
        let error = try failure(url)
        #expect(error.description.contains("depth") || error.description.contains("not well-formed"))
    }

    @Test("concurrent parses keep their own errors")
    func concurrentParses() async throws {
        let good = fixture("full.xml")
        let bad = fixture("truncated.xml")
        let results = await withTaskGroup(of: (Bool, String?).self) { group in
            for index in 0..<16 {
                let url = index.isMultiple(of: 2) ? good : bad
                group.addTask {
                    do {
                        let sink = RecordingSink()
                        try Sector3Importer().read(
                            ImportInput(url: url, displayName: url.lastPathComponent, size: 0),
                            options: ImportOptions(), into: sink)
                        return (true, nil)
                    } catch {
                        return (false, String(describing: error))
                    }
                }
            }
            var collected: [(Bool, String?)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(results.filter(\.0).count == 8)
        #expect(results.filter { !$0.0 }.allSatisfy { $0.1?.hasPrefix("truncated.xml:6:") == true })
    }
}
