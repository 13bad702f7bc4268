import Foundation
import PostgresNIO
import VolunteerDirectory

/// Forgetting people for good: erasure from every table, redaction of the audit log, the numbered
/// erasure journal a restore re-applies, and the suppression list of keyed hashes.
///
/// An erasure takes ``writersLock`` for its transaction, as an import does, so an import running
/// meanwhile either finished before it (and the erasure removes what it wrote) or starts after it
/// (and finds the suppression). As ``ErasureStore`` says, the caller calls ``compact()`` after the
/// commit (`voldir forget` and `voldir review --erase` do) for the dead rows to go from the files.
extension PostgresDirectoryStore: ErasureStore {
    public func forget(volunteer id: VolunteerID, reason: String, actor: String) throws -> Suppression? {
        try connections.transaction { connection in
            try connection.run("SELECT pg_advisory_xact_lock(\(Self.writersLock))")
            return try forget([id], reason: reason, actor: actor, suppress: true, on: connection).first
        }
    }

    public func suppressions() throws -> [Suppression] {
        try connections.withConnection { connection in
            try connection.run(
                """
                SELECT s.id, s.at, s.reason, (SELECT count(*) FROM suppression_key k WHERE k.suppression_id = s.id)
                FROM suppression s ORDER BY s.id
                """
            ).map { row in
                let (id, at, reason, keys) = try row.decode((Int64, Date, String, Int64).self)
                return Suppression(id: id, at: at, reason: reason, keys: Int(keys))
            }
        }
    }

    public func liftSuppression(id: Int64, actor: String) throws -> Bool {
        try connections.transaction { connection in
            guard try connection.run("DELETE FROM suppression WHERE id = \(id) RETURNING 1").first != nil else {
                return false
            }
            try Self.appendAudit(
                [(AuditEvent(actor: actor, action: "forget --lift", target: "suppression \(id)"), [])], on: connection)
            return true
        }
    }

    // MARK: - Helpers

    /// What an erasure reads of a person before it erases them.
    struct ErasedPerson: Sendable {
        var id: VolunteerID
        var name: String
        var email: String?
        var phone: String?
        var emailKey: String?
        var phoneKey: String?

        /// What an audit entry's detail names them by: their name, each word of it of three letters
        /// or more, their email and their phone, folded as ``Swift/String/matchingKey`` folds.
        var auditNeedles: Set<String> {
            var needles = Set([name, email, phone, emailKey, phoneKey].compactMap { $0?.matchingKey })
            for word in name.matchingKey.split(separator: " ") where word.count >= 3 { needles.insert(String(word)) }
            needles.remove("")
            return needles
        }
    }

    /// Forgets `ids` (each once, in order; ids no volunteer has are skipped) inside the caller's
    /// transaction, which holds ``writersLock``: what `forget` and `review --erase` share. Reads
    /// the people, redacts the audit entries that name them, erases them, records one suppression
    /// each of every email and phone any source gave for them (with `suppress`; retention keeps
    /// none, and its results have id 0) and one audit entry each. Set-wise: the same few
    /// statements for one person or a thousand.
    func forget(
        _ ids: [VolunteerID], reason: String, actor: String, suppress: Bool, on connection: PostgresConnection
    ) throws -> [Suppression] {
        var seen = Set<VolunteerID>()
        let wanted = ids.filter { seen.insert($0).inserted }
        var found: [VolunteerID: ErasedPerson] = [:]
        for row in try connection.run(
            "SELECT id, name, email, phone, email_key, phone_key FROM volunteer WHERE id = ANY(\(wanted))")
        {
            let (id, name, email, phone, emailKey, phoneKey) = try row.decode(
                (Int64, String, String?, String?, String?, String?).self)
            found[id] = ErasedPerson(
                id: id, name: name, email: email, phone: phone, emailKey: emailKey, phoneKey: phoneKey)
        }
        let people = wanted.compactMap { found[$0] }
        guard !people.isEmpty else { return [] }
        let erased = people.map(\.id)

        let hashes = suppress ? try contactHashes(of: people, on: connection) : [:]
        let redacted = try Self.redactAudit(naming: people, on: connection)
        let now = Date()
        try Self.erase(erased, at: now, on: connection)
        guard suppress else {
            try Self.appendAudit(
                zip(people, redacted).map { person, redacts in
                    (
                        AuditEvent(
                            actor: actor, action: "review --erase", target: "volunteer \(person.id)",
                            people: [person.id], detail: "reason: \(reason)"), redacts
                    )
                }, on: connection)
            return people.map { _ in Suppression(id: 0, at: now, reason: reason, keys: 0) }
        }
        let suppressionIDs = try Self.suppress(
            people.map { hashes[$0.id] ?? [] }, reason: reason, at: now, on: connection)
        try Self.appendAudit(
            zip(zip(people, suppressionIDs), redacted).map { pair, redacts in
                let (person, suppression) = pair
                return (
                    AuditEvent(
                        actor: actor, action: "forget", target: "volunteer \(person.id)", people: [person.id],
                        detail: "reason: \(reason); suppression \(suppression)"), redacts
                )
            }, on: connection)
        return zip(people, suppressionIDs).map { person, suppression in
            Suppression(id: suppression, at: now, reason: reason, keys: hashes[person.id]?.count ?? 0)
        }
    }

