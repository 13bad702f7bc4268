import Foundation
import PostgresNIO
import VolunteerDirectory

/// The writes of one import (or one coordinator's edit) on PostgreSQL, on the connection of its
/// transaction: the same rows in the same tables as the SQLite store's writer.
///
/// Round trips are what cost here, not rows. What records say of people is staged
/// (``StagedPeople``) and sent before the next statement of any kind: the new people with one
/// `COPY` per table, the changed ones through staging tables and a set-wise merge
/// (``sendStaged()``). A chunk's look-ups are one statement each (and load the memberships of
/// the people they find), and the memberships added, the full-text rows of changed people and
/// the stamps of listings listed again are written set-wise later, by ``finish()`` at the latest.
/// A 100,000-row roster costs about a thousand round trips, not a few hundred thousand.
///
/// Ids of volunteers, networks and batches are given as SQLite gives them (one past the highest
/// held), so both stores number the same directory alike; imports take the writers' lock, so no
/// two transactions give the same id.
final class PostgresWriter: DirectoryWriter {
    let connection: PostgresConnection
    let taxonomy: SkillTaxonomy
    /// Where the directory is: named in errors.
    let location: PostgresLocation
    /// Skill keys known to be mapped in this transaction: most records repeat skills already seen.
    var mappedKeys: Set<String> = []
    /// The numbers of the sources seen in this transaction: every record names its source.
    var sourceIDs: [String: Int64] = [:]
    /// This import's batch: the id it will be recorded under, and its file's date in microseconds
    /// since 1970, which every listing it lists is stamped with.
    var current: (batch: Int64, asOf: Int64)?
    /// The listings this import listed again unchanged, by source, not yet stamped with its batch.
    var confirmed: [Int64: [String]] = [:]
    /// The volunteers whose full-text rows are to be written (again) before the transaction ends.
    var textPending: Set<VolunteerID> = []
    /// Every membership of the people whose memberships are known here: those the last chunk's
    /// listings named, and those this transaction created. Someone not in it may hold any.
    var knownMemberships: [VolunteerID: [NetworkID: HeldMembership]] = [:]
    /// Memberships of people in ``knownMemberships`` added or changed and not yet written, as
    /// they are to stand.
    var pendingMemberships: [MembershipKey: HeldMembership] = [:]
    /// The next id to give in each table numbered here, once asked.
    var nextIDs: [String: Int64] = [:]
    /// This transaction's moment: a listed person's "last seen", an erasure's date.
    let seenAt = Date()
    /// Hashes contact keys for the suppression list, once there is one; `nil` until first asked.
    var suppressionKeys: SuppressionKeys??
    /// What this import said of the people it created or changed and has not sent yet: sent
    /// before any other statement, so that every statement sees it.
    var staged = StagedPeople()
    /// Whether this transaction has made its staging tables.
    var stagingMade = false
    /// The highest volunteer id held when this transaction first gave one: about how many
    /// people the directory held before it.
    var volunteersBefore: Int64?
    /// How many new people this transaction has sent, and how many it will have sent when it
    /// next refreshes the planner's statistics (see ``sendStaged()``).
    var peopleSent = 0
    var nextStatisticsAt: Int?
    /// ``seenAt`` as a copied `timestamptz` field.
    lazy var seenAtField = CopyRows.timestamp(seenAt)

    /// Imports that create or update at least this many records refresh the planner's
    /// statistics of the tables they changed (as the SQLite store's do).
    static let statisticsThreshold = 1_000

    /// The tables an import writes, whose statistics a large one refreshes.
    static let importedTables = [
        "volunteer", "listing", "ended_listing", "membership", "volunteer_skill", "volunteer_language",
        "volunteer_availability", "volunteer_text", "skill_mapping", "network",
    ]

    /// How many people's memberships are held at most: a hundred chunks' worth (about 10 MB).
    static let membershipsHeldAtMost = 100_000

    /// How many people's memberships this writer holds at most (``membershipsHeldAtMost``
    /// unless a test lowers it).
    let membershipsBound: Int

    init(
        _ connection: PostgresConnection, taxonomy: SkillTaxonomy, location: PostgresLocation,
        membershipsHeldAtMost: Int = PostgresWriter.membershipsHeldAtMost
    ) {
        self.connection = connection
        self.taxonomy = taxonomy
        self.location = location
        self.membershipsBound = membershipsHeldAtMost
    }

