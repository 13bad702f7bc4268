import Foundation
import GRDB
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import VolunteerDirectorySQLite

/// Directories made by earlier releases open with what they hold intact.
@Suite("Migrations")
struct MigrationTests {
    let directory: TestDirectory

    init() throws {
        directory = try TestDirectory(importers: [ScriptedImporter.self])
    }

    /// A database left at v6, holding one person listed by two sources, as v6 stored them.
    func databaseAtVersion6() throws -> String {
        try database(
            named: "v6.sqlite", upTo: "v6: no index twice",
            sql: """
                INSERT INTO network (id, name, name_key) VALUES (1, 'Deaf Community', 'deaf community'), (2, 'SREP', 'srep');
                INSERT INTO volunteer (id, name, name_key, email, email_key, consent_contact)
                  VALUES (1, 'Amina Yusuf', 'amina yusuf', 'amina@example.org', 'amina@example.org', 1);
                INSERT INTO listing (source, listing_id, volunteer_id, fingerprint)
                  VALUES ('roster:deaf community', 'id:D1', 1, 'old-d'), ('roster:srep', 'id:S7', 1, 'old-s');
                INSERT INTO membership (volunteer_id, network_id, role) VALUES (1, 1, 'interpreter'), (1, 2, NULL);
                INSERT INTO volunteer_skill (volunteer_id, source, position, written, key, level)
                  VALUES (1, 'roster:srep', 0, 'Accountancy', 'accountancy', 3),
                         (1, 'roster:deaf community', 0, 'BSL interpreting', 'bsl interpreting', NULL),
                         (1, 'roster:deaf community', 1, 'Driving', 'driving', NULL);
                INSERT INTO volunteer_language (volunteer_id, source, position, written, written_key, code, proficiency, interprets)
                  VALUES (1, 'roster:deaf community', 0, 'BSL', 'bsl', 'bfi', 4, 1),
                         (1, 'roster:srep', 0, 'Somali', 'somali', 'som', 3, 0);
                INSERT INTO volunteer_slot (volunteer_id, source, day, part)
                  VALUES (1, 'roster:deaf community', 'tue', 'evening'), (1, 'roster:deaf community', 'sat', 'any'),
                         (1, 'roster:srep', 'any', 'morning'), (1, 'roster:srep', 'tue', 'evening');
                INSERT INTO volunteer_text (rowid, name, skills, notes) VALUES (1, 'Amina Yusuf', 'Accountancy ; BSL interpreting ; Driving', NULL);
                """)
    }

