import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryMemory
import VolunteerDirectoryPostgres
import VolunteerDirectorySQLite
import VolunteerDirectoryTestSupport

/// Every store the contract runs against. A new store joins by adding a case and saying in
/// ``make()`` how to open a fresh, empty one.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// ``InMemoryDirectoryStore``: the reference.
    case memory
    /// ``SQLiteDirectoryStore`` in a file of its own in a temporary folder, read through ``AsyncSQLiteDirectory``.
    case sqlite
    /// ``PostgresDirectoryStore`` in a database of its own on the server `VOLDIR_TEST_POSTGRES`
    /// names (`.ci/run` starts one), read through ``AsyncPostgresDirectory``.
    case postgres

    /// The stores this run can test: PostgreSQL only when `VOLDIR_TEST_POSTGRES` names a server.
    static var allCases: [StoreKind] {
        PostgresTestServer.location == nil ? [.memory, .sqlite] : [.memory, .sqlite, .postgres]
    }

    var testDescription: String { rawValue }

    /// The stores several processes can open on one directory (a file, a database) at once.
    static var shared: [StoreKind] { allCases.filter { $0 != .memory } }

    /// The stores that keep an audit log and the other data-protection records
    /// (``DirectoryUnderTest/privacy``): not the in-memory reference.
    static var keepingPrivacy: [StoreKind] { allCases.filter { $0 != .memory } }

    /// The store every other is compared with where the contract says "the same on every store".
    static let reference = StoreKind.memory

    /// Two directories with the package's samples imported: one of this kind, and the reference.
    func withSamplesBesideReference() throws -> (directory: DirectoryUnderTest, reference: DirectoryUnderTest) {
        let directory = try make()
        try directory.importSamples()
        let reference = try Self.reference.make()
        try reference.importSamples()
        return (directory, reference)
    }

    /// A fresh, empty directory of this kind in a new temporary folder.
    func make() throws -> DirectoryUnderTest {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "voldir-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        switch self {
        case .memory:
            let store = try InMemoryDirectoryStore()
            return DirectoryUnderTest(
                kind: self, folder: folder, store: store, reader: store, editor: store, accounts: store, erasure: store)
        case .sqlite:
            let path = folder.appendingPathComponent("voldir.sqlite").path
            let store = try SQLiteDirectoryStore(path: path)
            let asyncFace = AsyncSQLiteDirectory(store)
            return DirectoryUnderTest(
                kind: self, folder: folder, store: store, reader: asyncFace, editor: asyncFace, accounts: store,
                erasure: store, privacy: store, another: { try SQLiteDirectoryStore(path: path) },
                reopen: { taxonomy in try SQLiteDirectoryStore(path: path, taxonomy: taxonomy) })
        case .postgres:
            // The database is dropped once every store opened on it has gone (not when this
            // value goes, which can be before the test's last use of a store).
            let database = try PostgresTestServer.freshDatabase()
            @Sendable func opened(_ taxonomy: SkillTaxonomy? = nil) throws -> PostgresDirectoryStore {
                let store = try PostgresDirectoryStore(location: database, taxonomy: taxonomy)
                PostgresTestServer.drop(database, whenGone: store)
                return store
            }
            let store = try opened()
            return DirectoryUnderTest(
                kind: self, folder: folder, store: store, reader: AsyncPostgresDirectory(store),
                editor: AsyncPostgresDirectory(store), accounts: store, erasure: store, privacy: store,
                another: { try opened() }, reopen: { taxonomy in try opened(taxonomy) },
                cleanUp: { PostgresTestServer.sweep() })
        }
    }
}
