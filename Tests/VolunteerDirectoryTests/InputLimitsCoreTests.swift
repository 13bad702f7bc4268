import Foundation
import Testing

@testable import VolunteerDirectory

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The core's limits: field limits for every kind of record, regular files only, warnings
/// grouped by kind.
@Suite("Input limits in the core")
struct InputLimitsCoreTests {
    @Test("records within every limit pass; each kind of record is checked field by field")
    func fieldLimits() {
        let long = String(repeating: "w", count: 301)
        #expect(FieldLimits.violation(in: .volunteer(VolunteerRecord(source: "s", name: "Ada"))) == nil)
        // A network's name at its limit, and the source a roster derives from it, pass.
        let network = String(repeating: "N", count: FieldLimits.name)
        let member = VolunteerRecord(
            source: "roster:" + network, name: "Ada",
            memberships: [MembershipRecord(network: NetworkReference(name: network))])
        #expect(FieldLimits.violation(in: .volunteer(member)) == nil)
        #expect(
            FieldLimits.violation(in: .volunteer(VolunteerRecord(source: "s", name: "Ada", phone: long)))?.field
                == "phone")
        #expect(FieldLimits.violation(in: .network(NetworkRecord(source: "s", name: long)))?.field == "network name")
        #expect(
            FieldLimits.violation(
                in: .network(NetworkRecord(source: "s", name: "N", contact: ContactDetails(email: long + long))))?.field
                == "contact email")
        #expect(
            FieldLimits.violation(in: .withdrawal(Withdrawal(source: "s", volunteerRef: long)))?.field
                == "volunteer ref")
        let skills = (1...201).map { Skill(written: "skill \($0)") }
        #expect(
            FieldLimits.violation(in: .volunteer(VolunteerRecord(source: "s", name: "Ada", skills: skills)))?
                .description
                == "skills lists 201 items; at most 200 are accepted")
        #expect(
            FieldLimits.violation(in: .need(Need(id: "N", partner: "P", title: "T", places: Int(Int32.max) + 1)))?
                .description
                == "places '2147483648' is not a whole number from 1 to 1,000")
    }

    @Test("text is measured in Unicode scalars, so combining marks cannot slip past")
    func scalars() {
        let name = "e" + String(repeating: "\u{301}", count: 400)  // one character on screen
        #expect(FieldLimits.violation(in: .volunteer(VolunteerRecord(source: "s", name: name)))?.field == "name")
        let polish = String(repeating: "Ł", count: 300)  // 600 bytes, 300 characters: within
        #expect(FieldLimits.violation(in: .volunteer(VolunteerRecord(source: "s", name: polish))) == nil)
    }

    @Test("numbers in messages are grouped by thousands")
    func grouped() {
        #expect(
            [0, 999, 1_000, 9_990, 1_048_576, -12_345].map(\.grouped) == [
                "0", "999", "1,000", "9,990", "1,048,576", "-12,345",
            ])
    }

    @Test("warnings that differ only in quoted values are one kind; apostrophes in words are kept")
    func warningKinds() {
        #expect(
            WarningDigest.kind(of: "email 'a@' does not look like an address")
                == "email '…' does not look like an address")
        #expect(WarningDigest.kind(of: "it isn't 'x'") == "it isn't '…'")
        let report = FileImportReport(
            file: "f.csv", plugin: "csv", counts: ImportCounts(), rejected: [],
            warnings: (1...8).map {
                ImportWarning(location: SourceLocation(line: $0), message: "email 'e\($0)' is odd")
            }
                + [ImportWarning(location: nil, message: "no network column")])
        let shown = WarningDigest.abridged(report).warnings.map(\.message)
        #expect(
            shown == [
                "email 'e1' is odd", "email 'e2' is odd", "email 'e3' is odd", "email 'e4' is odd", "email 'e5' is odd",
                "no network column", "and 3 more like this: email '…' is odd",
            ])
    }

    @Test("only regular files open; folders, pipes, loops and dangling links are named")
    func regularFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regular-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("roster.csv")
        try Data("Name\nAda\n".utf8).write(to: file)
        #expect(try RegularFile.check(file) == 9)
        let link = folder.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "roster.csv")
        #expect(try RegularFile.text(at: link) == "Name\nAda\n")

        func reason(_ url: URL) -> String? {
            do {
                try RegularFile.check(url)
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(reason(folder) == "it is a folder, not a file")
        let pipe = folder.appendingPathComponent("pipe.csv")
        try #require(mkfifo(pipe.path, 0o600) == 0)
        #expect(reason(pipe)?.hasPrefix("it is a named pipe (FIFO), not a file") == true)
        let loop = folder.appendingPathComponent("loop.csv")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: "loop.csv")
        #expect(reason(loop) == "it is a symbolic link that loops (following it leads back round to itself)")
        let dangling = folder.appendingPathComponent("gone.csv")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "nowhere.csv")
        #expect(reason(dangling) == "it is a symbolic link to 'nowhere.csv', which does not exist")
        #expect(reason(folder.appendingPathComponent("missing.csv")) == "no such file")
    }

    @Test("a text file over its limit is refused rather than read")
    func textLimit() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("weights-\(UUID().uuidString).yaml")
        try Data(String(repeating: "a", count: 2_000).utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: RegularFile.Problem.self) { try RegularFile.text(at: file, atMost: 1_000) }
        #expect(try RegularFile.text(at: file, atMost: 2_000).count == 2_000)
    }
}
