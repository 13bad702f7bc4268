import ExternalImporters
import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

/// External importer plugins (protocol 1), driven by small shell-script plugins written into a
/// temporary folder: discovery, describing, reading, and every way a plugin can fail.
@Suite("External importer plugins")
struct ExternalImporterTests {
    /// The test's own folder, removed when the test ends.
    let temporary: TemporaryFolder
    var folder: URL { temporary.url }

    init() throws {
        temporary = try TemporaryFolder(prefix: "voldir-plugins")
    }

    /// Writes an executable `voldir-import-NAME` shell script into `subfolder`; `describe` is its
    /// `--describe` answer, `recognise` its `--recognise` one, `body` what it does when reading.
    @discardableResult
    func plugin(
        _ name: String, in subfolder: String = "bin", describe: String? = nil, recognise: String = "no", body: String
    ) throws -> URL {
        let directory = folder.appendingPathComponent(subfolder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let description =
            describe
            ?? #"{"protocol": 1, "identifier": "\#(name)", "summary": "Test \#(name)", "extensions": ["tst"], "version": "0.1"}"#
        let script = """
            #!/bin/sh
            if [ "$1" = "--describe" ]; then echo '\(description)'; exit 0; fi
            if [ "$1" = "--recognise" ]; then echo \(recognise); exit 0; fi
            \(body)
            """
        let url = directory.appendingPathComponent("voldir-import-\(name)")
        try Data(script.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }

    func registry(questionTimeLimit: Duration = .seconds(5)) -> ImporterRegistry {
        let found = ExternalImporterDiscovery(
            folders: [folder.appendingPathComponent("bin").path], questionTimeLimit: questionTimeLimit
        )
        .discover()
        return ImporterRegistry([], external: found.usable, unusable: found.unusable)
    }

    static let twoVolunteers = #"""
        echo '{"type": "volunteer", "id": "A1", "line": 2, "name": "Zoë Nowak", "email": "zoe@example.org", "languages": [{"language": "pl", "proficiency": "native"}], "skills": [{"name": "Teaching", "level": "professional", "qualified_in": "PL"}], "consent": {"contact": true, "share": "partners"}, "networks": [{"network": "Stockport Polish Community", "role": "member"}]}'
        echo '{"type": "volunteer", "id": "A2", "line": 3, "name": "Hodan Abdi", "phone": "07700 900456", "availability": [{"day": "tue", "part": "evening"}], "dbs": {"level": "enhanced", "issued": "2024-01-12"}, "consent": {"contact": "yes"}}'
        """#

    // MARK: - Discovery

    @Test("the first folder that has a NAME wins, and names that break the rules are passed over")
    func discoveryOrder() throws {
        try plugin("tst", in: "first", body: "exit 0")
        try plugin("tst", in: "second", body: "exit 0")
        try plugin("other", in: "second", body: "exit 0")
        try plugin("Bad_Name", in: "first", body: "exit 0")
        let notExecutable = folder.appendingPathComponent("first/voldir-import-quiet")
        try Data("#!/bin/sh\n".utf8).write(to: notExecutable)
        let discovery = ExternalImporterDiscovery(
            environment: [
                "VOLDIR_PLUGIN_PATH": folder.appendingPathComponent("first").path,
                "PATH": folder.appendingPathComponent("second").path,
            ],
            importsFolder: folder.appendingPathComponent("Imports"))
        let found = discovery.discover()
        #expect(found.usable.map(\.identifier) == ["tst", "other"])
        #expect(found.usable.first?.path == folder.appendingPathComponent("first/voldir-import-tst").path)
        #expect(found.unusable.isEmpty)
        #expect(discovery.folders[1] == folder.appendingPathComponent("Plugins/bin").path)
    }

    @Test(
        "a plugin that does not describe itself truthfully as protocol 1 is unusable, with the reason",
        arguments: [
            (#"{"protocol": 2, "identifier": "liar", "summary": "x"}"#, "protocol 2"),
            (#"{"protocol": 1, "identifier": "csv", "summary": "x"}"#, "describes itself as 'csv'"),
            (#"{"protocol": 1, "identifier": "liar"}"#, "no \"summary\""),
            ("not json at all", "not one JSON object"),
        ])
    func dishonestDescriptions(describe: String, reason: String) throws {
        try plugin("liar", describe: describe, body: "exit 0")
        let registry = registry()
        #expect(registry.plugins.isEmpty)
        let unusable = try #require(registry.unusable.first)
        #expect(unusable.name == "liar")
        #expect(unusable.reason.contains(reason))
        #expect(throws: ImportError.self) { try registry.importer(id: "liar") }
    }

    @Test("a plugin that does not answer --describe in time is unusable")
    func silentDescription() throws {
        let script = try plugin("slow", body: "exit 0")
        try Data("#!/bin/sh\nsleep 30\n".utf8).write(to: script)
        let registry = registry(questionTimeLimit: .milliseconds(500))
        #expect(registry.plugins.isEmpty)
        #expect(registry.unusable.first?.reason.contains("time limit") == true)
    }

    @Test("an external plugin cannot take a built-in plugin's name")
    func builtInNamesAreReserved() throws {
        try plugin("tst", body: "exit 0")
        let found = ExternalImporterDiscovery(folders: [folder.appendingPathComponent("bin").path]).discover()
        let registry = ImporterRegistry([ReservedName.self], external: found.usable, unusable: found.unusable)
        #expect(registry.identifiers == ["tst"])
        #expect(registry.plugins.first?.location == nil)
        #expect(registry.unusable.first?.reason.contains("built-in") == true)
    }

    // MARK: - Recognising and reading

    @Test("the most certain plugin wins, asked about the file itself")
    func recognition() throws {
        try plugin("maybe", recognise: "possible", body: "exit 0")
        try plugin("sure", recognise: "certain", body: "exit 0")
        let directory = try TestDirectory(registry: registry())
        let file = try directory.file("contacts.tst", "anything")
        let sample = ImportSample(fileName: "contacts.tst", head: [], url: file)
        #expect(try directory.service.registry.importer(for: sample).identifier == "sure")
    }

    @Test("records a plugin prints are imported like a built-in plugin's, with its messages passed on")
    func importsRecords() throws {
        try plugin(
            "tst", recognise: "certain",
            body: "echo 'reading the file' >&2\necho 'progress 7' >&2\n" + Self.twoVolunteers)
        let directory = try TestDirectory(registry: registry())
        let file = try directory.file("people.tst", "7 bytes")
        let messages = MessageCollector()
        let report = try directory.service.importFile(at: file, request: ImportRequest(), message: { messages.add($0) })
        #expect(report.plugin == "tst")
        #expect(report.counts.created == 2)
        #expect(report.rejected.isEmpty)
        #expect(messages.all == ["tst: reading the file"])
        let everyone = try directory.everyone()
        let zoe = try #require(everyone.first { $0.name == "Zoë Nowak" })
        #expect(zoe.languages.first?.language.code == "pol")
        #expect(zoe.languages.first?.proficiency == .native)
        #expect(zoe.skills.first?.qualifiedIn == "PL")
        #expect(zoe.memberships.map(\.networkName) == ["Stockport Polish Community"])
        let hodan = try #require(everyone.first { $0.name == "Hodan Abdi" })
        #expect(hodan.dbs?.level == .enhanced)
        #expect(hodan.availability == [Slot(day: .tue, part: .evening)])

        // The same file again changes nothing; the same records again are unchanged.
        #expect(try directory.service.importFile(at: file, request: ImportRequest()).counts.created == 0)
    }

    @Test("garbage lines are rejected with the plugin's output line number; the rest import")
    func garbage() throws {
        try plugin(
            "tst",
            body: Self.twoVolunteers + """

                echo 'this is not JSON'
                echo '[1, 2]'
                echo '{"type": "spaceship"}'
                echo '{"type": "volunteer", "line": 40, "name": "X", "skills": "Teaching"}'
                echo '{"type": "volunteer", "line": 41}'
                echo '{"type": "rejected", "line": 9, "reason": "no name"}'
                echo '{"type": "warning", "line": 10, "message": "unknown column Shoe size ignored"}'
                """)
        let directory = try TestDirectory(registry: registry())
        let report = try directory.service.importFile(
            at: try directory.file("people.tst", "x"), request: ImportRequest(plugin: "tst"))
        #expect(report.counts.created == 2)
        #expect(report.rejected.map(\.location.line) == [3, 4, 5, 40, 41, 9])
        #expect(report.rejected[0].reason == "plugin output line 3 is not a JSON object")
        #expect(report.rejected[2].reason.contains("unknown record type 'spaceship'"))
        #expect(report.rejected[3].reason.contains("\"skills\" should be a list"))
        #expect(report.rejected[4].reason.contains("no name"))
        #expect(
            report.warnings.contains { $0.message == "unknown column Shoe size ignored" && $0.location?.line == 10 })
        #expect(throws: ImportError.self) {
            try directory.service.importFile(
                at: try directory.file("again.tst", "y"), request: ImportRequest(plugin: "tst", strict: true))
        }
    }

    @Test("a plugin that exits non-zero half-way writes nothing, and the error carries its last messages")
    func failsHalfWay() throws {
        try plugin("tst", body: Self.twoVolunteers + "\necho 'the file ends too soon' >&2\nexit 1")
        let directory = try TestDirectory(registry: registry())
        let error = try #require(throws: ImportError.self) {
            try directory.service.importFile(
                at: try directory.file("people.tst", "x"), request: ImportRequest(plugin: "tst"))
        }
        #expect(error.description.contains("exited with status 1"))
        #expect(error.description.contains("tst: the file ends too soon"))
        #expect(error.description.contains("nothing was imported"))
        #expect(try directory.everyone().isEmpty)
        #expect(try directory.store.batches().isEmpty)
    }

    @Test("a plugin that hangs is stopped at the time limit, with whatever it started, and writes nothing")
    func hangs() throws {
        let started = folder.appendingPathComponent("child.pid")
        try plugin("tst", body: Self.twoVolunteers + "\nsleep 120 &\necho $! > '\(started.path)'\nwait")
        let directory = try TestDirectory(registry: registry())
        var options = ImportOptions()
        options.pluginTimeout = .seconds(1)
        let error = try #require(throws: ImportError.self) {
            try directory.service.importFile(
                at: try directory.file("people.tst", "x"), request: ImportRequest(options: options, plugin: "tst"))
        }
        #expect(error.description.contains("time limit of 1 s"))
        #expect(try directory.everyone().isEmpty)
        let child = try #require(
            Int32(
                String(decoding: try Data(contentsOf: started), as: UTF8.self).trimmingCharacters(
                    in: .whitespacesAndNewlines)))
        var stopped = false
        for _ in 0..<50 where !stopped {
            stopped = kill(child, 0) != 0
            if !stopped { usleep(100_000) }
        }
        #expect(stopped, "the plugin's own child process was left running")
    }

    @Test("a record line over 16 MiB fails the file")
    func lineTooLong() throws {
        try plugin("tst", body: Self.twoVolunteers + "\nhead -c 17000000 /dev/zero | tr '\\\\0' a\necho")
        let directory = try TestDirectory(registry: registry())
        let error = try #require(throws: ImportError.self) {
            try directory.service.importFile(
                at: try directory.file("people.tst", "x"), request: ImportRequest(plugin: "tst"))
        }
        #expect(error.description.contains("longer than 16 MiB"))
        #expect(try directory.everyone().isEmpty)
    }

    @Test("the plugin runs in the file's folder with standard input closed, and unknown options go to it last")
    func environmentOfARun() throws {
        let seen = folder.appendingPathComponent("seen.txt")
        try plugin(
            "tst",
            body:
                "pwd > '\(seen.path)'\necho \"$@\" >> '\(seen.path)'\ncat >> '\(seen.path)'\necho end >> '\(seen.path)'"
        )
        let directory = try TestDirectory(registry: registry())
        let file = try directory.file("people.tst", "x")
        _ = try directory.service.importFile(
            at: file,
            request: ImportRequest(
                options: ImportOptions(network: "Brinnington Mosque Welfare", kind: .volunteers), plugin: "tst"))
        let lines = String(decoding: try Data(contentsOf: seen), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(
            URL(fileURLWithPath: lines[0]).resolvingSymlinksInPath().path
                == directory.folder.resolvingSymlinksInPath().path)
        #expect(lines[1] == "--network Brinnington Mosque Welfare --kind volunteers \(file.standardizedFileURL.path)")
        #expect(lines[2] == "end")
    }
}

/// A built-in plugin type whose identifier an external plugin may not take.
struct ReservedName: DirectoryImporter {
    static let identifier = "tst"
    static let summary = "A built-in test plugin"
    static let fileExtensions: Set<String> = ["tst"]
    static func recognises(_ sample: ImportSample) -> Recognition { .no }
    init() {}
    func read(_ input: ImportInput, options: ImportOptions, into sink: any ImportSink) throws {}
}

/// Messages a plugin passed on, collected from whichever thread they arrive on.
final class MessageCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func add(_ message: String) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return messages
    }
}
