import Foundation
import GRDB
import Testing
import VolunteerDirectory
import VolunteerDirectorySQLite
import VolunteerDirectoryTestSupport

/// Issue 14 at the store: erasure that sticks, and an audit log that shows tampering.
@Suite("Personal data: forget, suppressions, audit log")
struct PrivacyTests {
    let directory: TestDirectory

    init() throws {
        directory = try TestDirectory(importers: [ScriptedImporter.self])
    }

    @discardableResult
    func load(_ name: String, _ lines: [ScriptedImporter.Line]) throws -> FileImportReport {
        try directory.importScript(name, lines)
    }

    static func person(
        _ name: String, id: String, email: String? = nil, phone: String? = nil, source: String = "file:a.csv",
        unique: Bool = false
    ) -> ScriptedImporter.Line {
        DirectoryStoreTests.person(
            name, id: id, email: email, phone: phone, skills: unique ? [Skill(written: "Xylophone tuition")] : [],
            notes: unique ? "Wonderfully unique note" : nil, source: source)
    }

    func id(of name: String) throws -> VolunteerID {
        try #require(try directory.everyone().first { $0.name == name }).id
    }

    func sql(_ statement: String) throws {
        let queue = try DatabaseQueue(path: directory.databasePath)
        try queue.write { db in try db.execute(sql: statement) }
        try queue.close()
    }

    /// The one row a query of the directory's file gives.
    func row(_ query: String) throws -> Row {
        let queue = try DatabaseQueue(path: directory.databasePath)
        defer { try? queue.close() }
        return try #require(try queue.read { db in try Row.fetchOne(db, sql: query) })
    }

    /// Sets when the person named `name` was last seen, as the database stores it.
    func lastSeen(of name: String, at stored: String) throws {
        try sql(
            "UPDATE volunteer_seen SET at = '\(stored)' WHERE volunteer_id = (SELECT id FROM volunteer WHERE name = '\(name)')"
        )
    }

    @Test(
        "forget leaves no name, email or phone anywhere in the files, the audit log included, and the chain still verifies"
    )
    func forgetIsByteLevel() throws {
        try load(
            "a.jsonl",
            [
                Self.person(
                    "Zebedee Quartermaine", id: "R1", email: "zebedee.q@example.org", phone: "07700 900999",
                    unique: true),
                Self.person("Someone Else", id: "R2", email: "else@example.org"),
            ])
        let zebedee = try id(of: "Zebedee Quartermaine")
        try directory.store.record(
            AuditEvent(
                actor: "coordinator", action: "search", target: "1 volunteer", people: [zebedee],
                detail: #"{"text":"quartermaine"}"#))
        try directory.store.record(
            AuditEvent(actor: "coordinator", action: "search", target: "0 volunteers", detail: #"{"text":"first aid"}"#)
        )
        let suppression = try #require(
            try directory.store.forget(volunteer: zebedee, reason: "asked by email", actor: "coordinator"))
        try directory.store.compact()
        #expect(suppression.keys == 2)
        #expect(try directory.everyone().map(\.name) == ["Someone Else"])
        let bytes = try directory.rawBytes()
        for secret in [
            "Quartermaine", "quartermaine", "zebedee", "ZEBEDEE", "900999", "Xylophone", "Wonderfully unique",
        ] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "'\(secret)' is still in the database files")
        }
        #expect(try directory.store.verifyAudit() == .intact(entries: 3))
        let entries = try directory.store.auditEntries(AuditFilter())
        #expect(entries[0].redacted)
        #expect(entries[1].detail == #"{"text":"first aid"}"#)
        #expect(entries[2].action == "forget")
        #expect(entries[2].redacts == [1])
        #expect(try directory.store.auditEntries(AuditFilter(person: zebedee)).map(\.id) == [1, 3])
    }

    @Test("entries recorded as a batch are chained in order in one go, as if recorded one by one")
    func batchedAuditEntries() throws {
        let events = (1...3).map {
            AuditEvent(
                actor: "web:ann", action: "web search", target: "volunteer \($0)", people: [$0], detail: "n \($0)")
        }
        try directory.store.record(events)
        try directory.store.record(AuditEvent(actor: "ann", action: "show", target: "volunteer 9", people: [9]))
        #expect(try directory.store.verifyAudit() == .intact(entries: 4))
        let entries = try directory.store.auditEntries(AuditFilter())
        #expect(entries.map(\.target) == ["volunteer 1", "volunteer 2", "volunteer 3", "volunteer 9"])
    }

