import Foundation
import VolunteerDirectory
import VolunteerDirectorySQLite

/// A fresh directory in its own temporary folder, removed when the value goes away.
public final class TestDirectory {
    /// The folder, removed with everything in it when the value goes away.
    private let temporary: TemporaryFolder
    /// The folder.
    public var folder: URL { temporary.url }
    /// The database file.
    public var databasePath: String { folder.appendingPathComponent("voldir.sqlite").path }
    /// The store.
    public let store: SQLiteDirectoryStore
    /// An import service over the store with the given plugins.
    public let service: ImportService

    /// Creates a new directory with these importer plugins.
    public convenience init(importers: [any DirectoryImporter.Type]) throws {
        try self.init(registry: ImporterRegistry(importers))
    }

    /// Creates a new directory whose imports choose from this registry (built-in and external plugins).
    public init(registry: ImporterRegistry) throws {
        temporary = try TemporaryFolder(prefix: "voldir-test")
        store = try SQLiteDirectoryStore(path: temporary.url.appendingPathComponent("voldir.sqlite").path)
        service = ImportService(store: store, registry: registry)
    }

    /// Writes `text` to a file in the folder and returns its URL.
    public func file(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Every volunteer, consent or not, by name.
    public func everyone() throws -> [Volunteer] {
        try store.search(VolunteerQuery(includeWithoutConsent: true, limit: 10_000)).map(\.volunteer).sorted {
            $0.id < $1.id
        }
    }

    /// The bytes of the database file and its write-ahead log, for checking what is really stored.
    public func rawBytes() throws -> Data {
        var data = Data()
        for suffix in ["", "-wal"] {
            let path = databasePath + suffix
            if FileManager.default.fileExists(atPath: path) {
                data.append(try Data(contentsOf: URL(fileURLWithPath: path)))
            }
        }
        return data
    }
}

/// The folder of a test target's fixtures: `Fixtures/` beside the calling test file.
public func fixturesFolder(_ filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
}
