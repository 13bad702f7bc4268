import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryPostgres
import VolunteerDirectoryTestSupport

/// A server restart while voldir holds connections: one failed request at most, then on as before.
/// Runs on a cluster of its own (`.ci/postgres-cluster`), since restarting the shared one would
/// fail every other test running at that moment.
@Suite(
    "PostgreSQL: a server restart",
    .enabled(if: PostgresTestServer.isAvailable && PrivateCluster.canStart))
struct PostgresRestartTests {
    @Test("after a restart, at most one request fails and the next ones work")
    func restart() throws {
        let cluster = try PrivateCluster()
        defer { cluster.stop() }
        let store = try PostgresDirectoryStore(url: cluster.url)
        #expect(try store.networks().isEmpty)
        try cluster.restart()
        var failures = 0
        for _ in 0..<5 {
            do {
                _ = try store.networks()
            } catch let error as PostgresStoreError {
                guard case .connectionLost = error else { throw error }
                failures += 1
            }
        }
        #expect(failures <= 1)
        #expect(try store.networks().isEmpty)
    }

    @Test("after a restart, searches prepare their statements again on the new connections")
    func searchAfterRestart() throws {
        let cluster = try PrivateCluster()
        defer { cluster.stop() }
        let store = try PostgresDirectoryStore(url: cluster.url)
        try PostgresPreparedStatementTests.importTwoFirstAiders(into: store)
        // The session, the state, the skill's mappings and the people shown are prepared statements:
        // each connection prepares them once, and a restart closes every connection.
        let query = PostgresPreparedStatementTests.query
        let before = try store.search(query)
        #expect(before.map(\.volunteer.name).sorted() == ["Ada Okafor", "Bilal Khan"])
        try cluster.restart()
        var failures = 0
        var after: [VolunteerMatch] = []
        for _ in 0..<5 {
            do {
                after = try store.search(query)
            } catch let error as PostgresStoreError {
                guard case .connectionLost = error else { throw error }
                failures += 1
            }
        }
        #expect(failures <= 1)
        #expect(after == before)
    }
}

/// A cluster of the test's own, made by `.ci/postgres-cluster` in a temporary folder.
struct PrivateCluster {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".ci/postgres-cluster")

    /// Whether this machine has PostgreSQL's server programs.
    static var canStart: Bool {
        FileManager.default.fileExists(atPath: "/usr/lib/postgresql")
    }

    let folder: URL
    let url: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("voldir-pg-\(UUID().uuidString)")
        url = try Self.run("start", folder.path).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func restart() throws {
        _ = try Self.run("restart", folder.path)
    }

    func stop() {
        _ = try? Self.run("stop", folder.path)
    }

    /// Runs the script, its output going to a file (nothing waits on a pipe a server could keep
    /// open) and its end awaited through its termination handler.
    private static func run(_ arguments: String...) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("voldir-pg-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = script
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        finished.wait()
        guard process.terminationStatus == 0 else {
            throw PostgresStoreError.badURL(script.path, reason: "\(arguments.joined(separator: " ")) failed")
        }
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }
}