    @Test("a forgotten person is not imported again, by email alone or by phone alone, and the rows say where")
    func suppressedOnReimport() throws {
        try load("a.jsonl", [Self.person("Amina Rahman", id: "R1", email: "amina@example.org", phone: "07700 900123")])
        _ = try directory.store.forget(volunteer: try id(of: "Amina Rahman"), reason: "asked", actor: "c")
        let report = try load(
            "b.jsonl",
            [
                Self.person("A. Rahman", id: "X1", email: "AMINA@example.org", source: "file:b.csv"),
                Self.person("Amina R", id: "X2", phone: "+44 7700 900123", source: "file:c.csv"),
                Self.person("Grace", id: "X3", email: "grace@example.org", source: "file:b.csv"),
            ])
        #expect(report.counts.suppressed == 2)
        #expect(report.counts.created == 1)
        #expect(report.suppressed.map(\.line) == [1, 2])
        #expect(try directory.everyone().map(\.name) == ["Grace"])
        try directory.store.compact()
        #expect(try directory.rawBytes().range(of: Data("Rahman".utf8)) == nil)
    }

    @Test("a forgotten person's listings take their stamps with them, and their last seen goes too")
    func forgottenStamps() throws {
        try load(
            "a.jsonl",
            [
                Self.person("Amina Rahman", id: "R1", email: "amina@example.org"),
                Self.person("Grace", id: "R2", email: "grace@example.org"),
            ])
        _ = try directory.store.forget(volunteer: try id(of: "Amina Rahman"), reason: "asked", actor: "c")
        let row = try row(
            """
            SELECT (SELECT COUNT(*) FROM listing), (SELECT COUNT(*) FROM listing_stamp),
              (SELECT COUNT(*) FROM listing_stamp WHERE listing_row NOT IN (SELECT rowid FROM listing)),
              (SELECT COUNT(*) FROM volunteer_seen), (SELECT COUNT(*) FROM volunteer)
            """)
        #expect(row[0] as Int == 1 && row[1] as Int == 1 && row[2] as Int == 0)
        #expect(row[3] as Int == 1 && row[4] as Int == 1)
    }

