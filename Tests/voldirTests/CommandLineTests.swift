import Foundation
import Testing
import VolunteerDirectoryTestSupport

/// The built `voldir` binary, run as a coordinator or a script would: exit codes, stdout data,
/// stderr messages.
@Suite("voldir command line")
struct CommandLineTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the run passed its deadline and was stopped.
        var timedOut = false
    }

    /// The test's own folder, removed when the test ends.
    let temporary: TemporaryFolder
    var folder: URL { temporary.url }
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    init() throws {
        temporary = try TemporaryFolder(prefix: "voldir-cli")
    }

    static var binary: URL {
        // The test bundle sits in the build products folder, beside the voldir executable.
        var url = Bundle.main.bundleURL
        if url.pathExtension == "xctest" { url.deleteLastPathComponent() }
        let candidate = url.appendingPathComponent("voldir")
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "voldir")
    }

    func voldir(_ arguments: String..., environment: [String: String] = [:], deadline: TimeInterval = 300) throws
        -> Result
    {
        try voldir(arguments, environment: environment, deadline: deadline)
    }

    /// Runs `voldir` in the test's folder, stopping it after `deadline` seconds so that a command
    /// that would hang fails its test instead. Output goes to files, so however much a command
    /// writes to either stream it never blocks on a full pipe.
    func voldir(
        _ arguments: [String], environment: [String: String] = [:], input: String? = nil, deadline: TimeInterval = 300
    ) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["VOLDIR_DB"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = folder.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let err = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        if let input {
            let inputFile = folder.appendingPathComponent(".stdin-\(UUID().uuidString)")
            try Data(input.utf8).write(to: inputFile)
            process.standardInput = try FileHandle(forReadingFrom: inputFile)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        let timedOut = finished.wait(timeout: .now() + deadline) == .timedOut
        if timedOut {
            process.terminate()
            finished.wait()
        }
        return Result(
            status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self), timedOut: timedOut)
    }

    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return name
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test("import exit codes: 0 all imported, 2 some rejected, 1 nothing written")
    func exitCodes() throws {
        let good = try write("good.csv", "Name,Email,Consent\nAmina,amina@example.org,yes\n")
        let mixed = try write("mixed.csv", "Name,Email,Consent\nTariq,tariq@example.org,yes\n,nobody@example.org,yes\n")
        let broken = try write("broken.csv", "Name,Notes\nGrace,\"never closed\n")
        #expect(try voldir("import", good, "--network", "A").status == 0)
        let partial = try voldir("import", mixed, "--network", "A", "--format", "json")
        #expect(partial.status == 2)
        let report = try #require(try json(partial.stdout) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.first?["file"] as? String == "mixed.csv")
        #expect(files.first?["plugin"] as? String == "csv")
        #expect(files.first?["created"] as? Int == 1)
        let rejected = try #require(files.first?["rejected"] as? [[String: Any]])
        #expect(rejected.first?["line"] as? Int == 3)
        #expect(rejected.first?["reason"] as? String == "no name")
        let failed = try voldir("import", broken)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("broken.csv:2:"))
        #expect(try voldir("import", "strict.csv", "--strict").status == 1)
        let strict = try write("strict.csv", "Name,Consent\nX,maybe\n")
        #expect(try voldir("import", strict, "--strict").status == 1)
        #expect(try voldir("import", "no-such-file.csv").status == 1)
    }

    @Test("import with no file reads the imports folder once; search, show, networks and needs print data")
    func endToEnd() throws {
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Imports"), withIntermediateDirectories: true)
        _ = try write(
            "Imports/roster.csv",
            "Name,Email,Network,Skills,Languages,Consent\nAmina Rahman,amina@example.org,SREP,Accountancy (professional),Urdu (native); pa-Arab,yes\n"
        )
        _ = try write(
            "Imports/needs.csv", "ID,Partner,Title,Required Skills,Places\nN-1,Council,Money advice,Accountancy,2\n")
        #expect(try voldir("import").status == 0)
        let again = try voldir("import")
        #expect(again.status == 0)
        #expect(again.stderr.contains("Nothing new"))

        let found = try voldir("search", "--language", "Panjabi", "--skill", "accountancy", "--format", "json")
        #expect(found.status == 0)
        let volunteers = try #require(try json(found.stdout) as? [[String: Any]])
        #expect(volunteers.count == 1)
        let amina = try #require(volunteers.first)
        #expect(amina["name"] as? String == "Amina Rahman")
        #expect(amina["email"] as? String == "amina@example.org")
        #expect(amina["networks"] as? [String] == ["SREP"])
        #expect((amina["skills"] as? [[String: Any]])?.first?["level"] as? String == "professional")
        let languages = try #require(amina["languages"] as? [[String: Any]])
        #expect(languages.map { $0["code"] as? String } == ["urd", "pan"])
        #expect(languages.first?["proficiency"] as? String == "native")
        #expect(languages.first?["interprets"] as? Bool == false)

        let id = try #require(amina["id"] as? Int)
        let shown = try voldir("show", String(id))
        #expect(shown.stdout.contains("Accountancy (professional)"))
        #expect(try voldir("show", "9999").status == 1)

        let needs = try #require(try json(try voldir("needs", "--format", "json").stdout) as? [[String: Any]])
        #expect(needs.first?["id"] as? String == "N-1")
        #expect(needs.first?["places"] as? Int == 2)
        #expect(needs.first?["partner"] as? String == "Council")

        let networksCSV = try voldir("networks", "--format", "csv")
        #expect(networksCSV.stdout.hasPrefix("id,external_id,name,kind,areas,members\r\n"))
        #expect(try voldir("plugins").stdout.contains("csv"))
    }

    @Test("CSV output neutralises formulas that came in through a roster")
    func csvOutputIsSafe() throws {
        let roster = try write("r.csv", "Name,Email,Consent\n=HYPERLINK(\"http://evil\"),x@example.org,yes\n")
        #expect(try voldir("import", roster, "--network", "A").status == 0)
        let csv = try voldir("search", "--format", "csv")
        #expect(csv.stdout.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""))
        #expect(!csv.stdout.contains(",=HYPERLINK"))
    }

    @Test("--db and $VOLDIR_DB choose the database")
    func databaseChoice() throws {
        let roster = try write("r.csv", "Name,Consent\nAmina,yes\n")
        #expect(try voldir("import", roster, "--network", "A", environment: ["VOLDIR_DB": "env.sqlite"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("env.sqlite").path))
        #expect(try voldir("import", roster, "--network", "A", "--db", "flag.sqlite").status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("flag.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("voldir.sqlite").path))
    }

    @Test("--dry-run writes nothing; bad arguments fail with usage help")
    func dryRunAndValidation() throws {
        let roster = try write("r.csv", "Name,Consent\nAmina,yes\n")
        let dry = try voldir("import", roster, "--network", "A", "--dry-run")
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("would import: 1 created"))
        #expect(try voldir("search", "--format", "json").stdout == "[]\n")
        #expect(try voldir("search", "--available", "when pigs fly").status == 64)
        #expect(try voldir("import", roster, "--map", "nonsense").status == 64)
    }

    @Test("the demo runs on the bundled samples")
    func demo() throws {
        let result = try voldir("demo", "--folder", packageRoot.appendingPathComponent("Imports").path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Zoë Nowak"))
        #expect(result.stdout.contains("One person in 3 networks"))
        #expect(result.stdout.contains("# Matching report"))
        #expect(result.stdout.contains("## Skilled volunteers not placed anywhere"))
    }
}

