import Foundation
import GRDB
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import VolunteerDirectorySQLite

/// A large import sets the search and identity indexes aside and builds them again at its end.
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

    @Test("the search and identity indexes set aside are exactly the migrated ones, rebuilt as they were")
    func definitionsMatchTheMigrations() throws {
        let migrated = try indexes()
        for index in Schema.searchIndexes + Schema.identityIndexes {
            #expect(migrated[index.name] == index.definition, "\(index.name) differs from its migration")
        }
        try directory.store.write { writer in
            let db = (writer as! SQLiteDirectoryWriter).db
            try (writer as! SQLiteDirectoryWriter).beginBulkLoad(expectedRecords: 1_000_000)
            for name in ["volunteer_name", "volunteer_email"] {
                #expect(
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = ?", arguments: [name])
                        == 0)
            }
            try (writer as! SQLiteDirectoryWriter).endBulkLoad()
            for name in ["volunteer_name", "volunteer_email"] {
                #expect(
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = ?", arguments: [name])
                        == 1)
            }
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
        #expect(Set(try indexes().keys).isSuperset(of: (Schema.searchIndexes + Schema.identityIndexes).map(\.name)))
    }

    /// A person with an email and a phone, as a source lists them.
    static func person(_ id: Int, email: String?, phone: String?) -> VolunteerRecord {
        VolunteerRecord(source: "roster:test", externalID: "\(id)", name: "Person \(id)", email: email, phone: phone)
    }

    @Test("with the email and phone indexes set aside, who holds a key is answered as the indexes would")
    func identityLookUpsWithoutTheirIndexes() throws {
        // Held before the load: two people share an email, one has a phone only.
        let before = [
            Self.person(1, email: "ada@example.org", phone: "07700 900001"),
            Self.person(2, email: "ada@example.org", phone: nil),
            Self.person(3, email: nil, phone: "07700 900003"),
        ]
        try directory.store.write { writer in
            for record in before {
                _ = try writer.saveListing(
                    record, keys: VolunteerKeys(record), listingID: record.externalID!, fingerprint: "f", volunteer: nil
                )
            }
        }
        let emails = ["ada@example.org", "bea@example.org", "cy@example.org", "dee@example.org"]
        let phones = ["07700 900001", "07700 900003", "07700 900004", "07700 900005"]
        try directory.store.write { anyWriter in
            let writer = anyWriter as! SQLiteDirectoryWriter
            try writer.beginBulkLoad(expectedRecords: 1_000_000)
            #expect(writer.heldKeys != nil)
            let emailKeys = emails.compactMap { VolunteerKeys(Self.person(0, email: $0, phone: nil)).email }
            let phoneKeys = phones.compactMap { VolunteerKeys(Self.person(0, email: nil, phone: $0)).phone }
            /// Each key's first holder by id, read from the rows themselves, beside the writer's answers.
            func check(_ step: String) throws {
                for (column, keys) in [("email_key", emailKeys), ("phone_key", phoneKeys)] {
                    var expected: [String: VolunteerID] = [:]
                    for key in keys {
                        let first = try VolunteerID.fetchOne(
                            writer.db, sql: "SELECT MIN(id) FROM volunteer WHERE \(column) = ?", arguments: [key])
                        expected[key] = first
                        let one =
                            try column == "email_key"
                            ? writer.volunteer(emailKey: key) : writer.volunteer(phoneKey: key)
                        #expect(one == first, "\(step): \(key)")
                    }
                    let all =
                        try column == "email_key"
                        ? writer.volunteers(emailKeys: keys) : writer.volunteers(phoneKeys: keys)
                    #expect(all == expected, "\(step): \(column)")
                }
            }
            try check("held before")
            func save(_ record: VolunteerRecord, as volunteer: VolunteerID?) throws -> VolunteerID {
                try writer.saveListing(
                    record, keys: VolunteerKeys(record), listingID: record.externalID!, fingerprint: "g",
                    volunteer: volunteer)
            }
            let bea = try save(Self.person(4, email: "bea@example.org", phone: "07700 900004"), as: nil)
            _ = try save(Self.person(5, email: "bea@example.org", phone: nil), as: nil)
            try check("created")
            // Ada (1) now gives another email: the one she gave before is held by 2 alone.
            _ = try save(Self.person(1, email: "cy@example.org", phone: nil), as: 1)
            try check("updated")
            try writer.erase(volunteer: bea)
            try check("erased")
            // An id given again after the erasure, with other keys.
            _ = try save(Self.person(6, email: "dee@example.org", phone: "07700 900005"), as: nil)
            try check("created again")
            try writer.endBulkLoad()
            #expect(writer.heldKeys == nil)
            try check("indexes back")
        }
    }
}
