import Foundation
import Synchronization
import VolunteerDirectory

/// The directory in plain Swift collections: the reference every other store is checked against
/// (the store contract tests run each rule on both), and a fast store for tests.
///
/// Policy comes from the core, as it does for every store: ranking from ``SearchRanking``, the
/// skills and languages asked for from ``QueryUnderstanding``, identity (listing, then email key,
/// then phone key) from the import applier. A transaction runs its body on a copy of the state and
/// keeps the copy only when the body returns, so a file is one transaction and a dry run changes
/// nothing; writers take turns, and readers never wait for them.
///
/// ```swift
/// let store = try InMemoryDirectoryStore()
/// let service = ImportService(store: store, registry: ImporterRegistry([CSVImporter.self]))
/// _ = try service.importFile(at: roster, request: ImportRequest())
/// let found = try store.search(VolunteerQuery(skills: ["first aid"]))
/// ```
///
/// Free text is matched word for word: each word asked for must be one of the words of the
/// person's name, written skills or notes, each folded by ``Swift/String/searchFolded`` and split
/// as ``Swift/String/matchingKey`` splits. The score is the number of times the words occur, with
/// none of the weighting FTS5's BM25 gives (how rare a word is, how long the text is), so the
/// order of free-text results may differ from the SQLite store's; which people match does not.
public final class InMemoryDirectoryStore: Sendable {
    /// The skills taxonomy skills are mapped and searched with.
    public let taxonomy: SkillTaxonomy
    let catalogue: LanguageCatalogue
    private let state: Mutex<MemoryState>
    /// Held for the whole of a transaction, so that writers take turns as SQLite's do.
    private let writing = Mutex(())

    /// Creates an empty directory that maps and searches skills with `taxonomy` (the shipped one
    /// when `nil`).
    public init(taxonomy: SkillTaxonomy? = nil, catalogue: LanguageCatalogue = .shared) throws {
        self.taxonomy = try taxonomy ?? SkillTaxonomy.standard()
        self.catalogue = catalogue
        state = Mutex(MemoryState(suppressionSecret: SuppressionKeys.newSecret()))
    }

    // MARK: - State

    /// The state as last committed. A copy: it shares storage with the store's until either changes.
    var snapshot: MemoryState {
        state.withLock { $0 }
    }

    /// Runs `change` on a copy of the state and keeps the copy only when it returns: one
    /// transaction, waiting for any other writer first.
    func transaction<T>(_ change: (inout MemoryState) throws -> T) throws -> T {
        var result: T?
        try writing.withLock { _ in
            var copy = snapshot
            result = try change(&copy)
            let committed = copy
            state.withLock { $0 = committed }
        }
        guard let result else { throw MemoryStoreError.missing("result of the transaction") }
        return result
    }

    // MARK: - Transactions of an import

    /// Runs `body` in one transaction: everything it writes lands together, or, when it throws,
    /// nothing does.
    public func write<T>(_ body: (any DirectoryWriter) throws -> T) throws -> T {
        try transaction { state in
            let writer = MemoryWriter(state: state, taxonomy: taxonomy)
            let result = try body(writer)
            state = writer.state
            return result
        }
    }

    /// Runs `body` on a copy that is always dropped: what an import would change, changing nothing.
    public func rehearse<T>(_ body: (any DirectoryWriter) throws -> T) throws -> T {
        try body(MemoryWriter(state: snapshot, taxonomy: taxonomy))
    }

    /// Nothing to do: nothing of an erased person outlives the values that held them.
    public func compact() throws {}
}