@Suite("voldir match")
struct MatchCommandTests {
    let cli: CommandLineTests

    init() throws {
        cli = try CommandLineTests()
    }

    @Test("match prints the documented JSON, saves proposals, and confirmed placements count next time")
    func matchAndPlacements() throws {
        let roster = try cli.write(
            "r.csv",
            "Name,Email,Skills,Languages,Availability,DBS,Consent\nZoe,zoe@example.org,Teaching (professional),Polish (native),any,enhanced,yes\nJan,jan@example.org,Teaching,Polish (fluent),any,enhanced,yes\n"
        )
        let needs = try cli.write(
            "n.csv",
            "ID,Partner,Title,Required Skills,Required Languages,Places,DBS\nN-1,Schools,Reading,Teaching,Polish (fluent),1,enhanced\nN-2,Schools,Homework club,Teaching,,1,\n"
        )
        #expect(try cli.voldir("import", roster, "--network", "A").status == 0)
        #expect(try cli.voldir("import", needs).status == 0)

        let json = try cli.voldir("match", "--format", "json", "--save")
        #expect(json.status == 0)
        let object = try #require(try cli.json(json.stdout) as? [String: Any])
        let assignments = try #require(object["assignments"] as? [[String: Any]])
        #expect(assignments.map { $0["need"] as? String } == ["N-1", "N-2"])
        #expect(assignments.first?["volunteer"] as? Int == 1)
        #expect((assignments.first?["reasons"] as? [String])?.first == "speaks Polish (native) — required")
        #expect((object["candidates"] as? [[String: Any]])?.count == 4)
        #expect((object["unfilled"] as? [Any])?.isEmpty == true)
        #expect(object["totalScore"] is Double)

        let placements = try #require(
            try cli.json(try cli.voldir("placements", "--format", "json").stdout) as? [[String: Any]])
        #expect(placements.count == 2)
        let zoe = try #require(placements.first { $0["volunteer"] as? Int == 1 })
        let id = try #require(zoe["id"] as? Int)
        #expect(try cli.voldir("placements", "confirm", String(id)).status == 0)
        #expect(try cli.voldir("placements", "confirm", "999").status == 1)

