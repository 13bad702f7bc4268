import Foundation
import PostgresNIO
import VolunteerDirectory

/// The shared deployment's directory: one PostgreSQL database that several `voldir` commands and
/// app servers use at once.
///
/// It keeps what the SQLite store keeps, in the same shape (see ``PostgresSchema``), and answers
/// through the same interfaces, so every command works the same on either. Transactions are
/// PostgreSQL's: a file's import is one transaction, readers see the directory as it was before
/// it or after it, and writes that must take turns (imports, erasures) take a transaction-level
/// advisory lock, so two imports of different rosters both land whole.
///
/// ```swift
/// let store = try PostgresDirectoryStore(url: "postgres://voldir@db.internal/voldir")
/// let found = try store.search(VolunteerQuery(skills: ["first aid"]))
/// ```
public final class PostgresDirectoryStore: Sendable {
    /// The skills taxonomy skills are mapped and searched with.
    public let taxonomy: SkillTaxonomy
    /// Where the directory is (its ``PostgresLocation/description`` names no password).
    public let location: PostgresLocation
    /// What the person who opened the directory should be told, once.
    public let notes: [String]
    let catalogue: LanguageCatalogue
    let connections: PostgresConnections
    /// How many people's memberships an import's writer holds at most (see
    /// ``PostgresWriter/membershipsHeldAtMost``): lowered by tests to cross the bound.
    let membershipsHeldAtMost: Int
    /// The search facets read for the directory's current state (see ``PostgresSearchCache``).
    let searchCache = PostgresSearchCache()

    /// The oldest server this store runs on (`server_version_num`).
    static let oldestServer = 150_000

    /// The advisory lock writes that must take turns hold for their transaction.
    static let writersLock: Int64 = 0x766F_6C64_6972  // "voldir"

    /// Opens the directory in the database `url` names (`postgres://` or `postgresql://`) for
    /// `access`, bringing its tables up to date on first use. Skills are mapped with `taxonomy`
    /// (the shipped one when `nil`).
    public convenience init(url: String, taxonomy: SkillTaxonomy? = nil, access: DirectoryAccess = .writing) throws {
        try self.init(location: try PostgresLocation(url: url), taxonomy: taxonomy, access: access)
    }

    /// Opens the directory at `location` for `access`, bringing its tables up to date on first use.
    public convenience init(
        location: PostgresLocation, taxonomy: SkillTaxonomy? = nil, access: DirectoryAccess = .writing,
        catalogue: LanguageCatalogue = .shared
    ) throws {
        try self.init(
            location: location, taxonomy: taxonomy, access: access, catalogue: catalogue,
            membershipsHeldAtMost: PostgresWriter.membershipsHeldAtMost)
    }

    /// Opens the directory, its imports holding at most `membershipsHeldAtMost` people's memberships.
    init(
        location: PostgresLocation, taxonomy: SkillTaxonomy?, access: DirectoryAccess, catalogue: LanguageCatalogue,
        membershipsHeldAtMost: Int
    ) throws {
        self.membershipsHeldAtMost = membershipsHeldAtMost
        self.taxonomy = try taxonomy ?? SkillTaxonomy.standard()
        self.location = location
        self.catalogue = catalogue
        connections = try PostgresConnections(location: location)
        try Self.migrate(connections, for: access)
        notes = try Self.mapSkillsIfTaxonomyChanged(connections, taxonomy: self.taxonomy, for: access)
    }

    deinit {
        connections.closeIdle()
    }

    // MARK: - Opening

    /// Checks the server's version, then applies the migrations this directory lacks, in one
    /// transaction that concurrent openers take turns at.
    static func migrate(_ connections: PostgresConnections, for access: DirectoryAccess) throws {
        let location = connections.location
        try connections.transaction { connection in
            let version = try connection.run("SELECT current_setting('server_version_num')::int, version()")
                .first?.decode((Int, String).self)
            if let (number, text) = version, number < oldestServer {
                throw PostgresStoreError.unsupportedServer(
                    location, version: text.split(separator: " ").dropFirst().first.map(String.init) ?? text)
            }
            try connection.run("SELECT pg_advisory_xact_lock(\(writersLock))")
            let hasTable =
                try connection.run("SELECT to_regclass('voldir_migration') IS NOT NULL").first?
                .decode(Bool.self) ?? false
            if !hasTable {
                if access == .reading { throw PostgresStoreError.noDirectory(location) }
                try connection.run(
                    "CREATE TABLE voldir_migration (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
                )
            }
            let applied = Set(
                try connection.run("SELECT name FROM voldir_migration").map { try $0.decode(String.self) })
            let known = Set(PostgresSchema.migrations.map(\.name))
            if let unknown = applied.subtracting(known).sorted().last {
                throw PostgresStoreError.newerSchema(location, migration: unknown)
            }
            for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                for statement in migration.statements { try connection.run(PostgresQuery(unsafeSQL: statement)) }
                try connection.run("INSERT INTO voldir_migration (name) VALUES (\(migration.name))")
            }
            for (name, value) in PostgresSchema.initialSettings() {
                try connection.run(
                    "INSERT INTO directory_setting (name, value) VALUES (\(name), \(value)) ON CONFLICT (name) DO NOTHING"
                )
            }
        }
    }

    /// The names of the migrations this voldir knows, in order.
    public static var migrationNames: [String] { PostgresSchema.migrations.map(\.name) }

    /// Closes the connections the store keeps idle. Optional: they close when the store goes.
    public func close() {
        connections.closeIdle()
    }
}
