import Foundation
import GRDB
import Synchronization
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import VolunteerDirectorySQLite

/// An import resolves identity a chunk of records at a time (listing ids, email keys, phone keys
/// in one question each), and the chunk's own writes keep those answers true.
@Suite("Identity by chunks")
struct ChunkedIdentityTests {
    let directory: TestDirectory

    init() throws {
        directory = try TestDirectory(importers: [ScriptedImporter.self])
    }

    /// The SQL the store's writing connection runs while `body` runs.
    func statements(during body: () throws -> Void) throws -> [String] {
        let seen = Mutex<[String]>([])
        let log: @Sendable (String) -> Void = { sql in seen.withLock { $0.append(sql) } }
        try directory.store.write { writer in
            (writer as! SQLiteDirectoryWriter).db.trace(options: .statement) { event in
                if case .statement(let statement) = event { log(statement.sql) }
            }
        }
        defer { _ = try? directory.store.write { writer in (writer as! SQLiteDirectoryWriter).db.trace(options: []) } }
        try body()
        return seen.withLock { $0 }
    }

    func people(_ count: Int, from first: Int = 1, phone: Bool = false) -> [ScriptedImporter.Line] {
        (first..<(first + count)).map {
            DirectoryStoreTests.person(
                "Person \($0)", id: "\($0)", email: "p\($0)@example.org",
                phone: phone ? String(format: "07700 9%05d", $0) : nil)
        }
    }

    @Test("a file of 600 new people asks who they are in a few set-wise questions, not three per person")
    func newPeopleAskSetWise() throws {
        let sql = try statements { try directory.importScript("new.jsonl", people(600, phone: true)) }
        let perRecord = sql.filter {
            $0.contains("listing_id = ?") && $0.hasPrefix("SELECT volunteer_id") || $0.contains("email_key = ?")
                || $0.contains("phone_key = ?")
        }
        #expect(perRecord.isEmpty, "per-record look-ups: \(perRecord.count)")
        // One question each for listings, emails and phones per chunk (a chunk is at least 256
        // records); the first chunk's listings are not asked, as the source lists no one yet.
        let chunks = 1...3
        #expect(sql.filter { $0.contains("listing_id IN (") && $0.contains("FROM listing") }.count <= 3)
        #expect(chunks.contains(sql.filter { $0.contains("email_key IN (") }.count))
        #expect(chunks.contains(sql.filter { $0.contains("phone_key IN (") }.count))
        #expect(try directory.everyone().count == 600)
    }

    @Test("re-importing people unchanged looks each chunk up once and confirms them without asking again")
    func unchangedReimportAsksSetWise() throws {
        try directory.importScript("first.jsonl", people(300))
        var lines = people(300)
        lines.append(DirectoryStoreTests.person("Person 301", id: "301", email: "p301@example.org"))
        var report: FileImportReport?
        let sql = try statements { report = try directory.importScript("again.jsonl", lines) }
        #expect(report?.counts.unchanged == 300)
        #expect(report?.counts.created == 1)
        #expect(sql.filter { $0.contains("SELECT rowid FROM listing") }.isEmpty)
        #expect(sql.filter { $0.hasPrefix("SELECT fingerprint FROM listing") }.isEmpty)
        // Only the one new person is looked up by email.
        #expect(sql.filter { $0.contains("email_key IN (") }.count == 1)
    }

    @Test("two rows of one chunk with the same email are one person, as when looked up one by one")
    func sameEmailInOneChunk() throws {
        let report = try directory.importScript(
            "twice.jsonl",
            [
                DirectoryStoreTests.person("Ann Lee", id: "1", email: "ann@example.org"),
                DirectoryStoreTests.person("Ann Lee", id: "2", email: "ANN@example.org", phone: "07700 900001"),
                DirectoryStoreTests.person("A. Lee", id: "3", phone: "07700 900001"),
            ])
        #expect(report.counts.created == 1)
        #expect(report.counts.updated == 2)
        #expect(try directory.everyone().count == 1)
    }

    @Test("an update in a chunk that moves someone's email is seen by the rows after it")
    func movedEmailInOneChunk() throws {
        try directory.importScript(
            "first.jsonl",
            [
                DirectoryStoreTests.person("Ann Lee", id: "1", email: "ann@example.org"),
                DirectoryStoreTests.person("Bob Ray", id: "2", email: "bob@example.org"),
            ])
        // Ann's row now gives a new email; a row after it with Ann's old email is someone new.
        let report = try directory.importScript(
            "second.jsonl",
            [
                DirectoryStoreTests.person("Ann Lee", id: "1", email: "ann.lee@example.org"),
                DirectoryStoreTests.person("Bob Ray", id: "2", email: "bob@example.org"),
                DirectoryStoreTests.person("Cy Old", id: "3", email: "ann@example.org", source: "feed:other"),
            ])
        #expect(report.counts.updated == 1)
        #expect(report.counts.created == 1)
        #expect(try directory.everyone().map(\.name).sorted() == ["Ann Lee", "Bob Ray", "Cy Old"])
    }

    @Test("a writer told of a large file sets the search indexes aside, and recording the import builds them again")
    func maintenanceBehindTheImport() throws {
        let migrated = try directory.store.reader.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
        }
        try directory.store.write { writer in
            let db = (writer as! SQLiteDirectoryWriter).db
            try writer.beginBatch(fileDate: Date(), expectedRecords: 1_000_000)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'volunteer_name'") == 0)
            try writer.record(
                ImportBatch(
                    fileName: "big.csv", sha256: "0", plugin: "csv", importedAt: Date(), counts: ImportCounts(),
                    source: nil, sequence: nil, fileDate: Date()))
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'volunteer_name'") == 1)
        }
        let after = try directory.store.reader.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
        }
        #expect(after == migrated)
    }
}