        // Zoe is placed on N-1: with one need each, only Jan is left for N-2.
        let again = try #require(
            try cli.json(try cli.voldir("match", "--need", "N-2", "--format", "json").stdout) as? [String: Any])
        #expect((again["assignments"] as? [[String: Any]])?.map { $0["volunteer"] as? Int } == [2])
        #expect(try cli.voldir("match", "--need", "NOPE").status != 0)

        // N-1's one place is Zoe's: Jan's placement, moved to it by a merge, cannot be confirmed too.
        #expect(try cli.voldir("needs", "merge", "N-1", "N-2").status == 0)
        let moved = try #require(
            try cli.json(try cli.voldir("placements", "--format", "json").stdout) as? [[String: Any]])
        let jan = try #require(moved.first { $0["volunteer"] as? Int == 2 }?["id"] as? Int)
        let refused = try cli.voldir("placements", "confirm", String(jan))
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("need 'N-1' already has all 1 of its place(s) confirmed"))
    }

    @Test("every report format writes to a file")
    func formats() throws {
        let roster = try cli.write("r.csv", "Name,Skills,Consent\nZoe,Teaching,yes\n")
        let needs = try cli.write(
            "n.csv",
            "ID,Partner,Title,Required Skills,Required Languages,Places\nN-1,Schools,Reading,Teaching,Tigrinya,2\n")
        #expect(try cli.voldir("import", roster, "--network", "A").status == 0)
        #expect(try cli.voldir("import", needs).status == 0)
        for format in ["html", "md", "csv", "json"] {
            #expect(try cli.voldir("match", "--format", format, "--output", "report.\(format)").status == 0)
            let text = try String(contentsOf: cli.folder.appendingPathComponent("report.\(format)"), encoding: .utf8)
            #expect(text.contains("N-1"))
        }
        let markdown = try String(contentsOf: cli.folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("no volunteer who may be contacted speaks Tigrinya"))
    }
}
