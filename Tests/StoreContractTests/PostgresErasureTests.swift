import Foundation
import PostgresNIO
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import VolunteerDirectoryPostgres

/// Erasure on PostgreSQL, read from the tables themselves: no row of a forgotten person is left in
/// any table that names volunteers, only the numbered journal entry a restore needs, and the
/// suppression holds keyed hashes, never the plain email or phone.
@Suite("PostgreSQL: erasure leaves no row of the person", .enabled(if: PostgresTestServer.location != nil))
struct PostgresErasureTests {
    @Test("forget and retention leave the person in no table but the erasure journal")
    func noRowLeft() throws {
        let directory = try StoreKind.postgres.make()
        defer { withExtendedLifetime(directory) {} }
        let store = try #require(directory.store as? PostgresDirectoryStore)
        try directory.importText("north.csv", ErasureContractTests.roster)
        try directory.importText(
            "ben.csv", "Name,Email,Phone,Organisation,Skills,Consent\nBen Bright,ben@example.org,,Ben's Own,Zorbing,yes"
        )
        let people = try store.notSeen(since: Date().addingTimeInterval(86_400))
        let ann = try #require(people.first { $0.name == "Ann Able" }).id
        let ben = try #require(people.first { $0.name == "Ben Bright" }).id

        let driving: PostgresQuery = "SELECT count(*) FROM skill_mapping WHERE key = 'driving'"
        #expect(try store.connections.withConnection { try $0.run(driving).first?.decode(Int64.self) } ?? 0 > 0)

        #expect(try store.forget(volunteer: ann, reason: "asked", actor: "admin") != nil)
        #expect(try store.eraseUnseen([ben], actor: "admin") == 1)

        try store.connections.withConnection { connection in
            // Every table with a volunteer_id column, as the schema stands (a table added later is
            // checked too).
            let tables = try connection.run(
                """
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name = 'volunteer_id' AND table_name <> 'erasure'
                ORDER BY table_name
                """
            ).map { try $0.decode(String.self) }
            #expect(tables.contains("volunteer_text") && tables.contains("listing") && tables.contains("placement"))
            for table in tables {
                let left = try connection.run(
                    "SELECT count(*) FROM \(unescaped: table) WHERE volunteer_id = ANY(\([ann, ben]))"
                ).first?.decode(Int64.self)
                #expect(left == 0, "\(table) still holds a row of an erased person")
            }
            let volunteers = try connection.run("SELECT count(*) FROM volunteer WHERE id = ANY(\([ann, ben]))")
                .first?.decode(Int64.self)
            #expect(volunteers == 0)
            // The journal numbers both erasures, in order, for a restore to re-apply.
            let journal = try connection.run("SELECT volunteer_id FROM erasure ORDER BY id").map {
                try $0.decode(Int64.self)
            }
            #expect(journal == [ann, ben])
            // The skills and sources that were theirs alone went with them.
            #expect(try connection.run(driving).first?.decode(Int64.self) == 0)
            #expect(try connection.run("SELECT count(*) FROM source").first?.decode(Int64.self) == 0)
            // Suppressions hold keyed hashes only.
            let hashes = try connection.run("SELECT hash FROM suppression_key ORDER BY hash").map {
                try $0.decode(String.self)
            }
            #expect(hashes.count == 2)
            #expect(hashes.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
        }
    }
}
