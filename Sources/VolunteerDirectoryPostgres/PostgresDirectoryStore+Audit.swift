import Foundation
import PostgresNIO
import VolunteerDirectory

/// The audit log in `audit_entry`, chained by ``AuditChain`` as the SQLite store chains it, its
/// last id and hash kept apart in `directory_setting` as `audit-head`.
///
/// Several processes append at once (every app server records the reads it answered): each append
/// takes ``auditLock`` for its transaction, so each reads the head the previous one wrote and the
/// chain stays whole. The lock is the log's own, not ``writersLock``, so that an import holding
/// the writers' lock for minutes does not hold up the log; a writer that appends (an erasure)
/// takes the writers' lock first, then this one, and nothing takes them the other way round.
extension PostgresDirectoryStore: AuditLog {
    /// The advisory lock an append holds for its transaction.
    static let auditLock: Int64 = 0x766F_6C64_6972_6101  // "voldir", "a", 1

    public func record(_ event: AuditEvent) throws {
        try record([event])
    }

    /// Appends `events` in order, in one transaction and one `INSERT`.
    public func record(_ events: [AuditEvent]) throws {
        guard !events.isEmpty else { return }
        try connections.transaction { connection in
            _ = try Self.appendAudit(events.map { ($0, []) }, on: connection)
        }
    }

    public func auditEntries(_ filter: AuditFilter) throws -> [AuditEntry] {
        let since = filter.since.map(AuditEntry.timestamp)
        let person = filter.person.map { "%,\($0),%" }
        return try connections.withConnection { connection in
            try connection.run(
                """
                SELECT \(unescaped: Self.auditColumns) FROM audit_entry
                WHERE (\(since)::text IS NULL OR at >= \(since))
                  AND (\(person)::text IS NULL OR people LIKE \(person))
                  AND (\(filter.actor)::text IS NULL OR actor = \(filter.actor))
                ORDER BY id
                """
            ).map { try Self.auditEntry($0).entry }
        }
    }

    /// Checks the whole chain. The head is read before the entries: an entry appended between the
    /// two reads is then one past the head, which is how the chain looks mid-append, not a gap.
    public func verifyAudit() throws -> AuditVerification {
        try connections.withConnection { connection in
            let head = try connection.run("SELECT value FROM directory_setting WHERE name = 'audit-head'").first
                .flatMap { row -> (id: Int64, hash: String)? in
                    let parts = try row.decode(String.self).split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, let id = Int64(parts[0]) else { return nil }
                    return (id, String(parts[1]))
                }
            let rows = try connection.run("SELECT \(unescaped: Self.auditColumns) FROM audit_entry ORDER BY id")
                .map(Self.auditEntry)
            return AuditChain.verify(rows, head: head)
        }
    }

    // MARK: - Helpers

