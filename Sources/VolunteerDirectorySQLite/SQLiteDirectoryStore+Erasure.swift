import Foundation
import GRDB
import VolunteerDirectory

/// Forgetting people for good: erasure, redaction of the audit log, and the suppression list.
extension SQLiteDirectoryStore: ErasureStore {
    public func forget(volunteer id: VolunteerID, reason: String, actor: String) throws -> Suppression? {
        try transaction { db in
            let suppression = try Self.forget(id, reason: reason, actor: actor, taxonomy: taxonomy, in: db)
            try SearchFacets.rebuild(in: db)
            TestSeam.pauseBeforeCommit()
            return suppression
        }
    }

    public func suppressions() throws -> [Suppression] {
        try reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.at, s.reason,
                      (SELECT COUNT(*) FROM suppression_key k WHERE k.suppression_id = s.id) AS keys
                    FROM suppression s ORDER BY s.id
                    """
            ).map { Suppression(id: $0["id"], at: $0["at"], reason: $0["reason"], keys: $0["keys"]) }
        }
    }

    public func liftSuppression(id: Int64, actor: String) throws -> Bool {
        try transaction { db in
            try db.execute(sql: "DELETE FROM suppression WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { return false }
            try Self.appendAudit(AuditEvent(actor: actor, action: "forget --lift", target: "suppression \(id)"), in: db)
            return true
        }
    }

    // MARK: - Helpers

    /// Forgets one person inside the caller's transaction: what `forget` and `review --erase`
    /// share. With `suppress` false (retention) no suppression is kept, and the result's id is 0.
    static func forget(
        _ id: VolunteerID, reason: String, actor: String, taxonomy: SkillTaxonomy, suppress: Bool = true,
        in db: Database
    ) throws -> Suppression? {
        guard let person = try Row.fetchOne(db, sql: "SELECT * FROM volunteer WHERE id = ?", arguments: [id]) else {
            return nil
        }
        // Every email and phone any source gave, not only the ones the merged profile shows.
        var emails = Set(
            try String.fetchAll(
                db, sql: "SELECT email_key FROM listing WHERE volunteer_id = ? AND email_key IS NOT NULL",
                arguments: [id]))
        var phones = Set(
            try String.fetchAll(
                db, sql: "SELECT phone_key FROM listing WHERE volunteer_id = ? AND phone_key IS NOT NULL",
                arguments: [id]))
        if let email: String = person["email_key"] { emails.insert(email) }
        if let phone: String = person["phone_key"] { phones.insert(phone) }
        let hasher = try SQLiteDirectoryWriter.suppressionKeys(in: db)
        let hashes = emails.sorted().map(hasher.email) + phones.sorted().map(hasher.phone)

        let redacted = try redactAudit(naming: person, in: db)
        try SQLiteDirectoryWriter(db, taxonomy: taxonomy).erase(volunteer: id)
        let now = Date()
        guard suppress else {
            try appendAudit(
                AuditEvent(
                    actor: actor, action: "review --erase", target: "volunteer \(id)", people: [id],
                    detail: "reason: \(reason)"),
                redacts: redacted, in: db)
            return Suppression(id: 0, at: now, reason: reason, keys: 0)
        }
        try db.execute(sql: "INSERT INTO suppression (at, reason) VALUES (?, ?)", arguments: [now, reason])
        let suppression = db.lastInsertedRowID
        for hash in hashes {
            try db.execute(
                sql: "INSERT OR REPLACE INTO suppression_key (hash, suppression_id) VALUES (?, ?)",
                arguments: [hash, suppression])
        }
        try appendAudit(
            AuditEvent(
                actor: actor, action: "forget", target: "volunteer \(id)", people: [id],
                detail: "reason: \(reason); suppression \(suppression)"),
            redacts: redacted, in: db)
        return Suppression(id: suppression, at: now, reason: reason, keys: hashes.count)
    }
}
