import Foundation
import Testing
import VolunteerDirectoryTestSupport

/// `voldir copy`: a whole directory into a new one, the same afterwards in everything a command shows.
extension CommandLineTests {
    /// The samples imported into `voldir.sqlite`, someone forgotten, a need confirmed: every kind of row.
    func loadedDirectory() throws -> String {
        let samples = packageRoot.appendingPathComponent("Imports")
        let files = try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted()
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".tsv") || $0.hasSuffix(".xlsx") || $0.hasSuffix(".xml") }
            .map { samples.appendingPathComponent($0).path }
        #expect(try voldir(["import"] + files + ["--db", "voldir.sqlite"]).status != 1)
        #expect(
            try voldir("forget", "3", "--reason", "asked to be removed", "--yes", "--db", "voldir.sqlite").status == 0)
        #expect(try voldir("match", "--save", "--db", "voldir.sqlite").status == 0)
        return "voldir.sqlite"
    }

    /// What commands show of a directory, to compare two.
    func everythingShown(_ db: String) throws -> [String] {
        try [
            ["search", "--include-no-consent", "--limit", "500", "--format", "json"],
            ["show", "1", "--format", "json"],
            ["networks", "--format", "json"], ["needs", "--format", "json"], ["languages", "--format", "json"],
            ["skills", "--unmapped"], ["placements", "--format", "json"], ["dbs", "due"], ["settings"],
        ].map { command in try voldir(command + ["--db", db]).stdout }
    }

    @Test("copy moves a whole directory into a new file: the same in every view, the audit chain intact")
    func copyBetweenFiles() throws {
        let source = try loadedDirectory()
        let copied = try voldir("copy", "--from", source, "--to", "copy.sqlite")
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout.contains("volunteer"))
        #expect(try everythingShown(source) == everythingShown("copy.sqlite"))
        let verified = try voldir("audit", "verify", "--db", "copy.sqlite")
        #expect(verified.status == 0)
        #expect(verified.stdout.contains("intact"))
        // The copy is in both audit logs.
        #expect(try voldir("audit", "--db", "copy.sqlite").stdout.contains("copy"))

        // Never into a directory that holds something: nothing changes there.
        let again = try voldir("copy", "--from", source, "--to", "copy.sqlite")
        #expect(again.status == 1)
        #expect(again.stderr.contains("already holds data"))
        #expect(try everythingShown(source) == everythingShown("copy.sqlite"))
    }

    @Test(
        "copy to PostgreSQL and back: the same in every view, on PostgreSQL too",
        .enabled(if: PostgresTestServer.isAvailable))
    func copyThroughPostgres() throws {
        let source = try loadedDirectory()
        let database = try PostgresTestServer.freshDatabase()
        defer { try? PostgresTestServer.drop(database) }
        let postgres = PostgresTestServer.url(of: database)
        let there = try voldir("copy", "--from", source, "--to", postgres)
        #expect(there.status == 0, "\(there.stderr)")
        #expect(!there.stdout.contains(database.password ?? "?"))
        let back = try voldir("copy", "--from", postgres, "--to", "back.sqlite")
        #expect(back.status == 0, "\(back.stderr)")
        let shown = try everythingShown(source)
        #expect(try everythingShown(postgres) == shown)
        #expect(try everythingShown("back.sqlite") == shown)
        #expect(try voldir("audit", "verify", "--db", postgres).status == 0)
        #expect(try voldir("audit", "verify", "--db", "back.sqlite").status == 0)
    }
}
