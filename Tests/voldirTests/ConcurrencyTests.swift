import Foundation
import Testing
import VolunteerDirectoryTestSupport

/// Several `voldir` processes on one directory at once, as coordinators sharing it would run
/// them; and directories that cannot be written or do not exist.
@Suite("voldir with others at the same directory")
struct ConcurrencyTests {
    let cli: CommandLineTests

    init() throws {
        cli = try CommandLineTests()
    }

    /// A `voldir` process started and not yet waited for; its output goes to files, so that any
    /// number can run at once without filling a pipe.
    struct Running {
        let process: Process
        let output: URL
        let errors: URL

        func wait() throws -> CommandLineTests.Result {
            process.waitUntilExit()
            return CommandLineTests.Result(
                status: process.terminationStatus, stdout: try String(contentsOf: output, encoding: .utf8),
                stderr: try String(contentsOf: errors, encoding: .utf8))
        }
    }

    func start(_ arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = cli.folder
        var environment = ProcessInfo.processInfo.environment
        environment["VOLDIR_DB"] = nil
        process.environment = environment
        let name = UUID().uuidString
        let output = cli.folder.appendingPathComponent("\(name).out")
        let errors = cli.folder.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        return Running(process: process, output: output, errors: errors)
    }

    /// A roster of `count` distinct people whose emails start with `prefix`.
    func roster(_ name: String, prefix: String, count: Int) throws -> String {
        var text = "Name,Email,Languages,Consent\n"
        for index in 1...count { text += "Person \(prefix) \(index),\(prefix)\(index)@example.org,Polish,yes\n" }
        return try cli.write(name, text)
    }

    func everyone(_ database: String = "voldir.sqlite") throws -> [[String: Any]] {
        let result = try cli.voldir(
            "search", "--db", database, "--include-no-consent", "--limit", "10000", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try cli.json(result.stdout) as? [[String: Any]])
    }

    @Test("two imports of different rosters started together into a new directory both land in full")
    func twoImportsAtOnce() throws {
        // Sized so the first import holds the write lock well inside the second's 60 s wait even
        // on a loaded CI machine (3,000 each once took longer than that beside the PostgreSQL suites).
        let first = try roster("first.csv", prefix: "a", count: 1500)
        let second = try roster("second.csv", prefix: "b", count: 1500)
        let running = try [first, second].map { try start(["import", $0, "--network", $0]) }
        for result in try running.map({ try $0.wait() }) {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("1500 created"))
        }
        #expect(try everyone().count == 3000)
    }

    @Test("20 searches at once all succeed, with and without an import running")
    func manySearchesAtOnce() throws {
        let small = try roster("small.csv", prefix: "s", count: 50)
        #expect(try cli.voldir("import", small, "--network", "Small").status == 0)
        let arguments = ["search", "--language", "Polish", "--limit", "5", "--format", "json"]
        let expected = try cli.voldir(arguments)
        #expect(expected.status == 0)

        let alone = try (1...20).map { _ in try start(arguments) }
        for result in try alone.map({ try $0.wait() }) {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == expected.stdout)
        }

        let large = try roster("large.csv", prefix: "l", count: 3000)
        let importing = try start(["import", large, "--network", "Large"])
        let beside = try (1...20).map { _ in try start(arguments) }
        for result in try beside.map({ try $0.wait() }) {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try cli.json(result.stdout) is [[String: Any]])
        }
        let imported = try importing.wait()
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try everyone().count == 3050)
    }

    @Test(
        "a command that only reads, given a path with no directory, says so and creates nothing",
        arguments: [
            ["search"], ["show", "1"], ["networks"], ["needs"], ["languages"], ["skills"], ["skills", "--unmapped"],
            ["match"], ["placements"],
        ])
    func readingCommandsNeedADirectory(command: [String]) throws {
        let result = try cli.voldir(command + ["--db", "typo.sqlite"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no directory at 'typo.sqlite' (given by --db)"))
        #expect(result.stderr.contains("$VOLDIR_DB"))
        #expect(result.stderr.contains("./voldir.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("typo.sqlite").path))

        let fromEnvironment = try cli.voldir(command, environment: ["VOLDIR_DB": "typo-env.sqlite"])
        #expect(fromEnvironment.status == 1)
        #expect(fromEnvironment.stderr.contains("no directory at 'typo-env.sqlite' (from $VOLDIR_DB)"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("typo-env.sqlite").path))
    }

    @Test("commands that write create the directory on first use")
    func writingCommandsCreateIt() throws {
        let roster = try cli.write("r.csv", "Name,Consent\nAmina,yes\n")
        #expect(try cli.voldir("import", roster, "--network", "A", "--db", "new.sqlite").status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("new.sqlite").path))
        #expect(try cli.voldir("placements", "confirm", "1", "--db", "other.sqlite").status == 1)
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("other.sqlite").path))
    }

    @Test("searching a file nobody may write (chmod 444) works and leaves its bytes as they were")
    func searchingAReadOnlyFile() throws {
        let file = URL(fileURLWithPath: try cli.directoryWithAmina(in: cli.folder))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        let before = try Data(contentsOf: file)
        for command in [["search", "--language", "Urdu"], ["networks"], ["languages"], ["match"]] {
            let result = try cli.voldir(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        #expect(try cli.voldir("search", "--language", "Urdu").stdout.contains("Amina Rahman"))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test(
        "a directory on a read-only mount is searched; an import there says it cannot be written",
        .enabled(if: ScratchMount.isAllowed, "skipped: mounting a tmpfs needs root"))
    func readOnlyMount() throws {
        let mount = try ScratchMount(size: "4m")
        let database = try cli.directoryWithAmina(in: mount.folder)
        try mount.makeReadOnly()

        let found = try cli.voldir("search", "--language", "Urdu", "--db", database)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("Amina Rahman"))
        for command in [["networks"], ["languages"], ["skills"], ["match"], ["placements"], ["show", "1"]] {
            let result = try cli.voldir(command + ["--db", database])
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }

        let other = try cli.write("o.csv", "Name,Consent\nGrace,yes\n")
        let refused = try cli.voldir("import", other, "--network", "A", "--db", database)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("cannot be written here"))
    }
}

extension CommandLineTests {
    /// A directory in `folder` made by `voldir import`, holding Amina Rahman, who speaks Urdu.
    func directoryWithAmina(in folder: URL) throws -> String {
        let database = folder.appendingPathComponent("voldir.sqlite").path
        let roster = try write("amina.csv", "Name,Email,Languages,Consent\nAmina Rahman,amina@example.org,Urdu,yes\n")
        let imported = try voldir("import", roster, "--network", "A", "--db", database)
        #expect(imported.status == 0, "\(imported.stderr)")
        return database
    }
}