    @Test("lifting a suppression lets the person be imported again; suppressions hold no personal data")
    func lift() throws {
        try load("a.jsonl", [Self.person("Amina Rahman", id: "R1", email: "amina@example.org")])
        let suppression = try #require(
            try directory.store.forget(volunteer: try id(of: "Amina Rahman"), reason: "asked", actor: "c"))
        #expect(try directory.store.suppressions().map(\.reason) == ["asked"])
        #expect(try directory.store.liftSuppression(id: suppression.id, actor: "c"))
        #expect(try !directory.store.liftSuppression(id: suppression.id, actor: "c"))
        #expect(try directory.store.suppressions().isEmpty)
        let report = try load("b.jsonl", [Self.person("Amina Rahman", id: "R2", email: "amina@example.org")])
        #expect(report.counts.created == 1)
        #expect(report.counts.suppressed == 0)
    }

    @Test("forgetting an id nobody has changes nothing")
    func unknownID() throws {
        #expect(try directory.store.forget(volunteer: 404, reason: "asked", actor: "c") == nil)
        #expect(try directory.store.auditEntries(AuditFilter()).isEmpty)
    }

    @Test("an audit entry edited through SQL breaks the chain at that entry")
    func editedEntry() throws {
        for action in ["search", "show", "export"] {
            try directory.store.record(
                AuditEvent(actor: "alice", action: action, target: "volunteer 1", people: [1], detail: "d"))
        }
        #expect(try directory.store.verifyAudit() == .intact(entries: 3))
        try sql("UPDATE audit_entry SET actor = 'mallory' WHERE id = 2")
        guard case .broken(let entry, _) = try directory.store.verifyAudit() else {
            Issue.record("an edited actor was not caught")
            return
        }
        #expect(entry == 2)
        try sql("UPDATE audit_entry SET actor = 'alice' WHERE id = 2")
        try sql("UPDATE audit_entry SET detail = 'other' WHERE id = 3")
        #expect(
            try directory.store.verifyAudit()
                == .broken(entry: 3, reason: "entry 3's detail was changed after it was written"))
        try sql("UPDATE audit_entry SET detail = NULL, detail_salt = NULL WHERE id = 3")
        #expect(
            try directory.store.verifyAudit()
                == .broken(entry: 3, reason: "entry 3's detail was removed, and no erasure says it redacted it"))
    }

    @Test("an audit entry deleted through SQL is named, in the middle or at the end")
    func deletedEntry() throws {
        for action in ["search", "show", "export", "match"] {
            try directory.store.record(AuditEvent(actor: "alice", action: action, target: "volunteer 1"))
        }
        try sql("DELETE FROM audit_entry WHERE id = 2")
        #expect(try directory.store.verifyAudit() == .broken(entry: 2, reason: "entry 2 is missing: it was removed"))
        try sql("DELETE FROM audit_entry WHERE id > 1")
        #expect(
            try directory.store.verifyAudit()
                == .broken(entry: 2, reason: "entries 2 to 4 are missing: they were removed"))
    }

    @Test("a store opened for reading appends its audit entry in a write of its own")
    func readerRecords() throws {
        try load("a.jsonl", [Self.person("Amina Rahman", id: "R1", email: "amina@example.org")])
        let reader = try SQLiteDirectoryStore(path: directory.databasePath, access: .reading)
        try reader.record(AuditEvent(actor: "alice", action: "show", target: "volunteer 1", people: [1]))
        #expect(try directory.store.auditEntries(AuditFilter(actor: "alice")).map(\.action) == ["show"])
    }

    @Test("retention lists those last seen before the cutoff, not at it, and erases them without a suppression")
    func retentionBoundary() throws {
        try load(
            "a.jsonl",
            [
                Self.person("Before Cutoff", id: "R1", email: "before@example.org"),
                Self.person("At Cutoff", id: "R2", email: "at@example.org"),
                Self.person("After Cutoff", id: "R3", email: "after@example.org"),
            ])
        try lastSeen(of: "Before Cutoff", at: "2023-12-31 23:59:59.999")
        try lastSeen(of: "At Cutoff", at: "2024-01-01 00:00:00.000")
        try lastSeen(of: "After Cutoff", at: "2024-01-01 00:00:00.001")
        let now = try #require(ISO8601DateFormatter().date(from: "2026-01-01T00:00:00Z"))
        let cutoff = try #require(Period(parsing: "24m")).before(now)
        let unseen = try directory.store.notSeen(since: cutoff)
        #expect(unseen.map(\.name) == ["Before Cutoff"])
        #expect(unseen.first?.networks == ["Network A"])
        #expect(try directory.store.eraseUnseen(unseen.map(\.id), actor: "c") == 1)
        #expect(try directory.everyone().map(\.name) == ["At Cutoff", "After Cutoff"])
        #expect(try directory.store.suppressions().isEmpty)
        #expect(try directory.store.auditEntries(AuditFilter()).last?.action == "review --erase")
    }

    @Test("an import stamps last seen on everyone it lists, changed or not")
    func importStampsLastSeen() throws {
        let lines = [
            Self.person("Amina", id: "R1", email: "a@example.org"),
            Self.person("Grace", id: "R2", email: "g@example.org"),
        ]
        try load("a.jsonl", lines)
        try sql("UPDATE volunteer_seen SET at = '2020-01-01 00:00:00.000'")
        let cutoff = try #require(Period(parsing: "1y")).before(Date())
        #expect(try directory.store.notSeen(since: cutoff).count == 2)
        try load("b.jsonl", lines + [Self.person("Tariq", id: "R3", email: "t@example.org")])
        #expect(try directory.store.notSeen(since: cutoff).isEmpty)
    }

    @Test("settings keep their defaults until set, and a change is audited")
    func settings() throws {
        #expect(try directory.store.settings() == .defaults)
        #expect(DirectorySettings.defaults.retention.description == "24m")
        #expect(DirectorySettings.defaults.dbsValidFor.description == "36m")
        try directory.store.update(.retention, to: try #require(Period(parsing: "12m")), actor: "c")
        #expect(try directory.store.settings().retention.description == "12m")
        #expect(try directory.store.auditEntries(AuditFilter()).map(\.action) == ["settings"])
    }
}
