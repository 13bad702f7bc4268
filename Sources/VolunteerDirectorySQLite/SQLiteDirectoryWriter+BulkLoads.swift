import GRDB
import VolunteerDirectory

/// The contact keys an import finds people by, each a column of `volunteer` with an index of its own.
enum ContactKey {
    case email
    case phone

    /// The column of `volunteer` that holds it.
    var column: String {
        switch self {
        case .email: "email_key"
        case .phone: "phone_key"
        }
    }
}

/// A large import sets indexes aside and builds them again at its end, inside its transaction:
/// a failed import rolls the drop back with everything else.
extension SQLiteDirectoryWriter {
    /// Sets the search indexes and the identity indexes aside when the file is large against the
    /// directory; called by ``beginBatch(fileDate:expectedRecords:)``.
    func beginBulkLoad(expectedRecords: Int) throws {
        // Worth it only when the file is large and at least as large as the directory: building
        // an index sorts every row, not just the new ones.
        let held = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM volunteer") ?? 0
        guard expectedRecords >= Schema.bulkLoadThreshold, expectedRecords >= held else { return }
        for index in Schema.searchIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
        searchIndexesSetAside = true
        try setIdentityIndexesAside(expecting: expectedRecords + held)
    }

    /// Builds again the indexes ``beginBulkLoad(expectedRecords:)`` set aside; called by ``record(_:)``.
    func endBulkLoad() throws {
        try putIdentityIndexesBack()
        guard searchIndexesSetAside else { return }
        for index in Schema.searchIndexes { try db.execute(sql: index.definition) }
        searchIndexesSetAside = false
    }

    // MARK: - Identity keys

    /// Drops the email and phone indexes, after noting who holds each key now in ``heldKeys``,
    /// which the identity look-ups then ask instead, and every write of a key keeps up to date.
    private func setIdentityIndexesAside(expecting expected: Int) throws {
        var email = HeldKeys(expected: expected)
        var phone = HeldKeys(expected: expected)
        let cursor = try Row.fetchCursor(
            db,
            sql: "SELECT id, email_key, phone_key FROM volunteer WHERE email_key IS NOT NULL OR phone_key IS NOT NULL")
        while let row = try cursor.next() {
            let id: VolunteerID = row[0]
            // Ids past what a slot holds (never seen in practice): keep the indexes.
            if let key: String = row[1], !email.note(key, heldBy: id) { return }
            if let key: String = row[2], !phone.note(key, heldBy: id) { return }
        }
        for index in Schema.identityIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
        heldKeys = (email, phone)
    }

    /// Builds the email and phone indexes again, if set aside, and forgets ``heldKeys`` first:
    /// the memory they take is not needed while the indexes are built.
    func putIdentityIndexesBack() throws {
        guard heldKeys != nil else { return }
        heldKeys = nil
        for index in Schema.identityIndexes { try db.execute(sql: index.definition) }
    }

    /// Notes the keys a volunteer now holds, having just been written with them; a key `nil`
    /// here leaves the one held as it was (the writes keep it by `COALESCE`).
    func noteHeldKeys(_ keys: VolunteerKeys, heldBy volunteer: VolunteerID) throws {
        guard heldKeys != nil else { return }
        var kept = true
        if let key = keys.email { kept = heldKeys?.email.note(key, heldBy: volunteer) ?? true }
        if kept, let key = keys.phone { kept = heldKeys?.phone.note(key, heldBy: volunteer) ?? true }
        if !kept { try putIdentityIndexesBack() }
    }

    /// What ``heldKeys`` holds for `kind`, while its index is set aside.
    func heldKeys(of kind: ContactKey) -> HeldKeys? {
        switch kind {
        case .email: heldKeys?.email
        case .phone: heldKeys?.phone
        }
    }

    /// The first volunteer by id holding `key` as their `kind` of contact key, from the
    /// candidates `held` gives, each read by id.
    func firstHolder(of key: String, as kind: ContactKey, among held: HeldKeys) throws -> VolunteerID? {
        for candidate in held.candidates(for: key) {
            let holds = try DirectStatement.firstInteger(
                "SELECT 1 FROM volunteer WHERE id = ? AND \(kind.column) = ?", in: db
            ) { bind in
                bind.integer(candidate)
                bind.text(key)
            }
            if holds != nil { return candidate }
        }
        return nil
    }
}