    /// The keyed hashes of every email and phone any source gave for each of `people`, not only
    /// the ones the merged profile shows: emails first, each kind in order.
    func contactHashes(of people: [ErasedPerson], on connection: PostgresConnection) throws
        -> [VolunteerID: [String]]
    {
        var emails: [VolunteerID: Set<String>] = [:]
        var phones: [VolunteerID: Set<String>] = [:]
        for person in people {
            emails[person.id] = Set([person.emailKey].compactMap { $0 })
            phones[person.id] = Set([person.phoneKey].compactMap { $0 })
        }
        for row in try connection.run(
            "SELECT volunteer_id, email_key, phone_key FROM listing WHERE volunteer_id = ANY(\(people.map(\.id)))")
        {
            let (id, email, phone) = try row.decode((Int64, String?, String?).self)
            if let email { emails[id, default: []].insert(email) }
            if let phone { phones[id, default: []].insert(phone) }
        }
        let hasher = try PostgresWriter.suppressionKeys(on: connection, at: location)
        var hashes: [VolunteerID: [String]] = [:]
        for person in people {
            hashes[person.id] =
                (emails[person.id] ?? []).sorted().map(hasher.email)
                + (phones[person.id] ?? []).sorted().map(hasher.phone)
        }
        return hashes
    }

    /// Records one suppression for each list of hashes, in order, inside the caller's transaction,
    /// and returns their ids. A hash another suppression held moves to the newer one, as SQLite's
    /// `INSERT OR REPLACE` moves it.
    static func suppress(_ hashes: [[String]], reason: String, at now: Date, on connection: PostgresConnection)
        throws -> [Int64]
    {
        // Identity values are drawn in the order the rows are inserted: the smallest is the first's.
        let ids = try connection.run(
            """
            INSERT INTO suppression (at, reason)
            SELECT \(now), \(reason) FROM generate_series(1, \(Int64(hashes.count))) RETURNING id
            """
        ).map { try $0.decode(Int64.self) }.sorted()
        let keyHashes = hashes.flatMap { $0 }
        let keyOwners = zip(hashes, ids).flatMap { personHashes, id in personHashes.map { _ in id } }
        if !keyHashes.isEmpty {
            try connection.run(
                """
                INSERT INTO suppression_key (hash, suppression_id)
                SELECT DISTINCT ON (hash) hash, owner FROM unnest(\(keyHashes)::text[], \(keyOwners)::bigint[])
                  WITH ORDINALITY AS k(hash, owner, n)
                ORDER BY hash, n DESC
                ON CONFLICT (hash) DO UPDATE SET suppression_id = EXCLUDED.suppression_id
                """)
        }
        return ids
    }

    /// Erases `ids` from every table inside the caller's transaction, as a feed's withdrawal and an
    /// erasure do: the full-text row, the volunteer (their listings, ended listings, memberships,
    /// skills, languages, slots and placements go by `ON DELETE CASCADE`), one numbered `erasure`
    /// row each in the order given (so that a restore knows which erasures came after a dump), and
    /// the skill mappings and sources that were theirs alone (a skill only they wrote, a file named
    /// after them). Returns the ids that were there to erase.
    @discardableResult
    static func erase(_ ids: [VolunteerID], at now: Date, on connection: PostgresConnection) throws -> [VolunteerID] {
        guard !ids.isEmpty else { return [] }
        let owned = try connection.run(
            """
            SELECT ARRAY(SELECT DISTINCT key FROM volunteer_skill WHERE volunteer_id = ANY(\(ids))),
              ARRAY(SELECT DISTINCT source_id FROM listing WHERE volunteer_id = ANY(\(ids)))
            """
        ).first?.decode(([String], [Int64]).self)
        try connection.run("DELETE FROM volunteer_text WHERE volunteer_id = ANY(\(ids))")
        let gone = Set(
            try connection.run("DELETE FROM volunteer WHERE id = ANY(\(ids)) RETURNING id").map {
                try $0.decode(Int64.self)
            })
        let erased = ids.filter { gone.contains($0) }
        guard !erased.isEmpty else { return [] }
        try connection.run(
            """
            INSERT INTO erasure (volunteer_id, at)
            SELECT id, \(now) FROM unnest(\(erased)::bigint[]) WITH ORDINALITY AS e(id, n) ORDER BY n
            """)
        if let (keys, sources) = owned {
            if !keys.isEmpty {
                try connection.run(
                    """
                    DELETE FROM skill_mapping m WHERE m.key = ANY(\(keys))
                      AND NOT EXISTS (SELECT 1 FROM volunteer_skill s WHERE s.key = m.key)
                    """)
            }
            if !sources.isEmpty {
                try connection.run(
                    """
                    DELETE FROM source s WHERE s.id = ANY(\(sources))
                      AND NOT EXISTS (SELECT 1 FROM listing l WHERE l.source_id = s.id)
                    """)
            }
        }
        return erased
    }
}
