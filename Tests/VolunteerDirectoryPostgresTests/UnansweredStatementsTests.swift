import Testing
import VolunteerDirectoryTestSupport

@testable import VolunteerDirectoryPostgres

/// What a connection keeps of the statements it has answered: nothing.
@Suite("PostgreSQL: unanswered statements", .enabled(if: PostgresTestServer.isAvailable))
struct UnansweredStatementsTests {
    @Test("a pooled connection keeps nothing of the statements it answered, and fails those it cannot")
    func answeredStatementsAreForgotten() throws {
        let database = try PostgresTestServer.freshDatabase()
        defer { try? PostgresTestServer.drop(database) }
        let connections = try PostgresConnections(location: database)
        for number in 0..<200 {
            // Each answer about 80 KB: kept once per statement, they would add up to megabytes.
            try connections.withConnection { connection in
                let rows = try connection.run("SELECT repeat('x', 80000), \(number)")
                #expect(rows.count == 1)
                #expect(UnansweredStatements.shared.count(on: connection) == 0)
            }
        }
        // A statement on a connection that has closed is answered with the failure at once.
        try connections.withConnection { connection in
            try connection.close().wait()
            #expect(throws: ConnectionClosed.self) { try connection.run("SELECT 1") }
        }
        connections.closeIdle()
    }
}
