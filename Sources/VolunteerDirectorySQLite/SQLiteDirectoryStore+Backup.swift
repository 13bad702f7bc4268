import Foundation
import GRDB
import VolunteerDirectory

/// Backups by `VACUUM INTO` (a consistent snapshot, read while others write), and restores in
/// one transaction that keep the directory's own record of erasures, suppressions and audit.
extension SQLiteDirectoryStore: BackupStore {
    /// What a restore keeps from the directory rather than the backup, besides the full-text
    /// index (rebuilt) and SQLite's and GRDB's own tables.
    static let keptOnRestore: Set<String> = [
        "audit_entry", "suppression", "suppression_key", "erasure", "directory_setting",
    ]
    /// Settings the directory keeps over the backup's.
    static let settingsKeptOnRestore = ["suppression-secret", "audit-head", "retention", "dbs-valid-for"]

    public func backup(to path: String, actor: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw BackupError.exists(path: path) }
        try writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
        try record(AuditEvent(actor: actor, action: "backup", target: URL(fileURLWithPath: path).lastPathComponent))
    }

    public func restore(from path: String, actor: String) throws -> RestoreOutcome {
        guard FileManager.default.fileExists(atPath: path) else {
            throw BackupError.notABackup(path: path, reason: "there is no such file")
        }
        let outcome = try afterFailure {
            try writer.writeWithoutTransaction { db in
                do {
                    try db.execute(sql: "ATTACH DATABASE ? AS backup", arguments: [path])
                } catch {
                    throw BackupError.notABackup(path: path, reason: "it cannot be opened (\(error))")
                }
                defer { try? db.execute(sql: "DETACH DATABASE backup") }
                try Self.checkBackup(path: path, in: db)
                var outcome: RestoreOutcome?
                try db.inTransaction(.immediate) {
                    outcome = try restoring(from: path, actor: actor, in: db)
                    TestSeam.pauseBeforeCommit()
                    return .commit
                }
                return outcome ?? RestoreOutcome(erasuresReapplied: 0, suppressedErased: 0, suppressions: 0)
            }
        }
        try compact()
        return outcome
    }

    // MARK: - Helpers

    private static func checkBackup(path: String, in db: Database) throws {
        let tables: Set<String>
        do {
            tables = Set(try String.fetchAll(db, sql: "SELECT name FROM backup.sqlite_master WHERE type = 'table'"))
        } catch {
            throw BackupError.notABackup(path: path, reason: "it is not an SQLite database")
        }
        guard tables.contains("grdb_migrations"), tables.contains("volunteer") else {
            throw BackupError.notABackup(path: path, reason: "it holds no directory")
        }
        let mine = try String.fetchAll(db, sql: "SELECT identifier FROM main.grdb_migrations ORDER BY identifier")
        let theirs = try String.fetchAll(db, sql: "SELECT identifier FROM backup.grdb_migrations ORDER BY identifier")
        guard mine == theirs else { throw BackupError.otherSchema(path: path) }
        let secret = "SELECT value FROM %@.directory_setting WHERE name = 'suppression-secret'"
        guard
            try String.fetchOne(db, sql: secret.replacingOccurrences(of: "%@", with: "main"))
                == String.fetchOne(db, sql: secret.replacingOccurrences(of: "%@", with: "backup"))
        else { throw BackupError.otherDirectory(path: path) }
    }

    private func restoring(from path: String, actor: String, in db: Database) throws -> RestoreOutcome {
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        let lastErasure = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM backup.erasure") ?? 0
        let tables = try String.fetchAll(
            db,
            sql:
                """
                SELECT name FROM main.sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                """
        ).filter { !$0.hasPrefix("volunteer_text") && !Self.keptOnRestore.contains($0) }
        try db.execute(sql: "DELETE FROM volunteer_text")
        for table in tables { try db.execute(sql: "DELETE FROM main.\"\(table)\"") }
        for table in tables { try db.execute(sql: "INSERT INTO main.\"\(table)\" SELECT * FROM backup.\"\(table)\"") }
        let kept = Self.settingsKeptOnRestore.map { "'\($0)'" }.joined(separator: ", ")
        try db.execute(sql: "DELETE FROM main.directory_setting WHERE name NOT IN (\(kept))")
        try db.execute(
            sql: "INSERT INTO main.directory_setting SELECT * FROM backup.directory_setting WHERE name NOT IN (\(kept))"
        )
        try FullTextRows.insert(where: "1", in: db)

        let eraser = SQLiteDirectoryWriter(db, taxonomy: taxonomy)
        var reapplied = 0
        let erased = try Int64.fetchAll(
            db, sql: "SELECT DISTINCT volunteer_id FROM main.erasure WHERE id > ? ORDER BY volunteer_id",
            arguments: [lastErasure])
        for id in erased
        where try Bool.fetchOne(db, sql: "SELECT 1 FROM volunteer WHERE id = ?", arguments: [id]) != nil {
            try eraser.erase(volunteer: id)
            reapplied += 1
        }
        var suppressed = 0
        let hasher = try SQLiteDirectoryWriter.suppressionKeys(in: db)
        let keys = try Row.fetchAll(
            db,
            sql: """
                SELECT id AS volunteer, email_key, phone_key FROM volunteer
                UNION SELECT volunteer_id, email_key, phone_key FROM listing
                """)
        var named = Set<VolunteerID>()
        for row in keys {
            let email: String? = row["email_key"]
            let phone: String? = row["phone_key"]
            for hash in [email.map(hasher.email), phone.map(hasher.phone)].compactMap({ $0 })
            where try Bool.fetchOne(db, sql: "SELECT 1 FROM suppression_key WHERE hash = ?", arguments: [hash]) != nil {
                named.insert(row["volunteer"])
            }
        }
        for id in named.sorted()
        where try Bool.fetchOne(db, sql: "SELECT 1 FROM volunteer WHERE id = ?", arguments: [id]) != nil {
            try eraser.erase(volunteer: id)
            suppressed += 1
        }
        try SearchFacets.rebuild(in: db)
        let suppressions = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM suppression") ?? 0
        try Self.appendAudit(
            AuditEvent(
                actor: actor, action: "restore", target: URL(fileURLWithPath: path).lastPathComponent,
                detail:
                    "erasures re-applied: \(reapplied); erased by suppressions: \(suppressed); "
                    + "suppressions kept: \(suppressions)"
            ),
            in: db)
        return RestoreOutcome(erasuresReapplied: reapplied, suppressedErased: suppressed, suppressions: suppressions)
    }
}