    /// Appends entries, each with the ids of the entries it redacted, inside the caller's
    /// transaction, and returns their ids: the lock, the head, then one statement that inserts
    /// them all and moves `audit-head`.
    @discardableResult
    static func appendAudit(_ events: [(event: AuditEvent, redacts: [Int64])], on connection: PostgresConnection)
        throws -> [Int64]
    {
        guard !events.isEmpty else { return [] }
        try connection.run("SELECT pg_advisory_xact_lock(\(auditLock))")
        let last = try connection.run("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").first?
            .decode((Int64, String).self)
        var previous = last?.1 ?? AuditChain.genesis
        var entries: [(entry: AuditEntry, salt: Data?)] = []
        for (offset, (event, redacts)) in events.enumerated() {
            let salt = event.detail == nil ? nil : AuditChain.newSalt()
            var entry = AuditEntry(
                id: (last?.0 ?? 0) + Int64(offset) + 1, at: AuditEntry.timestamp(Date()), actor: event.actor,
                action: event.action, target: event.target, people: event.people, detail: event.detail,
                redacted: false, origin: event.origin, redacts: redacts,
                detailDigest: AuditChain.digest(detail: event.detail, salt: salt ?? Data()), hash: "")
            entry.hash = AuditChain.hash(of: entry, previous: previous)
            previous = entry.hash
            entries.append((entry, salt))
        }
        // Arrays of optionals cannot be bound, so an absent origin or detail is an empty string
        // with a flag beside it, and a salt travels as hex.
        let ids = entries.map(\.entry.id)
        let at = entries.map(\.entry.at)
        let actors = entries.map(\.entry.actor)
        let actions = entries.map(\.entry.action)
        let targets = entries.map(\.entry.target)
        let people = entries.map { Self.peopleColumn($0.entry.people) }
        let origins = entries.map { $0.entry.origin ?? "" }
        let hasOrigin = entries.map { $0.entry.origin != nil }
        let redacts = entries.map { $0.entry.redacts.map(String.init).joined(separator: ",") }
        let details = entries.map { $0.entry.detail ?? "" }
        let hasDetail = entries.map { $0.entry.detail != nil }
        let salts = entries.map { $0.salt?.map { String(format: "%02x", $0) }.joined() ?? "" }
        let digests = entries.map(\.entry.detailDigest)
        let hashes = entries.map(\.entry.hash)
        let head = "\(ids[ids.count - 1]):\(hashes[hashes.count - 1])"
        try connection.run(
            """
            WITH added AS (
              INSERT INTO audit_entry
                (id, at, actor, action, target, people, origin, redacts, detail, detail_salt, detail_digest, hash)
              SELECT id, at, actor, action, target, people, CASE WHEN has_origin THEN origin END, redacts,
                CASE WHEN has_detail THEN detail END, decode(NULLIF(salt, ''), 'hex'), digest, hash
              FROM unnest(\(ids)::bigint[], \(at)::text[], \(actors)::text[], \(actions)::text[], \(targets)::text[],
                \(people)::text[], \(origins)::text[], \(hasOrigin)::boolean[], \(redacts)::text[], \(details)::text[],
                \(hasDetail)::boolean[], \(salts)::text[], \(digests)::text[], \(hashes)::text[])
                AS e(id, at, actor, action, target, people, origin, has_origin, redacts, detail, has_detail, salt,
                  digest, hash)
            )
            INSERT INTO directory_setting (name, value) VALUES ('audit-head', \(head))
            ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value
            """)
        return ids
    }

    /// The `people` column: the ids between commas (`,3,12,`), so that `LIKE '%,12,%'` finds one.
    static func peopleColumn(_ people: [VolunteerID]) -> String {
        people.isEmpty ? "" : "," + people.map(String.init).joined(separator: ",") + ","
    }

    /// Removes the detail (and its salt) of every entry whose detail names one of `people`: their
    /// name, a word of it, their email or their phone; inside the caller's transaction. Returns,
    /// for each person in order, the entries redacted for them (an entry is redacted once, for the
    /// first person it names, as erasing them one after another does).
    static func redactAudit(naming people: [ErasedPerson], on connection: PostgresConnection) throws -> [[Int64]] {
        let needles = people.map(\.auditNeedles)
        guard needles.contains(where: { !$0.isEmpty }) else { return people.map { _ in [] } }
        var details = try connection.run("SELECT id, detail FROM audit_entry WHERE detail IS NOT NULL ORDER BY id")
            .map { try $0.decode((Int64, String).self) }
        var redacted: [[Int64]] = []
        for personNeedles in needles {
            var theirs: [Int64] = []
            details.removeAll { id, detail in
                guard !personNeedles.isEmpty else { return false }
                let folded = detail.matchingKey
                let lowered = detail.lowercased()
                guard personNeedles.contains(where: { folded.contains($0) || lowered.contains($0) }) else {
                    return false
                }
                theirs.append(id)
                return true
            }
            redacted.append(theirs)
        }
        let all = redacted.flatMap { $0 }
        if !all.isEmpty {
            try connection.run("UPDATE audit_entry SET detail = NULL, detail_salt = NULL WHERE id = ANY(\(all))")
        }
        return redacted
    }

    /// The `audit_entry` columns ``auditEntry(_:)`` reads, in its order.
    static let auditColumns =
        "id, at, actor, action, target, people, origin, redacts, detail, detail_salt, detail_digest, hash"

    static func auditEntry(_ row: PostgresRow) throws -> (entry: AuditEntry, salt: Data?) {
        let (id, at, actor, action, target, people, origin, redacts, detail, salt, digest, hash) = try row.decode(
            (Int64, String, String, String, String, String, String?, String, String?, Data?, String, String).self)
        let entry = AuditEntry(
            id: id, at: at, actor: actor, action: action, target: target,
            people: people.split(separator: ",").compactMap { Int64($0) }, detail: detail,
            redacted: detail == nil && digest != AuditChain.emptyDigest, origin: origin,
            redacts: redacts.split(separator: ",").compactMap { Int64($0) }, detailDigest: digest, hash: hash)
        return (entry, salt)
    }
}
