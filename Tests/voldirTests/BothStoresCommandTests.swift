import Foundation
import Testing
import VolunteerDirectoryPostgres
import VolunteerDirectoryTestSupport

/// Every command works the same on either store: the package's samples imported into an SQLite
/// file and into a PostgreSQL database by the same commands, then each command's output compared
/// byte for byte. Runs when `VOLDIR_TEST_POSTGRES` names a server.
@Suite("voldir on SQLite and PostgreSQL", .enabled(if: PostgresTestServer.isAvailable))
struct BothStoresCommandTests {
    let cli: CommandLineTests

    init() throws {
        cli = try CommandLineTests()
    }

    /// The two `--db` values, each directory loaded with the samples in the same order.
    func loaded(_ body: (_ sqlite: String, _ postgres: String) throws -> Void) throws {
        let database = try PostgresTestServer.freshDatabase()
        defer { try? PostgresTestServer.drop(database) }
        let postgres = PostgresTestServer.url(of: database)
        let samples = cli.packageRoot.appendingPathComponent("Imports")
        let files = try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted()
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".tsv") || $0.hasSuffix(".xlsx") || $0.hasSuffix(".xml") }
        for file in files {
            let path = samples.appendingPathComponent(file).path
            let onSQLite = try cli.voldir("import", path, "--db", "voldir.sqlite", "--format", "json")
            let onPostgres = try cli.voldir("import", path, "--db", postgres, "--format", "json")
            #expect(onSQLite.status == onPostgres.status, "import \(file)")
            #expect(onSQLite.stderr == onPostgres.stderr, "import \(file)")
            #expect(
                Self.withoutTimes(onSQLite.stdout) == Self.withoutTimes(onPostgres.stdout), "import \(file)")
        }
        try body("voldir.sqlite", postgres)
    }

    /// An import report without the moments it was written at.
    static func withoutTimes(_ text: String) -> String {
        text.replacingOccurrences(
            of: #""(imported_?[aA]t|importedAt)" : "[^"]*""#, with: "\"importedAt\" : \"…\"",
            options: .regularExpression)
    }

    @Test("searches, volunteers, networks, needs, languages, skills and matching print the same on both")
    func sameOutput() throws {
        try loaded { sqlite, postgres in
            let commands: [[String]] = [
                ["search", "--skill", "first aid"],
                ["search", "--skill", "accountancy", "--format", "json"],
                ["search", "--language", "urdu", "--format", "json"],
                ["search", "--language", "ar", "--min-proficiency", "fluent", "--format", "csv"],
                ["search", "--skill", "interpreting", "--language", "pl", "--format", "json"],
                ["search", "--area", "SK4", "--format", "json"],
                ["search", "--available", "sat-morning", "--dbs", "enhanced", "--format", "json"],
                ["search", "--network", "Brinnington Mosque Welfare", "--limit", "5"],
                ["search", "--include-no-consent", "--limit", "500", "--format", "json"],
                ["show", "1", "--format", "json"],
                ["show", "7"],
                ["networks", "--format", "json"],
                ["networks"],
                ["needs", "--format", "json"],
                ["languages", "--format", "json"],
                ["languages"],
                ["skills", "--format", "json"],
                ["skills", "--unmapped"],
                ["match", "--format", "json"],
                ["match", "--format", "csv"],
                ["placements", "--format", "json"],
            ]
            for command in commands {
                let onSQLite = try cli.voldir(command + ["--db", sqlite])
                let onPostgres = try cli.voldir(command + ["--db", postgres])
                let shown = command.joined(separator: " ")
                #expect(onSQLite.status == onPostgres.status, "\(shown)")
                #expect(onSQLite.stdout == onPostgres.stdout, "\(shown)")
                #expect(onSQLite.stderr == onPostgres.stderr, "\(shown)")
            }
        }
    }

    @Test("free text finds the same people on both (its ranking is each engine's own)")
    func freeText() throws {
        try loaded { sqlite, postgres in
            for text in ["Lukasz", "accountant", "strasse", "welfare advice", "nobody-has-this-word"] {
                func people(_ db: String) throws -> Set<String> {
                    let result = try cli.voldir(
                        "search", "--text", text, "--format", "csv", "--limit", "500", "--db", db)
                    #expect(result.status == 0)
                    return Set(
                        result.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) })
                }
                let (onSQLite, onPostgres) = (try people(sqlite), try people(postgres))
                #expect(onSQLite == onPostgres, "--text \(text)")
            }
        }
    }

    @Test("a wrong password, host or database exits 1 naming host, port and database; never the password")
    func faults() throws {
        var server = try #require(PostgresTestServer.location)
        server.password = "wrong-\(UUID().uuidString.prefix(8))"
        let wrongPassword = try cli.voldir("search", "--skill", "first aid", "--db", PostgresTestServer.url(of: server))
        #expect(wrongPassword.status == 1)
        #expect(wrongPassword.stderr.contains("\(server.host):\(server.port)"))
        #expect(wrongPassword.stderr.contains("'\(server.database)'"))
        #expect(!wrongPassword.stderr.contains(server.password ?? "?"))
        #expect(!wrongPassword.stdout.contains(server.password ?? "?"))
        #expect(!wrongPassword.stderr.contains("PSQLError"))

        let missing = try cli.voldir("search", "--db", "postgres://nobody:secret-pw@127.0.0.1:1/voldir")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("127.0.0.1:1"))
        #expect(missing.stderr.contains("refused"))
        #expect(!missing.stderr.contains("secret-pw"))

        let unknown = try cli.voldir("search", "--db", "mysql://root@localhost/voldir")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("postgres://"))
    }
}
