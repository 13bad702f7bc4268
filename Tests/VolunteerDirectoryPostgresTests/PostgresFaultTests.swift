import CSVImporter
import Foundation
import PostgresNIO
import Testing
import VolunteerDirectory
import VolunteerDirectoryPostgres
import VolunteerDirectoryTestSupport

/// What a fault in the middle of a write leaves: nothing of that write.
@Suite("PostgreSQL: faults", .enabled(if: PostgresTestServer.isAvailable))
struct PostgresFaultTests {
    @Test("a connection lost in the middle of an import leaves nothing of that import written")
    func connectionLostMidImport() async throws {
        let database = try PostgresTestServer.freshDatabase()
        defer { try? PostgresTestServer.drop(database) }
        let store = try PostgresDirectoryStore(location: database)
        let service = ImportService(store: store, registry: ImporterRegistry([CSVImporter.self]))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voldir-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = ["Name,Email,Skills,Languages,Consent"]
        for number in 0..<60_000 { lines.append("Person \(number),p\(number)@example.org,First aid,Urdu,yes") }
        let roster = folder.appendingPathComponent("large.csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: roster)

        let importing = Task.detached { try service.importFile(at: roster, request: ImportRequest()) }
        // As an administrator would, or a network failure: end the import's connection once it has
        // written (the server has given its transaction an id) and is sending rows, or has been
        // writing for half a second: a transaction that is part written.
        let admin = try await database.connect(to: "postgres")
        var ended = 0
        for _ in 0..<6_000 where ended == 0 {
            try await Task.sleep(for: .milliseconds(10))
            let rows = try await admin.query(
                """
                SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity
                WHERE datname = \(database.database) AND xact_start IS NOT NULL AND pid <> pg_backend_pid()
                  AND backend_xid IS NOT NULL
                  AND (query LIKE 'COPY%' OR now() - xact_start > interval '500 milliseconds')
                """, logger: Logger(label: "test")
            ).collect()
            ended = try rows.first?.decode(Int.self) ?? 0
        }
        try await admin.close()
        #expect(ended >= 1, "the import's transaction was never seen")
        await #expect(throws: PostgresStoreError.connectionLost(database)) { try await importing.value }

        let after = try PostgresDirectoryStore(location: database)
        #expect(try after.batches().isEmpty)
        #expect(try after.search(VolunteerQuery(includeWithoutConsent: true, limit: 10)).isEmpty)
        #expect(try after.networks().isEmpty)
    }
}
