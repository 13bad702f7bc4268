import Foundation
import GRDB
import VolunteerDirectory

/// The directory for a server: the same reads and small writes as ``SQLiteDirectoryStore``, each
/// run on GRDB's own queues while the caller suspends, so an event loop or the cooperative pool
/// never waits on SQLite. Open the store ``SQLiteDirectoryStore/Access/writing`` for a server:
/// then reads run on a pool of connections at once, and never wait for a writer (WAL).
public struct AsyncSQLiteDirectory: DirectoryReader, DirectoryEditor {
    /// The store the reads go to.
    public let store: SQLiteDirectoryStore

    /// Wraps `store`.
    public init(_ store: SQLiteDirectoryStore) { self.store = store }

    public var taxonomy: SkillTaxonomy { store.taxonomy }

    public func search(_ query: VolunteerQuery) async throws -> [VolunteerMatch] {
        try await store.reader.read { db in try store.search(query, in: db) }
    }

    public func volunteer(id: VolunteerID) async throws -> Volunteer? {
        try await store.reader.read { db in try VolunteerLoader.volunteer(id: id, in: db) }
    }

    public func networks() async throws -> [Network] {
        try await store.reader.read { db in try SQLiteDirectoryStore.networks(in: db) }
    }

    public func needs() async throws -> [Need] {
        try await store.reader.read { db in try SQLiteDirectoryStore.needs(in: db) }
    }

    public func batches() async throws -> [ImportBatch] {
        try await store.reader.read { db in try SQLiteDirectoryStore.batches(in: db) }
    }

    public func placements() async throws -> [Placement] {
        try await store.reader.read { db in try SQLiteDirectoryStore.placements(in: db) }
    }

    public func unmappedSkills(limit: Int) async throws -> [UnmappedSkill] {
        try await store.reader.read { db in try store.unmappedSkills(limit: limit, in: db) }
    }

    public func skillHolders() async throws -> [String: Int] {
        try await store.reader.read { db in try store.skillHolders(in: db) }
    }

    public func languageCoverage() async throws -> [LanguageCoverage] {
        try await store.reader.read { db in try store.languageCoverage(in: db) }
    }

    public func saveNeed(_ need: Need, source: String) async throws {
        try await store.writeAsync { db in
            let writer = SQLiteDirectoryWriter(db, taxonomy: store.taxonomy)
            try writer.saveNeed(need, source: source, fingerprint: Fingerprint.of(need))
        }
    }

    public func propose(_ proposals: [(need: String, volunteer: VolunteerID, score: Double)]) async throws
        -> [Placement]
    {
        try await store.writeAsync { db in try SQLiteDirectoryStore.propose(proposals, in: db) }
    }

    public func decide(placement id: Int64, as status: Placement.Status) async throws -> Placement? {
        try await store.writeAsync { db in try SQLiteDirectoryStore.decide(placement: id, as: status, in: db) }
    }
}
