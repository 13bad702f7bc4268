import Foundation
import PostgresNIO
import Testing
import VolunteerDirectory
import VolunteerDirectoryPostgres
import VolunteerDirectoryTestSupport

/// Opening a directory on a real server: what a wrong URL gets, and migrations applied once,
/// whoever opens first. Runs when `VOLDIR_TEST_POSTGRES` names a server.
@Suite("PostgreSQL: opening a directory", .enabled(if: PostgresTestServer.isAvailable))
struct PostgresOpeningTests {
    /// A fresh database, dropped when `body` is done.
    func withFreshDatabase(_ body: (PostgresLocation) throws -> Void) throws {
        let database = try PostgresTestServer.freshDatabase()
        defer { try? PostgresTestServer.drop(database) }
        try body(database)
    }

    @Test("a wrong password is refused naming host, port, database and user, never the password")
    func wrongPassword() throws {
        var location = try #require(PostgresTestServer.location)
        location.password = "not-the-password-\(UUID().uuidString.prefix(6))"
        let error = try #require(throws: PostgresStoreError.self) { try PostgresDirectoryStore(location: location) }
        // A server that trusts loopback connections lets any password in; CI's asks for one.
        guard case .badCredentials = error else {
            Issue.record("expected the password to be refused, got: \(error)")
            return
        }
        #expect(error.description.contains("\(location.host):\(location.port)"))
        #expect(error.description.contains("'\(location.database)'"))
        #expect(!error.description.contains(location.password ?? "?"))
    }

    @Test("a missing database, and a closed port, are said so")
    func missingDatabaseAndClosedPort() throws {
        var location = try #require(PostgresTestServer.location)
        location.database = "voldir_no_such_database"
        #expect(throws: PostgresStoreError.noDatabase(location)) { try PostgresDirectoryStore(location: location) }
        var closed = try #require(PostgresTestServer.location)
        closed.port = 1
        let error = try #require(throws: PostgresStoreError.self) { try PostgresDirectoryStore(location: closed) }
        #expect(error == .unreachable(closed, reason: "the connection was refused"))
    }

    @Test("a command that only reads finds no directory in an empty database, and creates nothing")
    func readingAnEmptyDatabase() throws {
        try withFreshDatabase { database in
            #expect(throws: PostgresStoreError.noDirectory(database)) {
                try PostgresDirectoryStore(location: database, access: .reading)
            }
            #expect(throws: PostgresStoreError.noDirectory(database)) {
                try PostgresDirectoryStore(location: database, access: .reading)
            }
            _ = try PostgresDirectoryStore(location: database, access: .writing)
            _ = try PostgresDirectoryStore(location: database, access: .reading)
        }
    }

    @Test("openers at once apply each migration once, and a directory from a newer voldir is refused")
    func migrations() async throws {
        let database = try PostgresTestServer.freshDatabase()
        defer { try? PostgresTestServer.drop(database) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 {
                group.addTask { _ = try PostgresDirectoryStore(location: database) }
            }
            try await group.waitForAll()
        }
        let connection = try await database.connect()
        let applied = try await connection.query("SELECT count(*) FROM voldir_migration", logger: .init(label: "test"))
            .collect().first?.decode(Int.self)
        #expect(applied == PostgresDirectoryStore.migrationNames.count)
        try await connection.query(
            "INSERT INTO voldir_migration (name) VALUES ('v99: from the future')", logger: .init(label: "test"))
        try await connection.close()
        #expect(throws: PostgresStoreError.newerSchema(database, migration: "v99: from the future")) {
            try PostgresDirectoryStore(location: database)
        }
    }
}