    /// Runs one statement on the transaction's connection, once the people staged are sent.
    @discardableResult
    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try sendStaged()
        return try connection.run(query)
    }

    /// The first column of the first row `query` returns, if there is one.
    func first<T: PostgresDecodable>(_ type: T.Type, _ query: PostgresQuery) throws -> T? {
        try run(query).first?.decode(T.self)
    }

    /// The id to give the next row of `table` (one past the highest held, as SQLite gives rowids).
    func nextID(in table: String) throws -> Int64 {
        let next =
            try nextIDs[table] ?? first(Int64.self, "SELECT COALESCE(MAX(id), 0) + 1 FROM \(unescaped: table)") ?? 1
        nextIDs[table] = next + 1
        if table == "volunteer", volunteersBefore == nil { volunteersBefore = next - 1 }
        return next
    }

    // MARK: - Batches

    func batch(sha256: String) throws -> ImportBatch? {
        try PostgresDirectoryStore.batches(
            "SELECT \(unescaped: PostgresDirectoryStore.batchColumns) FROM import_batch WHERE sha256 = \(sha256) ORDER BY id LIMIT 1",
            on: connection
        ).first
    }

    func lastSequence(of source: String) throws -> Int? {
        try first(Int?.self, "SELECT MAX(sequence) FROM import_batch WHERE source = \(source)") ?? nil
    }

    func beginBatch(fileDate: Date) throws {
        let next = try first(Int64.self, "SELECT COALESCE(MAX(id), 0) + 1 FROM import_batch") ?? 1
        current = (next, Int64((fileDate.timeIntervalSince1970 * 1_000_000).rounded()))
    }

    /// This import's batch, made from the present moment when ``beginBatch(fileDate:)`` was not called.
    func currentBatch() throws -> (batch: Int64, asOf: Int64) {
        if let current { return current }
        try beginBatch(fileDate: Date())
        return current ?? (0, 0)
    }

    func record(_ batch: ImportBatch) throws {
        // The store's own upkeep, inside the import's transaction: nothing after the commit can
        // fail and make a committed import look as if it wrote nothing.
        try finish()
        if batch.counts.created + batch.counts.updated >= Self.statisticsThreshold {
            // PostgreSQL analyses inside a transaction, counting the rows this one wrote.
            try run("ANALYZE \(unescaped: Self.importedTables.joined(separator: ", "))")
        }
        let id = try currentBatch().batch
        let counts = batch.counts
        try run(
            """
            INSERT INTO import_batch
              (id, file_name, sha256, plugin, imported_at, created, updated, unchanged, rejected, erased, ended, source,
               sequence, file_date)
            VALUES (\(id), \(batch.fileName), \(batch.sha256), \(batch.plugin), \(batch.importedAt), \(counts.created),
              \(counts.updated), \(counts.unchanged), \(counts.rejected), \(counts.erased), \(counts.ended),
              \(batch.source), \(batch.sequence), \(batch.fileDate))
            """)
    }

    /// Writes what this transaction left for its end: memberships, the stamps of the listings
    /// listed again, and the full-text rows of everyone it changed. ``record(_:)`` calls it, and the store
    /// after the transaction's body.
    func finish() throws {
        try sendStaged()
        try writePendingMemberships()
        try stampConfirmed()
        try writePendingText()
    }

    // MARK: - Networks

    func network(externalID: String) throws -> NetworkID? {
        try first(NetworkID.self, "SELECT id FROM network WHERE external_id = \(externalID)")
    }

    func network(named name: String) throws -> NetworkID? {
        try first(NetworkID.self, "SELECT id FROM network WHERE name_key = \(name.matchingKey)")
    }

    func createNetwork(named name: String) throws -> NetworkID {
        let id = try nextID(in: "network")
        try run("INSERT INTO network (id, name, name_key) VALUES (\(id), \(name), \(name.matchingKey))")
        return id
    }

    func fingerprint(ofNetwork id: NetworkID) throws -> String? {
        try first(String?.self, "SELECT fingerprint FROM network WHERE id = \(id)") ?? nil
    }

    func saveNetwork(_ record: NetworkRecord, id: NetworkID?, fingerprint: String) throws -> NetworkID {
        let areas = try StoredJSON.encode(record.areas)
        let contact = record.contact
        if let id {
            try run(
                """
                UPDATE network SET name = \(record.name), name_key = \(record.name.matchingKey),
                  external_id = COALESCE(\(record.externalID), external_id), kind = \(record.kind), areas = \(areas),
                  contact_name = \(contact?.name), contact_email = \(contact?.email),
                  contact_phone = \(contact?.phone), updated = \(record.updated?.description),
                  fingerprint = \(fingerprint)
                WHERE id = \(id)
                """)
            return id
        }
        let new = try nextID(in: "network")
        try run(
            """
            INSERT INTO network
              (id, name, name_key, external_id, kind, areas, contact_name, contact_email, contact_phone, updated, fingerprint)
            VALUES (\(new), \(record.name), \(record.name.matchingKey), \(record.externalID), \(record.kind), \(areas),
              \(contact?.name), \(contact?.email), \(contact?.phone), \(record.updated?.description), \(fingerprint))
            """)
        return new
    }

    // MARK: - Sources

    /// The number standing for a source's name in the listing and detail tables, made on first use.
    func sourceID(_ name: String) throws -> Int64 {
        if let known = try knownSourceID(name) { return known }
        let id = try first(Int64.self, "INSERT INTO source (name) VALUES (\(name)) RETURNING id") ?? 0
        sourceIDs[name] = id
        return id
    }

    /// The number of a source already held, or `nil` when it has listed nobody.
    func knownSourceID(_ name: String) throws -> Int64? {
        if let id = sourceIDs[name] { return id }
        let id = try first(Int64.self, "SELECT id FROM source WHERE name = \(name)")
        if let id { sourceIDs[name] = id }
        return id
    }
}
