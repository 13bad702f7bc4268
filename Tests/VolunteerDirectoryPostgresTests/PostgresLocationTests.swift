import Testing
import VolunteerDirectoryPostgres

@Suite("PostgreSQL --db URLs")
struct PostgresLocationTests {
    @Test("a full URL gives user, password, host, port, database and sslmode")
    func fullURL() throws {
        let location = try PostgresLocation(
            url: "postgres://voldir:s%40cret@db.internal:6543/partnership?sslmode=require")
        #expect(location.user == "voldir")
        #expect(location.password == "s@cret")
        #expect(location.host == "db.internal")
        #expect(location.port == 6543)
        #expect(location.database == "partnership")
        #expect(location.tls == .require)
    }

    @Test("postgresql:// too; the port defaults to 5432, the database to the user, sslmode to prefer")
    func defaults() throws {
        let location = try PostgresLocation(url: "postgresql://coordinator@10.0.0.5")
        #expect(location.port == 5432)
        #expect(location.database == "coordinator")
        #expect(location.tls == .prefer)
        #expect(location.password == nil)
        #expect(PostgresLocation.isURL("POSTGRES://a@b/c"))
        #expect(!PostgresLocation.isURL("voldir.sqlite"))
        #expect(!PostgresLocation.isURL("mysql://a@b/c"))
    }

    @Test(
        "a URL that cannot be used is refused with the reason, never the password",
        arguments: [
            ("postgres://voldir:hunter2@/voldir", "names no host"),
            ("postgres://:hunter2@db/voldir", "names no user"),
            ("postgres://voldir:hunter2@db/voldir?sslmode=sometimes", "sslmode 'sometimes' is not one of"),
            ("postgres://voldir:hunter2@db/voldir?pool=5", "does not understand the URL parameter 'pool'"),
        ])
    func refused(url: String, reason: String) throws {
        let error = try #require(throws: PostgresStoreError.self) { try PostgresLocation(url: url) }
        #expect(error.description.contains(reason))
        #expect(!error.description.contains("hunter2"))
    }

    @Test("what messages show names host, port and database, not the password")
    func shown() throws {
        let location = try PostgresLocation(url: "postgres://voldir:hunter2@db.internal:6543/partnership")
        #expect(location.description == "db.internal:6543/partnership")
        #expect(location.redactedURL == "postgres://voldir@db.internal:6543/partnership")
        for error: PostgresStoreError in [
            .unreachable(location, reason: "the connection was refused"), .badCredentials(location, user: "voldir"),
            .noDatabase(location), .noDirectory(location), .unsupportedServer(location, version: "13.4"),
            .connectionLost(location), .readOnly(location),
        ] {
            #expect(!error.description.contains("hunter2"))
            #expect(error.description.contains("db.internal"))
            #expect(error.description.contains("partnership"))
        }
    }
}
