import Foundation
import GRDB
import VolunteerDirectory

/// The writes of one import, on the connection of its transaction.
final class SQLiteDirectoryWriter: DirectoryWriter {
    let db: Database
    private let taxonomy: SkillTaxonomy
    /// Skill keys known to be mapped in this transaction: most records repeat skills already seen.
    private var mappedKeys: Set<String> = []
    /// The numbers of the sources seen in this transaction: every record names its source.
    private var sourceIDs: [String: Int64] = [:]
    /// The first volunteer this transaction created. Full-text rows for this one and everyone
    /// after are written together by ``finish()``: SQLite opens a statement savepoint for most
    /// statements in a transaction, and FTS5 writes out its pending terms at every savepoint, so a
    /// row per record interleaved with other writes makes a tiny index segment per person.
    private var firstCreated: VolunteerID?
    /// People held before this transaction whose full-text rows are out of date: rewritten
    /// together by ``finish()``, for the reason above. Row by row, the FTS5 segments they made
    /// were merged again and again (and, with secure delete, zeroed): 1.8 ms for each person a
    /// re-import updated, 18 s of a million-row roster's with 1% of its rows changed.
    private var staleText: Set<VolunteerID> = []
    /// This import's batch: the id it will be recorded under, and its file's date in microseconds
    /// since 1970, which every listing it lists is stamped with.
    private var current: (batch: Int64, asOf: Int64)?
    /// The rows of listings this import listed (saved, or listed again unchanged), not yet stamped
    /// with its batch, and the people it saw who were held before it, not yet stamped as seen: by
    /// id, since finding them through the listings' rows took a million-row re-import 6 s where
    /// this takes 1.4. The people it created are stamped as seen by ``finish()``, by their ids' range.
    var listedRows: [Int64] = []
    var seenPeople: [VolunteerID] = []
    /// The roster rows the listings were last read from, when this import loaded them, and the
    /// listings it has written or ended since (see `SQLiteDirectoryWriter+KnownRows.swift`).
    var knownListings = KnownListings()
    /// The rows of the listings the last chunk's look-up found, by source and listing id, so that
    /// confirming one of them asks nothing more. A listing this import ends or saves leaves it.
    private var chunkRows: (source: Int64, rows: [String: (row: Int64, volunteer: VolunteerID)])?
    /// Listings this import has saved or confirmed, and those it did not list, read in one pass
    /// when that pays (see ``UnconfirmedListings``); dropped by any later write that lists.
    private var listedThisImport = 0
    private var unconfirmed: UnconfirmedListings?

    /// Whether the stored search facets were current when this import's batch began (false for
    /// a write that began none), and whether it has since changed anything they are built from
    /// (who is held, a name, consent, a DBS level, a language's interpreting, availability): when
    /// current and unchanged, ``finish()`` keeps them and only stamps them current. A re-import
    /// whose changed rows change skills, contact details or notes no longer rebuilds them from
    /// the whole directory (0.7 to 1 s at a million).
    private var facetsWereCurrent = false
    private var facetInputsChanged = false

    /// Whether this transaction set the search indexes aside (see `SQLiteDirectoryWriter+BulkLoads.swift`).
    var searchIndexesSetAside = false
    /// Who may hold each email and phone key while this transaction has set their indexes aside
    /// too; `nil` while the indexes are in place.
    var heldKeys: (email: HeldKeys, phone: HeldKeys)?

    /// Failures injected by tests; none in use.
    private let faults: MaintenanceFaults
    /// This transaction's moment as the database stores dates: a listed person's "last seen".
    let seenAt = SQLiteDirectoryWriter.databaseDate(Date())
    /// Hashes contact keys for the suppression list, once there is one; `nil` until first asked.
    private var suppressionKeys: SuppressionKeys??

    init(_ db: Database, taxonomy: SkillTaxonomy, faults: MaintenanceFaults = .none) {
        self.db = db
        self.taxonomy = taxonomy
        self.faults = faults
    }

    /// Runs a statement from the connection's cache: an import runs the same few statements
    /// for every record, so parsing each once matters.
    private func run(sql: String, arguments: StatementArguments = []) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    // MARK: - Batches

