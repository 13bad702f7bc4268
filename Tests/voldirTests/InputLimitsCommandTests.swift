import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a coordinator sees when a path is not a file, a file is far too large, or warnings repeat
/// by the thousand. Every run has a deadline, so a command that would hang fails the test instead.
extension CommandLineTests {
    @Test("a named pipe is refused at once, saying what it is, rather than waited on for ever")
    func fifo() throws {
        let path = folder.appendingPathComponent("roster.csv").path
        try #require(mkfifo(path, 0o600) == 0)
        let result = try voldir("import", "roster.csv", "--db", "d.sqlite", deadline: 60)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        #expect(result.stderr.contains("roster.csv: cannot be read: it is a named pipe (FIFO), not a file"))
    }

    @Test("a named pipe in the imports folder is named, not waited on")
    func fifoInFolder() throws {
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Imports"), withIntermediateDirectories: true)
        try #require(mkfifo(folder.appendingPathComponent("Imports/feed.xml").path, 0o600) == 0)
        let result = try voldir("import", "--db", "d.sqlite", deadline: 60)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Imports/feed.xml: cannot be read: it is a named pipe (FIFO)"))
    }

    @Test("a folder given as a file is called a folder")
    func folderAsFile() throws {
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("rosters"), withIntermediateDirectories: true)
        let result = try voldir("import", "rosters", "--db", "d.sqlite")
        #expect(result.status == 1)
        #expect(result.stderr.contains("rosters: cannot be read: it is a folder, not a file"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        let validate = try voldir("validate", "rosters")
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("it is a folder, not a file"))
    }

    @Test("a symbolic link that loops is called one, for import, validate and --taxonomy")
    func symlinkLoop() throws {
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("loop.csv").path, withDestinationPath: "loop.csv")
        let result = try voldir("import", "loop.csv", "--db", "d.sqlite")
        #expect(result.status == 1)
        #expect(result.stderr.contains("loop.csv: cannot be read: it is a symbolic link that loops"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        let validate = try voldir("validate", "loop.csv")
        #expect(validate.stderr.contains("it is a symbolic link that loops"))
        let skills = try voldir("skills", "accountancy", "--taxonomy", "loop.csv")
        #expect(skills.status != 0)
        #expect(skills.stderr.contains("loop.csv: it is a symbolic link that loops"))
    }

    @Test("a 10,000-column roster prints one line about its unknown columns")
    func tenThousandColumns() throws {
        let header = "Name,Email,Consent," + (1...10_000).map { "Extra \($0)" }.joined(separator: ",")
        let roster = try write("wide.csv", header + "\nAda,ada@example.org,yes\n")
        let result = try voldir("import", roster, "--db", "d.sqlite", "--network", "A")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").filter { $0.contains("Extra") }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("10,000 columns are not volunteers fields and were ignored") == true)
    }

    @Test("repeated warnings of one kind print the first few and count the rest; JSON keeps them all")
    func repeatedWarnings() throws {
        let rows = (1...40).map { "Person \($0),not-an-address-\($0),yes" }.joined(separator: "\n")
        let roster = try write("emails.csv", "Name,Email,Consent\n" + rows + "\n")
        let table = try voldir("import", roster, "--db", "d.sqlite", "--network", "A", "--dry-run")
        let emailLines = table.stdout.split(separator: "\n").filter { $0.contains("does not look like an address") }
        #expect(emailLines.count == 6)
        #expect(
            emailLines.last?.hasSuffix(
                "and 35 more like this: email '…' does not look like an address; kept as written") == true)
        let json = try voldir("import", roster, "--db", "d.sqlite", "--network", "A", "--dry-run", "--format", "json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        let warnings = try #require(files.first?["warnings"] as? [String])
        #expect(warnings.filter { $0.contains("does not look like an address") }.count == 40)
    }

    @Test("a roster with a giant cell: exit 2, the row rejected with its line, the rest imported")
    func giantCell() throws {
        let roster = try write(
            "big.csv",
            "Name,Email,Consent,Notes\nAda,ada@example.org,yes,\(String(repeating: "x", count: 3 << 20))\nGrace,grace@example.org,yes,ok\n"
        )
        let result = try voldir("import", roster, "--db", "d.sqlite", "--network", "A")
        #expect(result.status == 2)
        #expect(
            result.stdout.contains(
                "rejected big.csv:2: the record holds a cell (column 4, 'Notes') of more than 256 KiB"))
        let search = try voldir("search", "--db", "d.sqlite", "--format", "json")
        #expect(search.stdout.contains("Grace"))
        #expect(!search.stdout.contains("Ada"))
    }

    @Test("a file that is one giant line fails naming line 1, and does not ask for --kind")
    func giantLine() throws {
        let file = try write("line.csv", String(repeating: "y", count: 3 << 20))
        let result = try voldir("import", file, "--db", "d.sqlite")
        #expect(result.status == 1)
        #expect(result.stderr.contains("line.csv:1: the header row holds more than 1 MiB"))
        #expect(!result.stderr.contains("--kind"))
    }
}
