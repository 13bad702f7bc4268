import Foundation
import GRDB
import VolunteerDirectory

/// The embedded directory: one SQLite file (WAL, foreign keys, FTS5, secure delete) through GRDB.
///
/// Commands that only read open it with ``Access/reading``: read-only, so they never take the
/// write lock and work on a file or mount nobody may write. Commands that write open it with
/// ``Access/writing``, which creates it when missing; their transactions begin `IMMEDIATE` and
/// wait up to `lockTimeout` for another writer, so two imports queue rather than fail.
///
/// ```swift
/// let store = try SQLiteDirectoryStore(path: "voldir.sqlite", access: .reading)
/// let found = try store.search(VolunteerQuery(skills: ["first aid"]))
/// ```
public final class SQLiteDirectoryStore: DirectoryStore {
    /// What the opener means to do with the directory, which decides how it is opened.
    public enum Access: Sendable {
        /// Only reading. The file must exist; it is opened read-only. When this voldir's schema
        /// or taxonomy is newer than the file's and the file can be written, it is brought up to
        /// date first (a write that waits its turn); when it cannot be written, a pending
        /// migration is an error and a changed taxonomy a note (``notes``).
        case reading
        /// Reading and writing; the file is created when missing.
        case writing
    }

    /// How long a writer waits for another's transaction before giving up, by default: longer
    /// than a large import's commit, short enough that a stuck writer is reported.
    public static let defaultLockTimeout: TimeInterval = 60

    private let database: any DatabaseWriter
    let openedFor: Access
    let lockTimeout: TimeInterval
    /// The file as given (`nil` in memory): where a reading store appends its audit entries.
    let filePath: String?
    private let facets = FacetCache()
    /// Failures injected by tests; none in use.
    let faults: MaintenanceFaults

    /// The skills taxonomy skills are mapped and searched with.
    public let taxonomy: SkillTaxonomy

    /// What the person who opened the directory should be told, once: today, that the skills
    /// were mapped with another taxonomy and the file could not be written to map them again.
    public let notes: [String]

    /// How many of the search facets the directory keeps this store had to build itself, those
    /// kept being out of date: for tests (0 while every write keeps them).
    var facetsBuiltInProcess: Int { facets.builtInProcess }

    /// The connection for reads, for this module's extensions.
    var reader: any DatabaseReader { database }
    /// The connection for writes (and backups), for this module's extensions.
    var writer: any DatabaseWriter { database }

    /// Opens the directory at `path` for `access` (creating it when writing) and, where it may,
    /// brings its schema up to date. Skills are mapped with `taxonomy` (the shipped one when
    /// `nil`); when it differs from the taxonomy the directory was last mapped with, every
    /// written skill is mapped again. Writers wait up to `lockTimeout` seconds for each other.
    public convenience init(
        path: String, taxonomy: SkillTaxonomy? = nil, access: Access = .writing,
        lockTimeout: TimeInterval = SQLiteDirectoryStore.defaultLockTimeout
    ) throws {
        try self.init(path: path, taxonomy: taxonomy, access: access, lockTimeout: lockTimeout, faults: .none)
    }

    /// Opens the directory with failures injected into its upkeep: for tests.
    init(
        path: String, taxonomy: SkillTaxonomy?, access: Access, lockTimeout: TimeInterval, faults: MaintenanceFaults
    ) throws {
        let taxonomy = try taxonomy ?? SkillTaxonomy.standard()
        self.taxonomy = taxonomy
        self.openedFor = access
        self.lockTimeout = lockTimeout
        self.faults = faults
        filePath = path
        switch access {
        case .writing:
            database = try Self.openForWriting(path: path, taxonomy: taxonomy, lockTimeout: lockTimeout)
            notes = []
        case .reading:
            (database, notes) = try Self.openForReading(path: path, taxonomy: taxonomy, lockTimeout: lockTimeout)
        }
    }

