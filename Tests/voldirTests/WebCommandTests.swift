import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `voldir users` and `voldir serve` as an administrator runs them, and `--db` values this
/// voldir cannot open.
extension CommandLineTests {
    @Test("users add, list and remove; the password only from standard input, never an argument")
    func usersCommand() throws {
        let added = try voldir(
            ["users", "add", "amina", "--role", "admin", "--password-stdin", "--db", "d.sqlite"],
            input: "a long enough password\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(!added.stdout.contains("a long enough password"))
        let partner = try voldir(
            [
                "users", "add", "hospital", "--role", "partner", "--partner", "Stepping Hill Hospital", "--db",
                "d.sqlite",
            ])
        #expect(partner.status == 0)
        #expect(partner.stdout.contains("with the password "))
        let listed = try voldir("users", "list", "--format", "json", "--db", "d.sqlite")
        let rows = try #require(try json(listed.stdout) as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["amina", "hospital"])
        #expect(rows.last?["partner"] as? String == "Stepping Hill Hospital")
        #expect(!listed.stdout.contains("$2"), "a password hash was printed")

        let noOrganisation = try voldir("users", "add", "school", "--role", "partner", "--db", "d.sqlite")
        #expect(noOrganisation.status != 0)
        #expect(noOrganisation.stderr.contains("needs its organisation"))
        let short = try voldir(
            ["users", "add", "bob", "--role", "coordinator", "--password-stdin", "--db", "d.sqlite"], input: "short\n")
        #expect(short.status != 0)
        #expect(short.stderr.contains("at least 12 characters"))
        let taken = try voldir(
            ["users", "add", "AMINA", "--role", "coordinator", "--password-stdin", "--db", "d.sqlite"],
            input: "another long password\n")
        #expect(taken.stderr.contains("already an account named"))

        #expect(try voldir("users", "remove", "hospital", "--db", "d.sqlite").status == 0)
        #expect(try voldir("users", "remove", "hospital", "--db", "d.sqlite").status != 0)
        let audit = try voldir("audit", "--db", "d.sqlite")
        #expect(audit.stdout.contains("users add"))
        #expect(audit.stdout.contains("users remove"))
    }

    @Test("a --db URL is a server to reach, never a file named postgres: or mysql:")
    func databaseURLs() throws {
        let unreachable = try voldir(
            "search", "--language", "Polish", "--db", "postgres://u:secret@db.invalid:5432/voldir")
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.contains("db.invalid:5432 (database 'voldir')"))
        #expect(!unreachable.stderr.contains("secret"))
        let unknown = try voldir("search", "--language", "Polish", "--db", "mysql://u:secret@db.invalid/voldir")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("SQLite files or PostgreSQL databases"))
        #expect(!unknown.stderr.contains("secret"))
        for scheme in ["postgres:", "mysql:"] {
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(scheme).path))
        }
    }

    @Test("serve --demo serves the sign-in page, prints a first admin's password, and deletes its directory at the end")
    func serveDemo() async throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--demo", "--port", "0"]
        process.currentDirectoryURL = packageRoot
        let out = folder.appendingPathComponent("serve.out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        try process.run()
        var stopped = false
        defer {
            if !stopped {
                process.interrupt()
                process.waitUntilExit()
            }
        }
        var printed = ""
        for _ in 0..<600 where !printed.contains("Press Ctrl-C") {
            try await Task.sleep(for: .milliseconds(100))
            printed = String(decoding: try Data(contentsOf: out), as: UTF8.self)
        }
        #expect(printed.contains("First admin: admin, one-time password: "))
        let address = try #require(
            printed.split(separator: "\n").first { $0.hasPrefix("voldir serve: ") }?.split(separator: " ")[2])
        let (body, response) = try await URLSession.shared.data(from: try #require(URL(string: "\(address)login")))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self).contains("id=\"sign-in\""))
        let database = try #require(printed.firstRange(of: "(directory: ").map { printed[$0.upperBound...] })
            .prefix { $0 != ")" }
        #expect(FileManager.default.fileExists(atPath: String(database)))
        process.interrupt()
        process.waitUntilExit()
        stopped = true
        #expect(
            !FileManager.default.fileExists(
                atPath: URL(fileURLWithPath: String(database)).deletingLastPathComponent().path))
    }
}