    func batch(sha256: String) throws -> ImportBatch? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM import_batch WHERE sha256 = ? ORDER BY id LIMIT 1"),
            arguments: [sha256]
        )
        .map(SQLiteDirectoryStore.batch)
    }

    func lastSequence(of source: String) throws -> Int? {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT MAX(sequence) FROM import_batch WHERE source = ?"), arguments: [source])
    }

    func beginBatch(fileDate: Date) throws {
        let next = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM import_batch") ?? 1
        current = (next, Int64((fileDate.timeIntervalSince1970 * 1_000_000).rounded()))
        // Asked here, not when the writer is made: writers made to read (a file's batch by its
        // hash) or to erase never keep the facets, and a batch begun late (by `currentBatch`),
        // after a write that moved the directory's state, finds them out of date and rebuilds.
        facetsWereCurrent = try SearchFacets.areCurrent(in: db)
    }

    func beginBatch(fileDate: Date, expectedRecords: Int) throws {
        try beginBatch(fileDate: fileDate)
        try beginBulkLoad(expectedRecords: expectedRecords)
    }

    /// This import's batch, made from the present moment when ``beginBatch(fileDate:)`` was not called.
    private func currentBatch() throws -> (batch: Int64, asOf: Int64) {
        if let current { return current }
        try beginBatch(fileDate: Date())
        return current ?? (0, 0)
    }

    func record(_ batch: ImportBatch) throws {
        // The store's own maintenance, inside the import's transaction: nothing after the commit
        // can fail and make a committed import look as if it wrote nothing.
        try endBulkLoad()
        if batch.counts.created + batch.counts.updated >= Schema.statisticsThreshold {
            // Without statistics SQLite can pick a whole-language index for a per-person probe.
            try refreshStatistics()
        }
        try run(
            sql: """
                INSERT INTO import_batch
                  (id, file_name, sha256, plugin, imported_at, created, updated, unchanged, rejected, erased, ended, source,
                   sequence, file_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                current?.batch, batch.fileName, batch.sha256, batch.plugin, batch.importedAt, batch.counts.created,
                batch.counts.updated, batch.counts.unchanged, batch.counts.rejected, batch.counts.erased,
                batch.counts.ended,
                batch.source, batch.sequence, batch.fileDate,
            ])
    }

    // MARK: - Networks

    func network(externalID: String) throws -> NetworkID? {
        try NetworkID.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM network WHERE external_id = ?"), arguments: [externalID])
    }

    func network(named name: String) throws -> NetworkID? {
        try NetworkID.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM network WHERE name_key = ?"), arguments: [name.matchingKey])
    }

    func createNetwork(named name: String) throws -> NetworkID {
        try run(sql: "INSERT INTO network (name, name_key) VALUES (?, ?)", arguments: [name, name.matchingKey])
        return db.lastInsertedRowID
    }

    func fingerprint(ofNetwork id: NetworkID) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT fingerprint FROM network WHERE id = ?"), arguments: [id])
    }

    func saveNetwork(_ record: NetworkRecord, id: NetworkID?, fingerprint: String) throws -> NetworkID {
        let arguments: StatementArguments = [
            record.name, record.name.matchingKey, record.externalID, record.kind, try JSONColumn.encode(record.areas),
            record.contact?.name, record.contact?.email, record.contact?.phone, record.updated?.description,
            fingerprint,
        ]
        if let id {
            try run(
                sql: """
                    UPDATE network SET name = ?, name_key = ?, external_id = COALESCE(?, external_id), kind = ?, areas = ?,
                      contact_name = ?, contact_email = ?, contact_phone = ?, updated = ?, fingerprint = ?
                    WHERE id = ?
                    """,
                arguments: arguments + [id])
            return id
        }
        try run(
            sql: """
                INSERT INTO network
                  (name, name_key, external_id, kind, areas, contact_name, contact_email, contact_phone, updated, fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: arguments)
        return db.lastInsertedRowID
    }

    // MARK: - Volunteers

    func volunteer(listedBy source: String, externalID: String) throws -> VolunteerID? {
        guard let source = try knownSourceID(source) else { return nil }
        return try DirectStatement.firstInteger(
            "SELECT volunteer_id FROM listing WHERE source_id = ? AND listing_id = ?", in: db
        ) { bind in
            bind.integer(source)
            bind.text(externalID)
        }
    }

    func volunteer(emailKey: String) throws -> VolunteerID? {
        try firstVolunteer(holding: emailKey, as: .email)
    }

    func volunteer(phoneKey: String) throws -> VolunteerID? {
        try firstVolunteer(holding: phoneKey, as: .phone)
    }

    /// The first volunteer by id holding `key` as their `kind` of contact key.
    private func firstVolunteer(holding key: String, as kind: ContactKey) throws -> VolunteerID? {
        if let held = heldKeys(of: kind) { return try firstHolder(of: key, as: kind, among: held) }
        return try DirectStatement.firstInteger(
            "SELECT id FROM volunteer WHERE \(kind.column) = ? ORDER BY id LIMIT 1", in: db
        ) {
            $0.text(key)
        }
    }

    func listings(_ listingIDs: [String], listedBy source: String) throws -> [String: HeldListing] {
        chunkRows = nil
        guard let source = try knownSourceID(source) else { return [:] }
        var held: [String: HeldListing] = [:]
        var rows: [String: (row: Int64, volunteer: VolunteerID)] = [:]
        try Self.inParts(listingIDs) { part, placeholders in
            let cursor = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT listing_id, volunteer_id, fingerprint, rowid FROM listing
                        WHERE source_id = ? AND listing_id IN (\(placeholders))
                        """), arguments: StatementArguments([source as (any DatabaseValueConvertible)?] + part))
            while let row = try cursor.next() {
                let listingID: String = row[0]
                held[listingID] = HeldListing(volunteer: row[1], fingerprint: row[2])
                rows[listingID] = (row[3], row[1])
            }
        }
        chunkRows = (source, rows)
        return held
    }

    func volunteers(emailKeys: [String]) throws -> [String: VolunteerID] {
        try volunteers(keys: emailKeys, as: .email)
    }

    func volunteers(phoneKeys: [String]) throws -> [String: VolunteerID] {
        try volunteers(keys: phoneKeys, as: .phone)
    }

    /// The first volunteer by id holding each of `keys` as their `kind` of contact key, in a query
    /// per few hundred keys (or, while a bulk load has set the key's index aside, by ``HeldKeys``).
    private func volunteers(keys: [String], as kind: ContactKey) throws -> [String: VolunteerID] {
        var held: [String: VolunteerID] = [:]
        if let candidates = heldKeys(of: kind) {
            for key in keys where held[key] == nil {
                if let volunteer = try firstHolder(of: key, as: kind, among: candidates) { held[key] = volunteer }
            }
            return held
        }
        let column = kind.column
        try Self.inParts(keys) { part, placeholders in
            let cursor = try Row.fetchCursor(
                db.cachedStatement(
                    sql:
                        "SELECT \(column), MIN(id) FROM volunteer WHERE \(column) IN (\(placeholders)) GROUP BY \(column)"
                ),
                arguments: StatementArguments(part))
            while let row = try cursor.next() { held[row[0]] = row[1] }
        }
        return held
    }

    func endedByNewerRoster(_ listingIDs: [String], listedBy source: String) throws -> Set<String> {
        guard let source = try knownSourceID(source) else { return [] }
        let asOf = try currentBatch().asOf
        var ended: Set<String> = []
        try Self.inParts(listingIDs) { part, placeholders in
            let cursor = try String.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT listing_id FROM ended_listing
                        WHERE source_id = ? AND ended_as_of > ? AND listing_id IN (\(placeholders))
                        """), arguments: StatementArguments([source, asOf] as [(any DatabaseValueConvertible)?] + part))
            while let listingID = try cursor.next() { ended.insert(listingID) }
        }
        return ended
    }

    /// Calls `body` with `values` (distinct, in order) in parts of at most ``largestPart``, each
    /// padded with NULLs to a power of two and with that many `?` placeholders, so that a few
    /// cached statements serve every chunk (`x IN (..., NULL)` matches only the values).
    static func inParts(
        _ values: [String], _ body: ([(any DatabaseValueConvertible)?], String) throws -> Void
    ) throws {
        var seen: Set<String> = []
        let distinct = values.filter { seen.insert($0).inserted }
        var start = 0
        while start < distinct.count {
            let end = min(start + largestPart, distinct.count)
            var size = 8
            while size < end - start { size *= 2 }
            var part = distinct[start..<end].map { $0 as (any DatabaseValueConvertible)? }
            part += Array(repeating: nil, count: size - part.count)
            try body(part, Array(repeating: "?", count: size).joined(separator: ","))
            start = end
        }
    }

    /// The most values one set-wise look-up binds.
    static let largestPart = 512

    func fingerprint(ofListing listingID: String, listedBy source: String) throws -> String? {
        guard let source = try knownSourceID(source) else { return nil }
        return try String.fetchOne(
            db.cachedStatement(sql: "SELECT fingerprint FROM listing WHERE source_id = ? AND listing_id = ?"),
            arguments: [source, listingID])
    }

    func saveListing(
        _ record: VolunteerRecord, keys: VolunteerKeys, listingID: String, fingerprint: String,
        volunteer existing: VolunteerID?
    ) throws -> VolunteerID {
        try saveListing(
            record, keys: keys, listingID: listingID, fingerprint: fingerprint, volunteer: existing, readFrom: nil)
    }

    /// Saves a listing, remembering the digest of the roster row it was read from (`nil`: none).
    func saveListing(
        _ record: VolunteerRecord, keys: VolunteerKeys, listingID: String, fingerprint: String,
        volunteer existing: VolunteerID?, readFrom rowDigest: UInt64?
    ) throws -> VolunteerID {
        let source = try sourceID(record.source)
        let digest = rowDigest.map { Int64(bitPattern: $0) }
        forgetChunkRow(listingID, source: source)
        listed()
        guard let existing else {
            facetInputsChanged = true
            // A new person has one listing, so the merged fields are this record's own. The
            // common case of every import, so its values are bound directly.
            try DirectStatement.run(
                """
                INSERT INTO volunteer (name, name_key, email, email_key, phone, phone_key, postcode, postcode_district,
                  area, area_key, age_band, notes, consent_contact, consent_share, consent_recorded, dbs_level, dbs_issued)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, in: db
            ) { bind in
                for text in [
                    record.name, keys.name, record.email, keys.email, record.phone, keys.phone, keys.postcode,
                    keys.district,
                    record.area, keys.area, record.ageBand?.rawValue, record.notes,
                ] { bind.text(text) }
                bind.flag(record.consent.contact)
                bind.integer(record.consent.share?.rawValue)
                bind.text(record.consent.recorded?.description)
                bind.integer(record.dbs?.level.rawValue ?? 0)
                bind.text(record.dbs?.issued?.description)
            }
            let id = db.lastInsertedRowID
            try noteHeldKeys(keys, heldBy: id)
            let batch = try currentBatch()
            try DirectStatement.run(
                """
                INSERT INTO listing (source_id, listing_id, fingerprint, consent_contact, consent_share, consent_recorded,
                  dbs_level, dbs_issued, volunteer_id, name_key, email_key, phone_key, first_batch, dbs_update_service,
                  row_digest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, in: db
            ) { bind in
                bind.integer(source)
                bind.text(listingID)
                bind.text(fingerprint)
                bind.flag(record.consent.contact)
                bind.integer(record.consent.share?.rawValue)
                bind.text(record.consent.recorded?.description)
                bind.integer(record.dbs?.level.rawValue)
                bind.text(record.dbs?.issued?.description)
                bind.integer(id)
                bind.text(keys.name)
                bind.text(keys.email)
                bind.text(keys.phone)
                bind.integer(batch.batch)
                bind.flag(record.dbs?.updateService)
                bind.integer(digest)
            }
            listedRows.append(db.lastInsertedRowID)
            try insertDetails(of: id, source: source, from: record, keys: keys)
            if let firstCreated, id < firstCreated {
                // An id given again after erasures in this transaction: not in the range `finish` writes.
                refreshText(of: id)
                seenPeople.append(id)
            } else if firstCreated == nil {
                firstCreated = id
            }
            return id
        }
        let profile: StatementArguments = [
            record.name, keys.name, record.email, keys.email, record.phone, keys.phone, keys.postcode, keys.district,
            record.area,
            keys.area, record.ageBand?.rawValue, record.notes,
        ]
        let batch = try currentBatch()
        let listing: StatementArguments = [
            source, listingID, fingerprint, record.consent.contact, record.consent.share?.rawValue,
            record.consent.recorded?.description, record.dbs?.level.rawValue, record.dbs?.issued?.description,
            existing, keys.name, keys.email, keys.phone, batch.batch, record.dbs?.updateService, digest,
        ]
        let heldNameKey = try String.fetchOne(
            db.cachedStatement(sql: "SELECT name_key FROM volunteer WHERE id = ?"), arguments: [existing])
        if heldNameKey.map({ !$0.utf8.elementsEqual(keys.name.utf8) }) ?? true { facetInputsChanged = true }
        // The latest source's values win; what it leaves out, earlier sources keep. Written only
        // if that changes anything: SQLite rewrites the index entries of every column an UPDATE
        // sets, changed or not, a page of each of five indexes for each person a re-import updated.
        try run(
            sql: """
                UPDATE volunteer SET name = ?1, name_key = ?2, email = COALESCE(?3, email),
                  email_key = COALESCE(?4, email_key), phone = COALESCE(?5, phone), phone_key = COALESCE(?6, phone_key),
                  postcode = COALESCE(?7, postcode), postcode_district = COALESCE(?8, postcode_district),
                  area = COALESCE(?9, area), area_key = COALESCE(?10, area_key), age_band = COALESCE(?11, age_band),
                  notes = COALESCE(?12, notes)
                WHERE id = ?13 AND (name IS NOT ?1 OR name_key IS NOT ?2 OR email IS NOT COALESCE(?3, email)
                  OR email_key IS NOT COALESCE(?4, email_key) OR phone IS NOT COALESCE(?5, phone)
                  OR phone_key IS NOT COALESCE(?6, phone_key) OR postcode IS NOT COALESCE(?7, postcode)
                  OR postcode_district IS NOT COALESCE(?8, postcode_district) OR area IS NOT COALESCE(?9, area)
                  OR area_key IS NOT COALESCE(?10, area_key) OR age_band IS NOT COALESCE(?11, age_band)
                  OR notes IS NOT COALESCE(?12, notes))
                """,
            arguments: profile + [existing])
        try noteHeldKeys(keys, heldBy: existing)
        seenPeople.append(existing)
        // Stamped with the listings confirmed unchanged (see `stampListings`), by the same rule.
        let row = try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    INSERT INTO listing (source_id, listing_id, fingerprint, consent_contact, consent_share,
                      consent_recorded, dbs_level, dbs_issued, volunteer_id, name_key, email_key, phone_key,
                      first_batch, dbs_update_service, row_digest)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (source_id, listing_id) DO UPDATE SET
                      dbs_update_service = excluded.dbs_update_service, row_digest = excluded.row_digest,
                      fingerprint = excluded.fingerprint, consent_contact = excluded.consent_contact,
                      consent_share = excluded.consent_share, consent_recorded = excluded.consent_recorded,
                      dbs_level = excluded.dbs_level, dbs_issued = excluded.dbs_issued,
                      name_key = excluded.name_key, email_key = excluded.email_key, phone_key = excluded.phone_key
                    RETURNING rowid
                    """), arguments: listing)
        if let row {
            // The person a listing names changes rarely (records merged): its index entry only then.
            try run(
                sql: "UPDATE listing SET volunteer_id = ?1 WHERE rowid = ?2 AND volunteer_id IS NOT ?1",
                arguments: [existing, row])
            listedRows.append(row)
            // A row known as read from this listing no longer reads as it stands: read it again.
            knownListings.touch(row)
        }
        if try replaceDetails(of: existing, source: source, from: record, keys: keys) { facetInputsChanged = true }
        try refreshMergedFields(of: existing)
        refreshText(of: existing)
        return existing
    }

    func confirmListing(_ listingID: String, listedBy source: String) throws {
        try confirmHeldListing(listingID, listedBy: source)
    }

    /// Confirms a listing as ``confirmListing(_:listedBy:)`` does, and gives its row; `nil` (and
    /// nothing done) when the source holds no such listing.
    @discardableResult
    func confirmHeldListing(_ listingID: String, listedBy source: String) throws -> Int64? {
        guard let source = try knownSourceID(source) else { return nil }
        // Stamped in bulk later: a statement that rewrites the row for every unchanged person made
        // re-importing an unchanged roster half as slow again.
        var held = chunkRows?.source == source ? chunkRows?.rows[listingID] : nil
        if held == nil,
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT rowid, volunteer_id FROM listing WHERE source_id = ? AND listing_id = ?"),
                arguments: [source, listingID])
        {
            held = (row[0], row[1])
        }
        guard let held else { return nil }
        listedAgain(row: held.row, of: held.volunteer)
        return held.row
    }

    /// Notes a listing (in `row`, of the person `volunteer`) listed again unchanged: stamped with
    /// the others by ``stampListed()``.
    func listedAgain(row: Int64, of volunteer: VolunteerID) {
        listedRows.append(row)
        seenPeople.append(volunteer)
        listed()
    }

    /// Every row of the file is read: the known rows' table goes, to make room (a row asked about
    /// after this would only be read in full), and what was listed and seen is stamped.
    private func finishReading() throws {
        knownListings = KnownListings()
        try stampListed()
    }

    /// Writes what this import listed and saw since the last call: the digests of rows remembered,
    /// the listings' stamps and the people's "last seen". Once this has run, every listing has
    /// its `listing_stamp` row.
    private func stampListed() throws {
        try writeRememberedDigests()
        try stampListings()
        try stampPeople()
    }

    /// Stamps the listings listed since the last call, by row in order, in a few statements: a
    /// listing keeps the newest roster that listed it, so an older file's stamp does not replace a
    /// newer one's. Reads nothing of the listing table (see `Schema+Stamps.swift`).
    private func stampListings() throws {
        guard !listedRows.isEmpty else { return }
        let batch = try currentBatch()
        try stamp(
            &listedRows,
            inRuns: """
                UPDATE listing_stamp SET batch = CASE WHEN as_of > ?2 THEN batch ELSE ?1 END,
                  as_of = MAX(COALESCE(as_of, ?2), ?2)
                WHERE listing_row BETWEEN ?3 AND ?4
                """,
            one: """
                INSERT INTO listing_stamp (listing_row, batch, as_of)
                SELECT value, ?1, ?2 FROM json_each(?3) WHERE true
                ON CONFLICT (listing_row) DO UPDATE SET
                  batch = CASE WHEN as_of > excluded.as_of THEN batch ELSE excluded.batch END,
                  as_of = MAX(COALESCE(as_of, excluded.as_of), excluded.as_of)
                """, values: [batch.batch.databaseValue, batch.asOf.databaseValue])
    }

    /// Stamps the people held before this import whom it saw since the last call as seen now.
    private func stampPeople() throws {
        guard !seenPeople.isEmpty else { return }
        try stamp(
            &seenPeople, inRuns: "UPDATE volunteer_seen SET at = ?1 WHERE volunteer_id BETWEEN ?2 AND ?3",
            one: """
                INSERT INTO volunteer_seen (volunteer_id, at) SELECT value, ?1 FROM json_each(?2) WHERE true
                ON CONFLICT (volunteer_id) DO UPDATE SET at = excluded.at
                """, values: [seenAt.databaseValue])
    }

    /// Stamps `keys` with `values`, each once and in order, and empties them: each run of at
    /// least ``shortestStampedRun`` consecutive keys by `inRuns` (an `UPDATE` taking `values`, then
    /// the run's first and last key), and the rest, with any run whose keys were not all stamped
    /// before, by `one` (an upsert taking `values`, then the keys as a JSON array).
    ///
    /// A re-import lists almost every listing and person again, their keys in long runs: stamped
    /// a range at a time, nothing is written out as JSON and parsed back (about a third of
    /// stamping a million).
    private func stamp(_ keys: inout [Int64], inRuns: String, one: String, values: [DatabaseValue]) throws {
        Self.sortUnique(&keys)
        defer { keys = [] }
        let update = try db.cachedStatement(sql: inRuns)
        var rest: [Int64] = []
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count, keys[end] == keys[end - 1] + 1 { end += 1 }
            if end - start >= Self.shortestStampedRun {
                try update.execute(
                    arguments: StatementArguments(values + [keys[start].databaseValue, keys[end - 1].databaseValue]))
                if db.changesCount != end - start { rest += keys[start..<end] }
            } else {
                rest += keys[start..<end]
            }
            start = end
        }
        try Self.inJSONParts(rest) { part in
            try db.execute(sql: one, arguments: StatementArguments(values + [part.databaseValue]))
        }
    }

    /// The fewest consecutive keys stamped as a range.
    private static let shortestStampedRun = 16

    /// Sorts `items` in place and keeps each once: stamps are written in turn, page after page.
    private static func sortUnique(_ items: inout [Int64]) {
        items.sort()
        var kept = 0
        for item in items where kept == 0 || items[kept - 1] != item {
            items[kept] = item
            kept += 1
        }
        items.removeLast(items.count - kept)
    }

    /// Calls `body` with `items` as JSON arrays of at most 100,000 each, for `json_each`, one part
    /// at a time: numbers, or values already written as JSON.
    static func inJSONParts<Item: LosslessStringConvertible>(_ items: [Item], _ body: (String) throws -> Void) throws {
        for start in stride(from: 0, to: items.count, by: 100_000) {
            var json = "["
            for item in items[start..<min(start + 100_000, items.count)] {
                if json.utf8.count > 1 { json += "," }
                json += item.description
            }
            try body(json + "]")
        }
    }

    func identity(ofListing listingID: String, listedBy source: String) throws -> ListedIdentity? {
        guard let source = try knownSourceID(source) else { return nil }
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT l.volunteer_id, v.name, l.name_key, l.email_key, l.phone_key, v.name_key, v.email_key, v.phone_key
                    FROM listing l JOIN volunteer v ON v.id = l.volunteer_id WHERE l.source_id = ? AND l.listing_id = ?
                    """), arguments: [source, listingID])
        guard let row else { return nil }
        let listedName: String? = row[2]
        // A listing held from before v8 did not keep its keys: the person's own stand in for them.
        let offset = listedName == nil ? 5 : 2
        return ListedIdentity(
            volunteer: row[0], name: row[1], nameKey: row[offset], emailKey: row[offset + 1], phoneKey: row[offset + 2])
    }

    func unconfirmedListings(of source: String) throws -> [(listingID: String, volunteer: VolunteerID)] {
        guard let source = try knownSourceID(source) else { return [] }
        if let all = try unconfirmedInOnePass() { return all.listings(of: source) }
        let batch = try currentBatch()
        return try Row.fetchAll(
            db,
            sql: """
                SELECT l.listing_id, l.volunteer_id FROM listing l JOIN listing_stamp s ON s.listing_row = l.rowid
                WHERE l.source_id = ? AND s.batch IS NOT ? AND (s.as_of IS NULL OR s.as_of <= ?)
                ORDER BY l.listing_id
                """, arguments: [source, batch.batch, batch.asOf]
        ).map { ($0[0], $0[1]) }
    }

    func newerListings(of source: String) throws -> Int {
        guard let source = try knownSourceID(source) else { return 0 }
        if let all = try unconfirmedInOnePass() { return all.newerListings(of: source) }
        let batch = try currentBatch()
        return try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM listing l JOIN listing_stamp s ON s.listing_row = l.rowid
                WHERE l.source_id = ? AND s.as_of > ?
                """,
            arguments: [source, batch.asOf]) ?? 0
    }

    func endListing(_ listingID: String, listedBy source: String, networks: [NetworkID]) throws -> ListingEnd {
        guard let source = try knownSourceID(source),
            let held = try Row.fetchOne(
                db, sql: "SELECT volunteer_id, rowid FROM listing WHERE source_id = ? AND listing_id = ?",
                arguments: [source, listingID])
        else { return .stillListed }
        let volunteer: VolunteerID = held[0]
        forgetChunkRow(listingID, source: source)
        knownListings.touch(held[1])
        unconfirmed?.remove(listingID, of: source)
        try run(sql: "DELETE FROM listing WHERE source_id = ? AND listing_id = ?", arguments: [source, listingID])
        try run(
            sql:
                "INSERT OR REPLACE INTO ended_listing (source_id, listing_id, volunteer_id, ended_as_of) VALUES (?, ?, ?, ?)",
            arguments: [source, listingID, volunteer, try currentBatch().asOf])
        let listings = try Row.fetchAll(
            db, sql: "SELECT source_id = ? FROM listing WHERE volunteer_id = ?", arguments: [source, volunteer]
        ).map { $0[0] as Bool }
        if listings.contains(true) { return .stillListed }
        facetInputsChanged = true
        // What this source said of them goes with its listing; what other sources say stays.
        for table in ["volunteer_skill", "volunteer_language", "volunteer_availability"] {
            try run(
                sql: "DELETE FROM \(table) WHERE volunteer_id = ? AND source_id = ?", arguments: [volunteer, source])
        }
        for network in networks {
            try run(
                sql: "DELETE FROM membership WHERE volunteer_id = ? AND network_id = ?",
                arguments: [volunteer, network])
        }
        try refreshMergedFields(of: volunteer)
        refreshText(of: volunteer)
        return listings.isEmpty ? .leftEverySource : .leftSource
    }

    func wasEndedByNewerRoster(_ listingID: String, listedBy source: String) throws -> Bool {
        guard let source = try knownSourceID(source) else { return false }
        let batch = try currentBatch()
        return try DirectStatement.firstInteger(
            "SELECT 1 FROM ended_listing WHERE source_id = ? AND listing_id = ? AND ended_as_of > ?", in: db
        ) { bind in
            bind.integer(source)
            bind.text(listingID)
            bind.integer(batch.asOf)
        } != nil
    }

    func addMembership(volunteer: VolunteerID, network: NetworkID, role: String?, since: CalendarDate?) throws -> Bool {
        try DirectStatement.run(
            """
            INSERT INTO membership (volunteer_id, network_id, role, since) VALUES (?, ?, ?, ?)
            ON CONFLICT (volunteer_id, network_id) DO UPDATE SET
              role = COALESCE(excluded.role, role), since = COALESCE(excluded.since, since)
            WHERE COALESCE(excluded.role, role) IS NOT role OR COALESCE(excluded.since, since) IS NOT since
            """, in: db
        ) { bind in
            bind.integer(volunteer)
            bind.integer(network)
            bind.text(role)
            bind.text(since?.description)
        }
        return db.changesCount > 0
    }

    func erase(volunteer id: VolunteerID) throws {
        facetInputsChanged = true
        chunkRows = nil
        unconfirmed = nil
        // What is listed and seen so far is written first: the rows and ids about to go are not
        // left to be stamped (or given a remembered digest) after they are gone, or given again.
        try stampListed()
        let keys = try String.fetchAll(
            db, sql: "SELECT DISTINCT key FROM volunteer_skill WHERE volunteer_id = ?", arguments: [id])
        let sources = try Int64.fetchAll(
            db, sql: "SELECT DISTINCT source_id FROM listing WHERE volunteer_id = ?", arguments: [id])
        try run(sql: "DELETE FROM volunteer_text WHERE rowid = ?", arguments: [id])
        // Listings, memberships, skills, languages and slots go by ON DELETE CASCADE.
        try run(sql: "DELETE FROM volunteer WHERE id = ?", arguments: [id])
        // Numbered, so that a restore re-applies the erasures made after its backup.
        try run(sql: "INSERT INTO erasure (volunteer_id, at) VALUES (?, ?)", arguments: [id, seenAt])
        // A skill written by this person alone is their data too: its mapping goes with them.
        for key in keys {
            try run(
                sql:
                    "DELETE FROM skill_mapping WHERE key = ?1 AND NOT EXISTS (SELECT 1 FROM volunteer_skill WHERE key = ?1)",
                arguments: [key])
            mappedKeys.remove(key)
        }
        // So is a source that listed nobody else (a file named after the person, say).
        for source in sources {
            try run(
                sql: "DELETE FROM source WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM listing WHERE source_id = ?1)",
                arguments: [source])
            if db.changesCount > 0 { sourceIDs = sourceIDs.filter { $0.value != source } }
        }
    }

    /// Whether the record's email or phone key was suppressed by `voldir forget`.
    func isSuppressed(_ keys: VolunteerKeys) throws -> Bool {
        guard keys.email != nil || keys.phone != nil else { return false }
        if suppressionKeys == nil {
            let any = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM suppression_key)") ?? false
            suppressionKeys = .some(any ? try Self.suppressionKeys(in: db) : nil)
        }
        guard case .some(.some(let hasher)) = suppressionKeys else { return false }
        let hashes = [keys.email.map(hasher.email), keys.phone.map(hasher.phone)].compactMap { $0 }
        for hash in hashes
        where try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM suppression_key WHERE hash = ?"), arguments: [hash])
            != nil
        {
            return true
        }
        return false
    }

    /// The directory's suppression hasher, from the secret its migration made.
    static func suppressionKeys(in db: Database) throws -> SuppressionKeys {
        let secretSQL = "SELECT value FROM directory_setting WHERE name = 'suppression-secret'"
        guard let text = try String.fetchOne(db, sql: secretSQL),
            let secret = Data(base64Encoded: text)
        else { throw StoreError.cannotOpen(path: db.description, reason: "its suppression secret is missing") }
        return SuppressionKeys(secret: secret)
    }

    /// A date as GRDB stores one (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), so that text and `Date` compare alike.
    static func databaseDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        return formatter.string(from: date)
    }

    /// Refreshes the planner's statistics; called by ``record(_:)`` after a large change.
    func refreshStatistics() throws {
        if let failure = faults.statistics { throw failure }
        // A sampled analysis: enough for the planner to tell a per-person index from a
        // whole-language one, in a fraction of a full ANALYZE's time on a large directory.
        try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE")
    }

    /// Records what the taxonomy makes of a written skill, once per distinct key.
    func mapSkill(key: String) throws {
        guard mappedKeys.insert(key).inserted else { return }
        guard
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM skill_mapping WHERE key = ?"), arguments: [key])
                == nil
        else { return }
        try Self.insertMappings(of: key, taxonomy: taxonomy, in: db)
    }

    /// Writes the mapping rows of one key: one per concept, or one empty row when none.
    static func insertMappings(of key: String, taxonomy: SkillTaxonomy, in db: Database) throws {
        let mappings = taxonomy.understand(key)
        let rows = mappings.isEmpty ? [("", "")] : mappings.map { ($0.concept, $0.kind.rawValue) }
        for (concept, kind) in rows {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO skill_mapping (key, concept, kind) VALUES (?, ?, ?)")
                .execute(arguments: [key, concept, kind])
        }
    }

    // MARK: - Needs

    func fingerprint(ofNeed id: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT fingerprint FROM need WHERE id = ?"), arguments: [id])
    }

    func saveNeed(_ need: Need, source: String, fingerprint: String) throws {
        var details = need
        details.duplicateOf = nil  // kept in its own column, which the directory sets
        // An upsert, not a replace: replacing deletes the row, and with it its placements and the
        // duplicate flags of needs that point at it.
        try run(
            sql: """
                INSERT INTO need (id, partner, title, places, details, fingerprint, source, match_key, duplicate_of)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                  partner = excluded.partner, title = excluded.title, places = excluded.places,
                  -- a need a coordinator closed stays closed when a source brings it again
                  details = CASE
                    WHEN json_extract(need.details, '$.closed') IS NOT NULL
                      AND json_extract(excluded.details, '$.closed') IS NULL
                    THEN json_set(excluded.details, '$.closed', json_extract(need.details, '$.closed'))
                    ELSE excluded.details END,
                  fingerprint = excluded.fingerprint, source = excluded.source, match_key = excluded.match_key,
                  duplicate_of = excluded.duplicate_of
                """,
            arguments: [
                need.id, need.partner, need.title, need.places, try JSONColumn.encode(details), fingerprint, source,
                Schema.needKey(partner: need.partner, title: need.title), need.duplicateOf,
            ])
    }

    func needs(partner: String, title: String) throws -> [(need: Need, source: String?)] {
        try Row.fetchAll(
            db, sql: "SELECT details, source, duplicate_of FROM need WHERE match_key = ? ORDER BY id",
            arguments: [Schema.needKey(partner: partner, title: title)]
        ).compactMap { row in
            guard var need = JSONColumn.decode(Need.self, from: row[0]) else { return nil }
            need.duplicateOf = row[2]
            return (need, row[1])
        }
    }

    func mergedNeed(_ id: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT kept FROM need_merge WHERE id = ?"), arguments: [id])
    }

    // MARK: - Helpers

    /// Notes a listing saved or confirmed: the listings not listed, if read, are out of date.
    func listed() {
        listedThisImport += 1
        unconfirmed = nil
    }

    /// Finishes reading, then gives the listings this batch did not list, read in one pass (and
    /// kept until a write that lists) when that pays; `nil` when each source is asked alone.
    private func unconfirmedInOnePass() throws -> UnconfirmedListings? {
        try finishReading()
        if unconfirmed == nil, try UnconfirmedListings.payOff(listedThisImport: listedThisImport, in: db) {
            let batch = try currentBatch()
            unconfirmed = try UnconfirmedListings(batch: batch.batch, asOf: batch.asOf, in: db)
        }
        return unconfirmed
    }

    /// Forgets the row the last chunk's look-up found for a listing this import now changes.
    private func forgetChunkRow(_ listingID: String, source: Int64) {
        if chunkRows?.source == source { chunkRows?.rows[listingID] = nil }
    }

    /// The number standing for a source's name in the listing and detail tables, made on first use.
    private func sourceID(_ name: String) throws -> Int64 {
        if let known = try knownSourceID(name) { return known }
        try run(sql: "INSERT INTO source (name) VALUES (?)", arguments: [name])
        sourceIDs[name] = db.lastInsertedRowID
        return db.lastInsertedRowID
    }

    /// The number of a source already held, or `nil` when it has listed nobody.
    private func knownSourceID(_ name: String) throws -> Int64? {
        if let id = sourceIDs[name] { return id }
        let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM source WHERE name = ?"), arguments: [name])
        if let id { sourceIDs[name] = id }
        return id
    }

    /// Consent as the sources agree it (no from any source wins; the narrowest sharing wins) and
    /// the highest DBS check any source reported; written only if that changes them (see the
    /// profile's `UPDATE` in `saveListing`).
    private func refreshMergedFields(of id: VolunteerID) throws {
        try run(
            sql: """
                UPDATE volunteer SET consent_contact = merged.contact, consent_share = merged.share,
                  consent_recorded = merged.recorded, dbs_level = merged.level, dbs_issued = merged.issued
                FROM (SELECT
                  (SELECT CASE WHEN SUM(consent_contact = 0) > 0 THEN 0 WHEN SUM(consent_contact = 1) > 0 THEN 1 END
                   FROM listing WHERE volunteer_id = ?1) AS contact,
                  (SELECT MIN(consent_share) FROM listing WHERE volunteer_id = ?1) AS share,
                  (SELECT MAX(consent_recorded) FROM listing WHERE volunteer_id = ?1) AS recorded,
                  COALESCE((SELECT MAX(dbs_level) FROM listing WHERE volunteer_id = ?1), 0) AS level,
                  (SELECT dbs_issued FROM listing WHERE volunteer_id = ?1 AND dbs_level IS NOT NULL
                   ORDER BY dbs_level DESC, dbs_issued DESC LIMIT 1) AS issued) AS merged
                WHERE id = ?1 AND (consent_contact IS NOT merged.contact OR consent_share IS NOT merged.share
                  OR consent_recorded IS NOT merged.recorded OR dbs_level IS NOT merged.level
                  OR dbs_issued IS NOT merged.issued)
                """,
            arguments: [id])
        if db.changesCount > 0 { facetInputsChanged = true }
    }

    /// What the transaction leaves to its end, after the import's body and inside its
    /// transaction (the store calls it): the stamps not yet written, the full-text rows of the
    /// people it changed and, in one statement, of those it created, their "last seen", and the
    /// search facets (kept, or rebuilt when their inputs changed).
    func finish() throws {
        try finishReading()
        try rewriteStaleText()
        if let firstCreated {
            try FullTextRows.insert(where: "id >= ?", arguments: [firstCreated], in: db)
            try run(
                sql: """
                    INSERT INTO volunteer_seen (volunteer_id, at) SELECT id, ? FROM volunteer WHERE id >= ?
                    ON CONFLICT (volunteer_id) DO UPDATE SET at = excluded.at
                    """, arguments: [seenAt, firstCreated])
            self.firstCreated = nil
        }
        // The facets every search would otherwise build from the whole directory, as this
        // import leaves it.
        if facetsWereCurrent, !facetInputsChanged {
            try SearchFacets.stampCurrent(in: db)
        } else {
            try SearchFacets.rebuild(in: db)
        }
    }

    /// Marks a person's full-text row out of date; ``finish()`` writes it as the person then
    /// stands (created in this transaction: with the others created).
    private func refreshText(of id: VolunteerID) {
        if let firstCreated, id >= firstCreated { return }
        staleText.insert(id)
    }

    /// Rewrites the full-text rows marked out of date, in one statement a part.
    private func rewriteStaleText() throws {
        let stale = staleText.sorted()
        staleText = []
        try Self.inJSONParts(stale) { part in
            try run(
                sql: "DELETE FROM volunteer_text WHERE rowid IN (SELECT value FROM json_each(?))", arguments: [part])
            try FullTextRows.insert(where: "id IN (SELECT value FROM json_each(?))", arguments: [part], in: db)
        }
    }
}