    /// Opens a private directory in memory: for tests and rehearsals.
    public init(taxonomy: SkillTaxonomy? = nil) throws {
        let taxonomy = try taxonomy ?? SkillTaxonomy.standard()
        self.taxonomy = taxonomy
        openedFor = .writing
        lockTimeout = Self.defaultLockTimeout
        faults = .none
        notes = []
        filePath = nil
        let queue = try DatabaseQueue(configuration: Self.configuration(lockTimeout: lockTimeout))
        try Self.migrate(queue, path: queue.path, lockTimeout: lockTimeout)
        try Self.mapSkillsIfTaxonomyChanged(queue, taxonomy: taxonomy, path: queue.path, lockTimeout: lockTimeout)
        database = queue
    }

    // MARK: - Opening

    /// Opens a pool for writing (creating the file when missing) and brings the file up to date.
    private static func openForWriting(
        path: String, taxonomy: SkillTaxonomy, lockTimeout: TimeInterval
    ) throws -> DatabasePool {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw StoreError.cannotOpen(path: path, reason: "the folder '\(folder)' does not exist")
        }
        guard canWrite(path) else { throw StoreError.cannotWrite(path: path) }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration(lockTimeout: lockTimeout))
        } catch {
            throw openingError(error, path: path, lockTimeout: lockTimeout)
        }
        try migrate(pool, path: path, lockTimeout: lockTimeout)
        try mapSkillsIfTaxonomyChanged(pool, taxonomy: taxonomy, path: path, lockTimeout: lockTimeout)
        return pool
    }

    /// Opens one read-only connection to an existing file. A pending migration or a changed
    /// taxonomy is applied first through a writing pool when the file can be written (once per
    /// upgrade or taxonomy change, waiting its turn like any writer); otherwise a pending
    /// migration is an error, and a changed taxonomy a note.
    private static func openForReading(
        path: String, taxonomy: SkillTaxonomy, lockTimeout: TimeInterval
    ) throws -> (DatabaseQueue, notes: [String]) {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.noDirectory(path: path) }
        let queue = try openReadOnly(path: path, lockTimeout: lockTimeout)
        let (pending, mappedWith) = try state(of: queue, path: path)
        guard !pending.isEmpty || mappedWith != taxonomy.fingerprint else { return (queue, []) }
        guard canWrite(path) else {
            if !pending.isEmpty { throw StoreError.needsUpgrade(path: path, pending: pending) }
            return (queue, [staleMappingNote(path: path, reason: "the file cannot be written here")])
        }
        var notes: [String] = []
        do {
            _ = try openForWriting(path: path, taxonomy: taxonomy, lockTimeout: lockTimeout)
        } catch let error where pending.isEmpty {
            // The skills as last mapped still answer; a search need not wait for, or fail on, the remap.
            notes.append(staleMappingNote(path: path, reason: "\(error)"))
        }
        // Reopened, so that nothing read before the update stays cached in the connection.
        return (try openReadOnly(path: path, lockTimeout: lockTimeout), notes)
    }

    /// - Parameter readonly: a read-only connection (a reading command's one connection), which
    ///   reads the file through memory mapping. A writing pool's readers (a server's) read through
    ///   SQLite's page cache instead: mapped, each of them would count the whole file again in the
    ///   server's memory.
    static func configuration(lockTimeout: TimeInterval, readonly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.foreignKeysEnabled = true
        // Writers queue: one that finds another writing waits for it rather than failing at once.
        // Transactions begin IMMEDIATE (GRDB's default for writers), so a transaction never has to
        // turn a read into a write, which would fail at once whatever the timeout.
        configuration.busyMode = .timeout(lockTimeout)
        configuration.prepareDatabase { db in
            db.add(function: FullTextRows.fold)
            // Freed pages are zeroed, so an erased person's bytes do not linger in the file.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // Searches read the file through memory mapping rather than a copy per page read. Not
            // the writer: an import touches every page, and mapped pages would count as its memory.
            // A pool's readers (GRDB marks them read-only) are neither: no mapping, see above.
            if readonly {
                try db.execute(sql: "PRAGMA mmap_size = 4294967296")
            } else if db.configuration.readonly {
                // Room for the pages searches keep coming back to (the indexes' upper levels), so
                // that a busy server does not read them from the file for every query.
                try db.execute(sql: "PRAGMA cache_size = -16384")
            } else {
                // An import's transaction touches many index pages: with room for them, SQLite
                // does not spill half-written pages to the log and read them back.
                try db.execute(sql: "PRAGMA cache_size = -32768")
                // A log grown by a large write is cut back to this when it is next reset, even
                // while another program keeps the directory open and so the log is never deleted.
                try db.execute(sql: "PRAGMA journal_size_limit = \(Self.logSizeLimit)")
            }
        }
        return configuration
    }

    /// What the directory's skills were last mapped with (a taxonomy's fingerprint).
    private static let settingSQL = "SELECT value FROM directory_setting WHERE name = 'skill-taxonomy'"

    /// The size in bytes the write-ahead log is cut back to when a write starts it afresh.
    static let logSizeLimit = 4 << 20

    /// Opens one read-only connection. On a read-only mount with no write-ahead log, SQLite could
    /// not create the log's index beside the file, so the file is opened as immutable: nothing can
    /// change it there.
    private static func openReadOnly(path: String, lockTimeout: TimeInterval) throws -> DatabaseQueue {
        var location = path
        if isOnReadOnlyMount(path), (fileSize(path + "-wal") ?? 0) == 0,
            let encoded = URL(fileURLWithPath: path).standardizedFileURL.path
                .addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
        {
            location = "file:\(encoded)?immutable=1"
        }
        do {
            return try DatabaseQueue(
                path: location, configuration: configuration(lockTimeout: lockTimeout, readonly: true))
        } catch {
            throw openingError(error, path: path, lockTimeout: lockTimeout)
        }
    }

    /// Whether this process may write the file (or create it) and the folder it lives in, where
    /// the write-ahead log goes. Asked of the system, so it holds for root and read-only mounts.
    static func canWrite(_ path: String) -> Bool {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard access(folder, W_OK) == 0 else { return false }
        return !FileManager.default.fileExists(atPath: path) || access(path, W_OK) == 0
    }

    static func isOnReadOnlyMount(_ path: String) -> Bool {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return false }
        return info.f_flag & UInt(ST_RDONLY) != 0
    }

    static func fileSize(_ path: String) -> Int64? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
    }

    /// The migrations the file lacks, and the fingerprint of the taxonomy its skills were mapped with.
    private static func state(
        of reader: any DatabaseReader, path: String
    ) throws -> (pending: [String], mappedWith: String?) {
        do {
            return try reader.read { db in
                let pending = try pendingMigrations(db)
                guard pending.isEmpty else { return (pending, nil) }
                return (pending, try String.fetchOne(db, sql: settingSQL))
            }
        } catch {
            throw openingError(error, path: path, lockTimeout: 0)
        }
    }

    private static func pendingMigrations(_ db: Database) throws -> [String] {
        let applied = try Schema.migrator.appliedIdentifiers(db)
        return Schema.migrator.migrations.filter { !applied.contains($0) }
    }

    /// Runs the migrations the file lacks, and nothing when it lacks none: a directory opened at
    /// its current schema is not written. Two programs may open a new directory at once: when a
    /// migration fails because the other applied it between our look and our turn, look again.
    private static func migrate(_ writer: any DatabaseWriter, path: String, lockTimeout: TimeInterval) throws {
        do {
            var pending = try writer.read(pendingMigrations)
            while !pending.isEmpty {
                do {
                    try Schema.migrator.migrate(writer)
                    // A directory written before v12, or by a release that did not keep them.
                    try writer.write { db in
                        if try !SearchFacets.areCurrent(in: db) { try SearchFacets.rebuild(in: db) }
                    }
                    return
                } catch {
                    let now = try writer.read(pendingMigrations)
                    guard now.count < pending.count else { throw error }
                    pending = now
                }
            }
        } catch {
            let reason = "its schema could not be brought up to date (\(error))"
            let otherwise = StoreError.cannotOpen(path: path, reason: reason)
            throw openingError(error, path: path, lockTimeout: lockTimeout, otherwise: otherwise)
        }
    }

    private static func mapSkillsIfTaxonomyChanged(
        _ writer: any DatabaseWriter, taxonomy: SkillTaxonomy, path: String, lockTimeout: TimeInterval
    ) throws {
        let fingerprint = taxonomy.fingerprint
        guard try writer.read({ db in try String.fetchOne(db, sql: settingSQL) }) != fingerprint else { return }
        do {
            try writer.write { db in
                // Another program may have mapped them while this one waited for the lock.
                guard try String.fetchOne(db, sql: settingSQL) != fingerprint else { return }
                try db.execute(sql: "DELETE FROM skill_mapping")
                let keys = try String.fetchCursor(db, sql: "SELECT DISTINCT key FROM volunteer_skill")
                while let key = try keys.next() {
                    try SQLiteDirectoryWriter.insertMappings(of: key, taxonomy: taxonomy, in: db)
                }
                try db.execute(
                    sql: "INSERT OR REPLACE INTO directory_setting (name, value) VALUES ('skill-taxonomy', ?)",
                    arguments: [fingerprint])
            }
        } catch {
            throw openingError(error, path: path, lockTimeout: lockTimeout)
        }
    }

    private static func staleMappingNote(path: String, reason: String) -> String {
        "the skills taxonomy has changed since the skills in '\(path)' were last mapped, and they could not be mapped "
            + "again (\(reason)); skills are searched as last mapped until a command that can write opens the directory"
    }

    /// What an SQLite error while opening means for the person: another writer, a read-only
    /// file, or (`otherwise`) a file that cannot be opened at all.
    static func openingError(
        _ error: any Error, path: String, lockTimeout: TimeInterval, otherwise: StoreError? = nil
    ) -> any Error {
        if error is StoreError { return error }
        guard let databaseError = error as? DatabaseError else {
            return otherwise ?? StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        switch databaseError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path, waited: lockTimeout)
        case .SQLITE_READONLY: return StoreError.cannotWrite(path: path)
        default: return otherwise ?? StoreError.cannotOpen(path: path, reason: "\(databaseError)")
        }
    }

    // MARK: - Transactions

    /// Runs `work` in one IMMEDIATE transaction, and turns what SQLite says when it fails into
    /// what a person can act on. When the disk filled, the log the transaction grew is truncated
    /// before the error is thrown, so a failed write leaves the disk as it found it.
    func transaction<T>(_ work: (Database) throws -> T) throws -> T {
        try afterFailure { try database.write(work) }
    }

    func afterFailure<T>(_ work: () throws -> T) throws -> T {
        guard openedFor == .writing else { throw StoreError.openedForReading(path: database.path) }
        do {
            return try work()
        } catch let error as DatabaseError {
            throw actionable(error)
        }
    }

    /// What a failed write's SQLite error means for the person: a full disk (the log it grew
    /// truncated first), another writer, a directory that cannot be written; otherwise the error.
    func actionable(_ error: DatabaseError) -> any Error {
        switch error.resultCode {
        case .SQLITE_FULL:
            let logBytes = Self.fileSize(database.path + "-wal") ?? 0
            return StoreError.diskFull(path: database.path, logBytes: logBytes, logReclaimed: reclaimLog())
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError.busy(path: database.path, waited: lockTimeout)
        case .SQLITE_READONLY:
            return StoreError.cannotWrite(path: database.path)
        default:
            return error
        }
    }

    /// Truncates the write-ahead log after a rolled-back write. The log keeps the frames of a
    /// transaction rolled back, and while another program has the directory open SQLite never
    /// deletes it: without this, a full disk would stay full.
    private func reclaimLog() -> Bool {
        do {
            try database.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            return (Self.fileSize(database.path + "-wal") ?? 0) == 0
        } catch {
            return false
        }
    }

    // MARK: - DirectoryStore

    public func write<T>(_ body: (any DirectoryWriter) throws -> T) throws -> T {
        try transaction { db in try writing(in: db, body) }
    }

    public func rehearse<T>(_ body: (any DirectoryWriter) throws -> T) throws -> T {
        try afterFailure {
            try rehearsing(body)
        }
    }

    private func rehearsing<T>(_ body: (any DirectoryWriter) throws -> T) throws -> T {
        try database.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction {
                result = try writing(in: db, body)
                return .rollback
            }
            guard let result else { throw StoreError.rehearsalProducedNothing }
            return result
        }
    }

    /// Runs `body` with a writer on `db`, inside its transaction, and finishes what the writer left
    /// for the end.
    private func writing<T>(in db: Database, _ body: (any DirectoryWriter) throws -> T) throws -> T {
        let writer = SQLiteDirectoryWriter(db, taxonomy: taxonomy, faults: faults)
        let result = try body(writer)
        try writer.finish()
        return result
    }

    public func search(_ query: VolunteerQuery) throws -> [VolunteerMatch] {
        try database.read { db in try search(query, in: db) }
    }

    /// A search on a connection already open for reading.
    func search(_ query: VolunteerQuery, in db: Database) throws -> [VolunteerMatch] {
        let understanding = QueryUnderstanding(query, taxonomy: taxonomy)
        let ranked = try VolunteerSearch(
            query: query, understanding: understanding, facets: facets, taxonomy: taxonomy
        ).run(db)
        let people = Dictionary(
            try VolunteerLoader.volunteers(ids: ranked.map(\.0), in: db).map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first })
        return understanding.matches(ranked) { people[$0] }
    }

    public func volunteer(id: VolunteerID) throws -> Volunteer? {
        try database.read { db in try VolunteerLoader.volunteer(id: id, in: db) }
    }

    public func networks() throws -> [Network] {
        try database.read(Self.networks)
    }

    static func networks(in db: Database) throws -> [Network] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT n.*, (SELECT COUNT(*) FROM membership m WHERE m.network_id = n.id) AS members
                FROM network n ORDER BY n.name_key, n.id
                """
        ).map { row in
            let contact = ContactDetails(
                name: row["contact_name"], email: row["contact_email"], phone: row["contact_phone"])
            return Network(
                id: row["id"], externalID: row["external_id"], name: row["name"], kind: row["kind"],
                areas: JSONColumn.decode([String].self, from: row["areas"]) ?? [],
                contact: contact.isEmpty ? nil : contact, memberCount: row["members"])
        }
    }

    public func needs() throws -> [Need] {
        try database.read(Self.needs)
    }

    static func needs(in db: Database) throws -> [Need] {
        try Row.fetchAll(db, sql: "SELECT details, duplicate_of FROM need ORDER BY id").compactMap { row in
            var need = JSONColumn.decode(Need.self, from: row[0])
            need?.duplicateOf = row[1]
            return need
        }
    }

    public func batches() throws -> [ImportBatch] {
        try database.read(Self.batches)
    }

    static func batches(in db: Database) throws -> [ImportBatch] {
        try Row.fetchAll(db, sql: "SELECT * FROM import_batch ORDER BY id").map(Self.batch)
    }

    public func batch(sha256: String) throws -> ImportBatch? {
        try database.read { db in try SQLiteDirectoryWriter(db, taxonomy: taxonomy).batch(sha256: sha256) }
    }

    public func compact() throws {
        if let failure = faults.compaction { throw failure }
        try afterFailure {
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "INSERT INTO volunteer_text(volunteer_text) VALUES('optimize')")
                _ = try db.checkpoint(.truncate)
            }
        }
    }

    static func batch(_ row: Row) -> ImportBatch {
        var counts = ImportCounts()
        counts.created = row["created"]
        counts.updated = row["updated"]
        counts.unchanged = row["unchanged"]
        counts.rejected = row["rejected"]
        counts.erased = row["erased"]
        counts.ended = row["ended"]
        return ImportBatch(
            fileName: row["file_name"], sha256: row["sha256"], plugin: row["plugin"], importedAt: row["imported_at"],
            counts: counts, source: row["source"], sequence: row["sequence"], fileDate: row["file_date"])
    }
}
