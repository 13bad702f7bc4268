import CSVImporter
import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import VolunteerDirectoryPostgres

/// The statements every web request makes are prepared once per connection (``PreparedText``).
@Suite("PostgreSQL: prepared statements", .enabled(if: PostgresTestServer.isAvailable))
struct PostgresPreparedStatementTests {
    static let query = VolunteerQuery(skills: ["first aid"])

    /// A fresh directory holding two people with first aid, and the store on it.
    static func directory() throws -> (store: PostgresDirectoryStore, database: PostgresLocation) {
        let database = try PostgresTestServer.freshDatabase()
        let store = try PostgresDirectoryStore(location: database, taxonomy: nil, access: .writing, catalogue: .shared)
        try importTwoFirstAiders(into: store)
        return (store, database)
    }

    /// Imports a roster of two people with first aid (whom ``query`` finds) into `store`.
    static func importTwoFirstAiders(into store: PostgresDirectoryStore) throws {
        let roster = FileManager.default.temporaryDirectory.appendingPathComponent("voldir-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: roster) }
        try Data(
            """
            Name,Email,Organisation,Skills,Languages,Consent
            Ada Okafor,ada@example.org,Able Network,First aid; Driving,Igbo; English,yes
            Bilal Khan,bilal@example.org,Able Network,First aid,Urdu,yes
            """.utf8
        ).write(to: roster)
        _ = try ImportService(store: store, registry: ImporterRegistry([CSVImporter.self]))
            .importFile(at: roster, request: ImportRequest())
    }

    /// The names of the statements prepared on the connection the pool hands out next (the one
    /// used last: the pool is last in, first out).
    static func prepared(in store: PostgresDirectoryStore) throws -> Set<String> {
        try store.connections.withConnection { connection in
            Set(try connection.run("SELECT name FROM pg_prepared_statements").map { try $0.decode(String.self) })
        }
    }

    @Test("a search leaves the state, the skill's mappings and the people's reads prepared")
    func searchPrepares() throws {
        let (store, database) = try Self.directory()
        defer { PostgresTestServer.drop(database, whenGone: store) }
        #expect(try store.search(Self.query).map(\.volunteer.name).sorted() == ["Ada Okafor", "Bilal Khan"])
        let names = try Self.prepared(in: store)
        #expect(
            names.isSuperset(of: [
                "voldir_state", "voldir_skill_mappings", "voldir_profiles_by_id", "voldir_details_by_id",
            ]))
    }

    @Test("a connection whose statements the server forgot costs one failed search, then is closed")
    func forgottenStatementsCloseTheConnection() throws {
        let (store, database) = try Self.directory()
        defer { PostgresTestServer.drop(database, whenGone: store) }
        let before = try store.search(Self.query)
        // What a pooler in transaction mode, or `DISCARD ALL`, does behind the client's back:
        // postgres-nio still believes the statements prepared on this connection.
        try store.connections.withConnection { connection in try connection.run("DEALLOCATE ALL") }
        var failures = 0
        var after: [VolunteerMatch] = []
        for _ in 0..<4 {
            do {
                after = try store.search(Self.query)
            } catch let error as PostgresStoreError {
                guard case .refused(_, let reason) = error else { throw error }
                #expect(reason.contains("26000"))
                failures += 1
            }
        }
        #expect(failures == 1)
        #expect(after == before)
    }
}
