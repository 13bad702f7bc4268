import Foundation
import GRDB
import VolunteerDirectory

/// The audit log in the `audit_entry` table, chained by ``AuditChain``; its last id and hash are
/// kept apart in `directory_setting` as `audit-head`, so removing the newest entries shows too.
extension SQLiteDirectoryStore: AuditLog {
    /// Appends an entry. A store opened for writing appends in its own transaction; one opened
    /// for reading opens the file for writing just for this one short transaction (waiting its
    /// turn behind another writer, like any writer), after the read it records. A file that
    /// cannot be written here throws ``StoreError/cannotWrite(path:)``, and the read stands; so
    /// does a file whose permissions let nobody write it (`chmod 444`), even for root, who could:
    /// its owner said it is not to be written.
    public func record(_ event: AuditEvent) throws {
        if openedFor == .writing {
            try transaction { db in _ = try Self.appendAudit(event, in: db) }
            return
        }
        guard let path = filePath, Self.canWrite(path), !Self.isOnReadOnlyMount(path), !Self.isMarkedReadOnly(path)
        else {
            throw StoreError.cannotWrite(path: filePath ?? "")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: Self.configuration(lockTimeout: lockTimeout))
            try queue.write { db in _ = try Self.appendAudit(event, in: db) }
            try queue.close()
        } catch {
            throw Self.openingError(error, path: path, lockTimeout: lockTimeout)
        }
    }

    /// Appends entries in one transaction (a store opened for writing; otherwise one by one).
    public func record(_ events: [AuditEvent]) throws {
        guard openedFor == .writing else {
            for event in events { try record(event) }
            return
        }
        try transaction { db in
            for event in events { _ = try Self.appendAudit(event, in: db) }
        }
    }

    public func auditEntries(_ filter: AuditFilter) throws -> [AuditEntry] {
        try reader.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let since = filter.since {
                conditions.append("at >= ?")
                _ = arguments.append(contentsOf: [AuditEntry.timestamp(since)])
            }
            if let person = filter.person {
                conditions.append("people LIKE ?")
                _ = arguments.append(contentsOf: ["%,\(person),%"])
            }
            if let actor = filter.actor {
                conditions.append("actor = ?")
                _ = arguments.append(contentsOf: [actor])
            }
            let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: "SELECT * FROM audit_entry \(clause) ORDER BY id", arguments: arguments)
                .map { Self.auditEntry($0).entry }
        }
    }

    public func verifyAudit() throws -> AuditVerification {
        try reader.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_entry ORDER BY id").map(Self.auditEntry)
            let head = try String.fetchOne(db, sql: "SELECT value FROM directory_setting WHERE name = 'audit-head'")
                .flatMap { text -> (id: Int64, hash: String)? in
                    let parts = text.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, let id = Int64(parts[0]) else { return nil }
                    return (id, String(parts[1]))
                }
            return AuditChain.verify(rows, head: head)
        }
    }

    // MARK: - Helpers

    /// Whether the file's permissions give nobody write access.
    static func isMarkedReadOnly(_ path: String) -> Bool {
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber
        else {
            return false
        }
        return mode.intValue & 0o222 == 0
    }

    /// Appends an entry inside the caller's transaction and returns its id.
    @discardableResult
    static func appendAudit(_ event: AuditEvent, redacts: [Int64] = [], in db: Database) throws -> Int64 {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")
        let id = (last.map { $0["id"] as Int64 } ?? 0) + 1
        let previous: String = last.map { $0["hash"] } ?? AuditChain.genesis
        let salt = event.detail == nil ? nil : AuditChain.newSalt()
        var entry = AuditEntry(
            id: id, at: AuditEntry.timestamp(Date()), actor: event.actor, action: event.action, target: event.target,
            people: event.people, detail: event.detail, redacted: false, origin: event.origin, redacts: redacts,
            detailDigest: AuditChain.digest(detail: event.detail, salt: salt ?? Data()), hash: "")
        entry.hash = AuditChain.hash(of: entry, previous: previous)
        try db.execute(
            sql: """
                INSERT INTO audit_entry
                  (id, at, actor, action, target, people, origin, redacts, detail, detail_salt, detail_digest, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, entry.at, entry.actor, entry.action, entry.target,
                entry.people.isEmpty ? "" : "," + entry.people.map(String.init).joined(separator: ",") + ",",
                entry.origin,
                redacts.map(String.init).joined(separator: ","), entry.detail, salt, entry.detailDigest, entry.hash,
            ])
        try db.execute(
            sql: "INSERT OR REPLACE INTO directory_setting (name, value) VALUES ('audit-head', ?)",
            arguments: ["\(id):\(entry.hash)"])
        return id
    }

    /// Removes the detail (and its salt) of every entry whose detail names the person: their
    /// name, a word of it, their email or their phone. Returns the entries redacted.
    static func redactAudit(naming person: Row, in db: Database) throws -> [Int64] {
        var needles: Set<String> = []
        for column in ["name", "email", "phone", "email_key", "phone_key"] {
            guard let value: String = person[column], !value.isEmpty else { continue }
            needles.insert(value.matchingKey)
        }
        if let name: String = person["name"] {
            for word in name.matchingKey.split(separator: " ") where word.count >= 3 { needles.insert(String(word)) }
        }
        needles.remove("")
        guard !needles.isEmpty else { return [] }
        var redacted: [Int64] = []
        let rows = try Row.fetchAll(db, sql: "SELECT id, detail FROM audit_entry WHERE detail IS NOT NULL")
        for row in rows {
            let detail: String = row["detail"]
            let folded = detail.matchingKey
            let lowered = detail.lowercased()
            if needles.contains(where: { folded.contains($0) || lowered.contains($0) }) {
                let id: Int64 = row["id"]
                try db.execute(
                    sql: "UPDATE audit_entry SET detail = NULL, detail_salt = NULL WHERE id = ?", arguments: [id])
                redacted.append(id)
            }
        }
        return redacted
    }

    static func auditEntry(_ row: Row) -> (entry: AuditEntry, salt: Data?) {
        let detail: String? = row["detail"]
        let digest: String = row["detail_digest"]
        let people: String = row["people"]
        let redacts: String = row["redacts"]
        let entry = AuditEntry(
            id: row["id"], at: row["at"], actor: row["actor"], action: row["action"], target: row["target"],
            people: people.split(separator: ",").compactMap { Int64($0) }, detail: detail,
            redacted: detail == nil && digest != AuditChain.emptyDigest, origin: row["origin"],
            redacts: redacts.split(separator: ",").compactMap { Int64($0) }, detailDigest: digest, hash: row["hash"])
        return (entry, row["detail_salt"])
    }
}
