import NIOPosix
import VolunteerDirectory

/// A PostgreSQL directory for a server: each read or edit runs on NIO's thread pool for blocking
/// work and the caller suspends meanwhile, so no event loop and no cooperative thread waits on
/// the database.
public struct AsyncPostgresDirectory: DirectoryReader, DirectoryEditor {
    let store: PostgresDirectoryStore

    /// The async face of `store`.
    public init(_ store: PostgresDirectoryStore) {
        self.store = store
    }

    /// Runs `work` on the blocking thread pool.
    static func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }

    public var taxonomy: SkillTaxonomy { store.taxonomy }

    public func search(_ query: VolunteerQuery) async throws -> [VolunteerMatch] {
        try await Self.offloaded { [store] in try store.search(query) }
    }

    public func volunteer(id: VolunteerID) async throws -> Volunteer? {
        try await Self.offloaded { [store] in try store.volunteer(id: id) }
    }

    public func networks() async throws -> [Network] {
        try await Self.offloaded { [store] in try store.networks() }
    }

    public func needs() async throws -> [Need] {
        try await Self.offloaded { [store] in try store.needs() }
    }

    public func batches() async throws -> [ImportBatch] {
        try await Self.offloaded { [store] in try store.batches() }
    }

    public func placements() async throws -> [Placement] {
        try await Self.offloaded { [store] in try store.placements() }
    }

    public func unmappedSkills(limit: Int) async throws -> [UnmappedSkill] {
        try await Self.offloaded { [store] in try store.unmappedSkills(limit: limit) }
    }

    public func skillHolders() async throws -> [String: Int] {
        try await Self.offloaded { [store] in try store.skillHolders() }
    }

    public func languageCoverage() async throws -> [LanguageCoverage] {
        try await Self.offloaded { [store] in try store.languageCoverage() }
    }

    public func saveNeed(_ need: Need, source: String) async throws {
        try await Self.offloaded { [store] in try store.saveNeed(need, source: source) }
    }

    public func propose(_ proposals: [(need: String, volunteer: VolunteerID, score: Double)]) async throws
        -> [Placement]
    {
        let sendable = proposals.map { ProposalRow(need: $0.need, volunteer: $0.volunteer, score: $0.score) }
        return try await Self.offloaded { [store] in
            try store.propose(sendable.map { (need: $0.need, volunteer: $0.volunteer, score: $0.score) })
        }
    }

    public func decide(placement id: Int64, as status: Placement.Status) async throws -> Placement? {
        try await Self.offloaded { [store] in try store.decide(placement: id, as: status) }
    }

    /// A proposal as a value that can cross to the thread pool (tuples are not `Sendable`).
    private struct ProposalRow: Sendable {
        var need: String
        var volunteer: VolunteerID
        var score: Double
    }
}
