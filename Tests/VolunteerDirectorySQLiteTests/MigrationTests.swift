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
            skills: [Skill(written: "Accountancy")], availability: [Slot(day: .tue, part: .evening)], consent: Consent(contact: true))
        let first = try directory.file("first.jsonl", try ScriptedImporter.script([.volunteer(record)]))
        _ = try directory.service.importFile(at: first, request: ImportRequest())
        try directory.store.write { writer in
            try (writer as! SQLiteDirectoryWriter).db.execute(
                sql: "UPDATE listing SET fingerprint = ?", arguments: [Fingerprint.legacy(volunteer: record)])
        }
        // The same record in another file (so not skipped by the file's hash), and then changed.
        let again = try directory.file("again.jsonl", try ScriptedImporter.script([.volunteer(record), .reject("a line that makes this another file")]))
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
}
