import Foundation
import GRDB
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import VolunteerDirectorySQLite

/// A large import sets the search indexes aside and builds them again at its end.
@Suite("Bulk loads")
struct BulkLoadTests {
    let directory: TestDirectory

    init() throws {
        directory = try TestDirectory(importers: [ScriptedImporter.self])
    }

    func indexes() throws -> [String: String] {
        try directory.store.reader.read { db in
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                )
                .map { ($0["name"] as String, $0["sql"] as String) })
        }
    }

    @Test("the search indexes set aside are exactly the migrated ones, rebuilt as they were")
    func definitionsMatchTheMigrations() throws {
        let migrated = try indexes()
        for index in Schema.searchIndexes {
            #expect(migrated[index.name] == index.definition, "\(index.name) differs from its migration")
        }
        try directory.store.write { writer in
            let db = (writer as! SQLiteDirectoryWriter).db
            try (writer as! SQLiteDirectoryWriter).beginBulkLoad(expectedRecords: 1_000_000)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'volunteer_name'") == 0)
            try (writer as! SQLiteDirectoryWriter).endBulkLoad()
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'volunteer_name'") == 1)
        }
        #expect(try indexes() == migrated)
    }

    @Test("a failed bulk load leaves every index in place")
    func failedBulkLoadRollsBack() throws {
        let before = try indexes()
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try directory.store.write { writer in
                try (writer as! SQLiteDirectoryWriter).beginBulkLoad(expectedRecords: 1_000_000)
                throw Stop()
            }
        }
        #expect(try indexes() == before)
    }

    @Test("a small file, or one smaller than the directory, keeps the indexes up to date row by row")
    func smallFilesDoNotSetIndexesAside() throws {
        try directory.store.write { writer in
            let db = (writer as! SQLiteDirectoryWriter).db
            try (writer as! SQLiteDirectoryWriter).beginBulkLoad(expectedRecords: 100)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'volunteer_name'") == 1)
            try (writer as! SQLiteDirectoryWriter).endBulkLoad()
        }
        #expect(Set(try indexes().keys).isSuperset(of: Schema.searchIndexes.map(\.name)))
    }
}
