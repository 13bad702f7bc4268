import Foundation
import GRDB
import VolunteerDirectory

/// The embedded directory: one SQLite file (WAL, foreign keys, FTS5, secure delete) through GRDB.
///
/// ```swift
/// let store = try SQLiteDirectoryStore(path: "voldir.sqlite")
/// let found = try store.search(VolunteerQuery(skills: ["first aid"]))
/// ```
public final class SQLiteDirectoryStore: DirectoryStore {
    private let database: any DatabaseWriter
    private let facets = FacetCache()

    /// The skills taxonomy skills are mapped and searched with.
    public let taxonomy: SkillTaxonomy

    /// The connection for reads, for this module's extensions.
    var reader: any DatabaseReader { database }
    /// The connection for writes, for this module's extensions.
    var writer: any DatabaseWriter { database }

    /// Opens (creating when needed) the directory at `path` and brings its schema up to date.
    /// Skills are mapped with `taxonomy` (the shipped one when `nil`); when it differs from the
    /// taxonomy the directory was last mapped with, every written skill is mapped again.
    public init(path: String, taxonomy: SkillTaxonomy? = nil) throws {
        self.taxonomy = try taxonomy ?? SkillTaxonomy.standard()
        do {
            database = try DatabasePool(path: path, configuration: Self.configuration())
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        try migrate()
        try mapSkillsIfTaxonomyChanged()
    }

    /// Opens a private directory in memory: for tests and rehearsals.
    public init(taxonomy: SkillTaxonomy? = nil) throws {
        self.taxonomy = try taxonomy ?? SkillTaxonomy.standard()
        database = try DatabaseQueue(configuration: Self.configuration())
        try migrate()
        try mapSkillsIfTaxonomyChanged()
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // Freed pages are zeroed, so an erased person's bytes do not linger in the file.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // Searches read the file through memory mapping rather than a copy per page read. Not
            // the writer: an import touches every page, and mapped pages would count as its memory.
            if db.configuration.readonly {
                try db.execute(sql: "PRAGMA mmap_size = 4294967296")
            } else {
                // An import's transaction touches many index pages: with room for them, SQLite
                // does not spill half-written pages to the log and read them back.
                try db.execute(sql: "PRAGMA cache_size = -32768")
            }
        }
        return configuration
    }

    private func migrate() throws {
        do {
            try Schema.migrator.migrate(database)
        } catch {
            throw StoreError.cannotOpen(path: database.path, reason: "its schema could not be brought up to date (\(error))")
        }
    }

    private func mapSkillsIfTaxonomyChanged() throws {
        let fingerprint = taxonomy.fingerprint
        let current = try database.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM directory_setting WHERE name = 'skill-taxonomy'")
        }
        guard current != fingerprint else { return }
        try database.write { db in
            try db.execute(sql: "DELETE FROM skill_mapping")
            let keys = try String.fetchCursor(db, sql: "SELECT DISTINCT key FROM volunteer_skill")
            while let key = try keys.next() { try SQLiteDirectoryWriter.insertMappings(of: key, taxonomy: taxonomy, in: db) }
            try db.execute(
                sql: "INSERT OR REPLACE INTO directory_setting (name, value) VALUES ('skill-taxonomy', ?)", arguments: [fingerprint])
        }
    }

    // MARK: - DirectoryStore

    public func write<T>(_ body: (any DirectoryWriter) throws -> T) throws -> T {
        try database.write { db in try writing(in: db, body) }
    }

    public func rehearse<T>(_ body: (any DirectoryWriter) throws -> T) throws -> T {
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
        let writer = SQLiteDirectoryWriter(db, taxonomy: taxonomy)
        let result = try body(writer)
        try writer.finish()
        return result
    }

    public func search(_ query: VolunteerQuery) throws -> [VolunteerMatch] {
        try database.read { db in
            let understanding = QueryUnderstanding(query, taxonomy: taxonomy)
            let ranked = try VolunteerSearch(query: query, understanding: understanding, facets: facets, taxonomy: taxonomy).run(db)
            let people = Dictionary(
                try VolunteerLoader.volunteers(ids: ranked.map(\.0), in: db).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            return ranked.compactMap { id, score in
                people[id].map { VolunteerMatch(volunteer: $0, score: score, matched: understanding.explain($0)) }
            }
        }
    }

    public func volunteer(id: VolunteerID) throws -> Volunteer? {
        try database.read { db in try VolunteerLoader.volunteer(id: id, in: db) }
    }

    public func networks() throws -> [Network] {
        try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT n.*, (SELECT COUNT(*) FROM membership m WHERE m.network_id = n.id) AS members
                    FROM network n ORDER BY n.name_key, n.id
                    """
            ).map { row in
                let contact = ContactDetails(name: row["contact_name"], email: row["contact_email"], phone: row["contact_phone"])
                return Network(
                    id: row["id"], externalID: row["external_id"], name: row["name"], kind: row["kind"],
                    areas: JSONColumn.decode([String].self, from: row["areas"]) ?? [],
                    contact: contact.isEmpty ? nil : contact, memberCount: row["members"])
            }
        }
    }

    public func needs() throws -> [Need] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT details, duplicate_of FROM need ORDER BY id").compactMap { row in
                var need = JSONColumn.decode(Need.self, from: row[0])
                need?.duplicateOf = row[1]
                return need
            }
        }
    }

    public func batches() throws -> [ImportBatch] {
        try database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM import_batch ORDER BY id").map(Self.batch) }
    }

    public func batch(sha256: String) throws -> ImportBatch? {
        try database.read { db in try SQLiteDirectoryWriter(db, taxonomy: taxonomy).batch(sha256: sha256) }
    }

    public func refreshStatistics() throws {
        // A sampled analysis: enough for the planner to tell a per-person index from a
        // whole-language one, in a fraction of a full ANALYZE's time on a large directory.
        try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE") }
    }

    public func compact() throws {
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO volunteer_text(volunteer_text) VALUES('optimize')")
            _ = try db.checkpoint(.truncate)
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

/// Why the store could not be used.
public enum StoreError: Error, LocalizedError, CustomStringConvertible {
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// A dry run finished without a result (a programming error).
    case rehearsalProducedNothing

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the directory database '\(path)': \(reason). Check the path (--db or $VOLDIR_DB) and its permissions."
        case .rehearsalProducedNothing:
            "the dry run produced no result"
        }
    }

    public var errorDescription: String? { description }
}