    /// A database left at the migration named `last`, holding what `sql` writes; its path.
    func database(named name: String, upTo last: String, sql: String) throws -> String {
        let path = directory.folder.appendingPathComponent(name).path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: last)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
        return path
    }

    @Test("v7 keeps every skill, language, slot, listing and membership of a v6 directory")
    func version7KeepsWhatVersion6Held() throws {
        let store = try SQLiteDirectoryStore(path: try databaseAtVersion6())
        let amina = try #require(try store.volunteer(id: 1))
        #expect(amina.skills.map(\.written) == ["BSL interpreting", "Driving", "Accountancy"])
        #expect(amina.skills.first { $0.key == "accountancy" }?.level == .professional)
        #expect(amina.languages.map(\.language.code) == ["bfi", "som"])
        #expect(amina.languages.first?.interprets == true)
        #expect(
            amina.availability == [
                Slot(day: .tue, part: .evening), Slot(day: .sat, part: .any), Slot(day: .any, part: .morning),
            ])
        #expect(amina.memberships.map(\.networkName) == ["Deaf Community", "SREP"])
        #expect(amina.memberships.first?.role == "interpreter")

        let saturday = try store.search(VolunteerQuery(availability: [Slot(day: .sat, part: .afternoon)]))
        #expect(saturday.map(\.volunteer.id) == [1])
        let wednesdayEvening = try store.search(VolunteerQuery(availability: [Slot(day: .wed, part: .evening)]))
        #expect(wednesdayEvening.isEmpty)

        // The listings still say who each source's ids are, with the fingerprints they had.
        let (listed, fingerprint, unknown) = try store.write { writer in
            (
                try writer.volunteer(listedBy: "roster:srep", externalID: "id:S7"),
                try writer.fingerprint(ofListing: "id:D1", listedBy: "roster:deaf community"),
                try writer.volunteer(listedBy: "roster:unknown", externalID: "id:S7")
            )
        }
        #expect(listed == 1)
        #expect(fingerprint == "old-d")
        #expect(unknown == nil)
    }

    @Test("a listing fingerprinted with SHA-256 before the change of hash still counts as unchanged, once recomputed")
    func legacyFingerprintsStillMatch() throws {
        let record = VolunteerRecord(
            source: "feed:test", externalID: "1", name: "Amina Yusuf", email: "amina@example.org",
            skills: [Skill(written: "Accountancy")], availability: [Slot(day: .tue, part: .evening)],
            consent: Consent(contact: true))
        let first = try directory.file("first.jsonl", try ScriptedImporter.script([.volunteer(record)]))
        _ = try directory.service.importFile(at: first, request: ImportRequest())
        try directory.store.write { writer in
            try (writer as! SQLiteDirectoryWriter).db.execute(
                sql: "UPDATE listing SET fingerprint = ?", arguments: [Fingerprint.legacy(volunteer: record)])
        }
        // The same record in another file (so not skipped by the file's hash), and then changed.
        let again = try directory.file(
            "again.jsonl",
            try ScriptedImporter.script([.volunteer(record), .reject("a line that makes this another file")]))
        #expect(try directory.service.importFile(at: again, request: ImportRequest()).counts.unchanged == 1)
        var changed = record
        changed.skills.append(Skill(written: "Driving"))
        let third = try directory.file("changed.jsonl", try ScriptedImporter.script([.volunteer(changed)]))
        #expect(try directory.service.importFile(at: third, request: ImportRequest()).counts.updated == 1)
    }

    @Test("stored availability reads back exactly what was written, `any` included")
    func storedSlotsRoundTrip() {
        let every = Day.allCases.flatMap { day in PartOfDay.allCases.map { Slot(day: day, part: $0) } }
        #expect(StoredSlots.slots(in: StoredSlots.bits(of: every)) == every.sorted())
        for slot in every {
            #expect(StoredSlots.slots(in: StoredSlots.bits(of: [slot])) == [slot])
            let overlapping = StoredSlots.slots(in: StoredSlots.bits(overlapping: slot))
            #expect(overlapping == every.filter { $0.overlaps(slot) }, "\(slot)")
        }
        #expect(StoredSlots.bits(of: []) == 0)
    }

    /// A database left at v7, holding one person listed by a roster and one need, as v7 stored them.
    func databaseAtVersion7() throws -> String {
        let path = directory.folder.appendingPathComponent("v7.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v7: compact details clustered by their owner")
        let need = Need(
            id: "N-101", partner: "Schools Team", title: "Reading support",
            languages: [LanguageRequirement(language: .resolving("Polish"), isRequired: true)], places: 3)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO network (id, name, name_key) VALUES (1, 'SREP', 'srep');
                    INSERT INTO source (id, name) VALUES (1, 'roster:srep');
                    INSERT INTO volunteer (id, name, name_key, email, email_key, phone, phone_key, consent_contact)
                      VALUES (1, 'Abdi Abdi', 'abdi abdi', 'abdi@example.org', 'abdi@example.org', '07700 900001', '+447700900001', 1);
                    INSERT INTO listing (source_id, listing_id, volunteer_id, fingerprint, consent_contact) VALUES (1, 'id:R1', 1, 'old', 1);
                    INSERT INTO membership (volunteer_id, network_id) VALUES (1, 1);
                    INSERT INTO volunteer_skill (volunteer_id, source_id, position, written, key) VALUES (1, 1, 0, 'Driving', 'driving');
                    INSERT INTO import_batch (id, file_name, sha256, plugin, imported_at, created, updated, unchanged, rejected, erased)
                      VALUES (1, 'srep.csv', 'abc', 'csv', '2026-01-01 00:00:00.000', 1, 0, 0, 0, 0);
                    """)
            try db.execute(
                sql:
                    "INSERT INTO need (id, partner, title, places, details, fingerprint) VALUES (?, ?, ?, ?, ?, 'old')",
                arguments: [need.id, need.partner, need.title, need.places, try JSONColumn.encode(need)])
        }
        return path
    }

    @Test("v9 keeps what a v7 directory held; its listings and needs take part in leaving and duplicates")
    func version8KeepsWhatVersion7Held() throws {
        let store = try SQLiteDirectoryStore(path: try databaseAtVersion7())
        let abdi = try #require(try store.volunteer(id: 1))
        #expect(abdi.isListed)
        #expect(abdi.memberships.map(\.networkName) == ["SREP"])
        #expect(try store.batches().first?.counts.ended == 0)
        #expect(try store.needs().map(\.id) == ["N-101"])

        try store.write { writer in
            // A listing from before v8 kept no keys of its own: the person's stand in for them.
            let said = try #require(try writer.identity(ofListing: "id:R1", listedBy: "roster:srep"))
            #expect(
                said.nameKey == "abdi abdi" && said.emailKey == "abdi@example.org" && said.phoneKey == "+447700900001")
            // Unstamped, it is older than any roster imported from now on.
            try writer.beginBatch(fileDate: Date())
            #expect(try writer.unconfirmedListings(of: "roster:srep").map(\.listingID) == ["id:R1"])
            // The held need is found by its partner and title.
            #expect(try writer.needs(partner: "SCHOOLS TEAM", title: "reading support").map(\.need.id) == ["N-101"])
        }

        let feed = Need(
            id: "OPP-77", partner: "Schools Team", title: "Reading Support",
            languages: [LanguageRequirement(language: .resolving("pl"), isRequired: true)], places: 3)
        let file = try directory.file("feed.jsonl", try ScriptedImporter.script([.need(feed)]))
        let service = ImportService(store: store, registry: ImporterRegistry([ScriptedImporter.self]))
        let report = try service.importFile(at: file, request: ImportRequest())
        #expect(report.warnings.contains { $0.message.contains("duplicate of 'N-101'") })
        #expect(try store.needs().first { $0.id == "OPP-77" }?.duplicateOf == "N-101")
    }

    @Test("v14 keeps each listing's stamp and each person's last seen, where retention, access and leaving read them")
    func version14KeepsStamps() throws {
        let path = try database(
            named: "v13.sqlite", upTo: "v13: listings remember the roster row they were read from",
            sql: """
                INSERT INTO network (id, name, name_key) VALUES (1, 'SREP', 'srep');
                INSERT INTO source (id, name) VALUES (1, 'roster:srep');
                INSERT INTO import_batch (id, file_name, sha256, plugin, imported_at, created, updated, unchanged, rejected, erased)
                  VALUES (1, 'march.csv', 'a', 'csv', '2026-03-01 00:00:00.000', 2, 0, 0, 0, 0),
                         (2, 'may.csv', 'b', 'csv', '2026-05-01 00:00:00.000', 0, 0, 1, 0, 0);
                INSERT INTO volunteer (id, name, name_key, consent_contact, last_seen)
                  VALUES (1, 'Abdi Abdi', 'abdi abdi', 1, '2026-05-01 00:00:00.000'),
                         (2, 'Bea Bell', 'bea bell', 1, '2026-03-01 00:00:00.000'),
                         (3, 'Cal Cole', 'cal cole', 1, NULL);
                INSERT INTO listing (source_id, listing_id, volunteer_id, fingerprint, consent_contact, listed_batch,
                  listed_as_of, first_batch)
                  VALUES (1, 'id:R1', 1, 'f1', 1, 2, 1777593600000000, 1), (1, 'id:R2', 2, 'f2', 1, 1, 1772323200000000, 1),
                         (1, 'id:R3', 3, 'f3', 1, NULL, NULL, NULL);
                INSERT INTO membership (volunteer_id, network_id) VALUES (1, 1), (2, 1), (3, 1);
                """)
        let store = try SQLiteDirectoryStore(path: path)
        let date = { (text: String) in try #require(Date.fromDatabaseValue(text.databaseValue)) }
        // Last seen: Bea in March, Cal never; Abdi in May, after the cutoff.
        #expect(try store.notSeen(since: try date("2026-04-01 00:00:00.000")).map(\.name) == ["Cal Cole", "Bea Bell"])
        #expect(
            try store.notSeen(since: try date("2026-04-01 00:00:00.000")).last?.lastSeen
                == (try date("2026-03-01 00:00:00.000")))
        // The last import that listed each, as a subject access request shows it.
        #expect(try store.sourceListings(of: 1).first?.lastImport?.file == "may.csv")
        #expect(try store.sourceListings(of: 2).first?.lastImport?.file == "march.csv")
        #expect(try store.sourceListings(of: 3).first?.lastImport == nil)
        try store.write { writer in
            // A copy dated April lists no one May's copy listed after it, and the other two are
            // not listed by it.
            try writer.beginBatch(fileDate: try date("2026-04-01 00:00:00.000"))
            #expect(try writer.newerListings(of: "roster:srep") == 1)
            #expect(try writer.unconfirmedListings(of: "roster:srep").map(\.listingID) == ["id:R2", "id:R3"])
        }
        // Every listing has its stamp row; the old columns are gone.
        let stamps = try DatabaseQueue(path: path).read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM listing_stamp") ?? 0,
                try db.columns(in: "listing").map(\.name), try db.columns(in: "volunteer").map(\.name)
            )
        }
        #expect(stamps.0 == 3)
        #expect(!stamps.1.contains("listed_batch") && !stamps.1.contains("listed_as_of"))
        #expect(!stamps.2.contains("last_seen"))
    }
}
