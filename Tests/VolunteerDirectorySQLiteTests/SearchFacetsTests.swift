import Foundation
import GRDB
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import VolunteerDirectorySQLite

/// The search facets the directory keeps (consent, interpreting, DBS, availability, name order):
/// every write that changes volunteers leaves them current, so a new `voldir search` process
/// reads them rather than building them from the whole directory, and finds what the write did.
@Suite("Search facets kept by the writes that change them")
struct SearchFacetsTests {
    let directory: TestDirectory

    init() throws {
        directory = try TestDirectory(importers: [ScriptedImporter.self])
        try load(
            "first.jsonl",
            [
                Self.person("Zofia", "1", skills: ["Driving"]),
                Self.person("Mehmet", "2", skills: ["Driving"], consent: false),
                Self.person(
                    "Chen", "3", skills: ["Cooking"], dbs: .enhanced, available: [Slot(day: .tue, part: .evening)],
                    interprets: true),
                Self.person("Bea", "4", skills: ["Driving"], dbs: .basic, available: [Slot(day: .sat, part: .any)]),
            ])
    }

    @discardableResult
    func load(_ name: String, _ lines: [ScriptedImporter.Line]) throws -> FileImportReport {
        try directory.service.importFile(
            at: try directory.file(name, try ScriptedImporter.script(lines)), request: ImportRequest())
    }

    static func person(
        _ name: String, _ id: String, skills: [String] = [], consent: Bool = true, dbs: DBSLevel? = nil,
        available: [Slot] = [], interprets: Bool = false
    ) -> ScriptedImporter.Line {
        .volunteer(
            VolunteerRecord(
                source: "feed:test", externalID: id, name: name, skills: skills.map(ItemParsing.skill),
                languages: [
                    SpokenLanguage(language: .resolving("Polish"), proficiency: .fluent, interprets: interprets)
                ],
                availability: available, dbs: dbs.map { DBSCheck(level: $0) }, consent: Consent(contact: consent)))
    }

    /// What a new `voldir search` process finds: a store of its own, opened for reading; and how
    /// many kept facets it had to build itself.
    func search(_ query: VolunteerQuery) throws -> (names: [String], built: Int) {
        let store = try SQLiteDirectoryStore(path: directory.databasePath, access: .reading)
        let names = try store.search(query).map(\.volunteer.name)
        return (names, store.facetsBuiltInProcess)
    }

    /// Queries that use every kept facet.
    static let queries: [VolunteerQuery] = [
        VolunteerQuery(),
        VolunteerQuery(skills: ["driving"]),
        VolunteerQuery(skills: ["interpreting"]),
        VolunteerQuery(availability: [Slot(day: .tue, part: .evening)]),
        VolunteerQuery(availability: [Slot(day: .sat, part: .morning)]),
        VolunteerQuery(minimumDBS: .basic),
        VolunteerQuery(minimumDBS: .enhanced),
        VolunteerQuery(languages: [.resolving("Polish")], includeWithoutConsent: true),
    ]

    @Test("after an import, a new process searches with the kept facets and finds what it changed")
    func importKeepsThem() throws {
        #expect(try search(VolunteerQuery()) == (["Bea", "Chen", "Zofia"], 0))
        #expect(try search(VolunteerQuery(minimumDBS: .basic)) == (["Bea", "Chen"], 0))
        #expect(try search(VolunteerQuery(availability: [Slot(day: .sat, part: .morning)])) == (["Bea"], 0))
        #expect(try search(VolunteerQuery(skills: ["interpreting"])) == (["Chen"], 0))
        // Mehmet now agrees to be contacted and holds a check; Aaron is new and sorts first.
        try load(
            "second.jsonl",
            [
                Self.person("Mehmet", "2", skills: ["Driving"], dbs: .standard),
                Self.person("Aaron", "5", skills: ["Driving"], interprets: true),
            ])
        #expect(try search(VolunteerQuery()) == (["Aaron", "Bea", "Chen", "Mehmet", "Zofia"], 0))
        #expect(try search(VolunteerQuery(skills: ["driving"], limit: 3)).names == ["Aaron", "Bea", "Mehmet"])
        #expect(try search(VolunteerQuery(minimumDBS: .standard)) == (["Chen", "Mehmet"], 0))
        #expect(try search(VolunteerQuery(skills: ["interpreting"])).names == ["Aaron", "Chen"])
        // No filter at all: the first in name order, consent or not.
        #expect(try search(VolunteerQuery(includeWithoutConsent: true, limit: 2)).names == ["Aaron", "Bea"])
    }

    @Test("after an erasure and a retention erase, a new process no longer finds the person")
    func erasureKeepsThem() throws {
        let store = directory.store
        let zofia = try #require(try directory.everyone().first { $0.name == "Zofia" })
        _ = try store.forget(volunteer: zofia.id, reason: "asked", actor: "test")
        #expect(try search(VolunteerQuery()) == (["Bea", "Chen"], 0))
        let bea = try #require(try directory.everyone().first { $0.name == "Bea" })
        #expect(try store.eraseUnseen([bea.id], actor: "test") == 1)
        #expect(try search(VolunteerQuery()) == (["Chen"], 0))
        #expect(try search(VolunteerQuery(minimumDBS: .basic)) == (["Chen"], 0))
    }

    @Test("after a restore, a new process finds what the backup held")
    func restoreKeepsThem() throws {
        let backup = directory.folder.appendingPathComponent("backup.sqlite").path
        try directory.store.backup(to: backup, actor: "test")
        try load("second.jsonl", [Self.person("Aaron", "5", skills: ["Driving"])])
        #expect(try search(VolunteerQuery()).names == ["Aaron", "Bea", "Chen", "Zofia"])
        _ = try directory.store.restore(from: backup, actor: "test")
        #expect(try search(VolunteerQuery()) == (["Bea", "Chen", "Zofia"], 0))
    }

    @Test("kept facets out of date are not used: the search builds its own and finds the same")
    func outOfDateAreNotUsed() throws {
        let kept = try Self.queries.map { try search($0) }
        #expect(kept.allSatisfy { $0.built == 0 })
        try directory.store.writer.write { db in
            try db.execute(sql: "UPDATE directory_setting SET value = 'stale' WHERE name = 'search-facets'")
        }
        let built = try Self.queries.map { try search($0) }
        #expect(built.map(\.names) == kept.map(\.names))
        #expect(built.allSatisfy { $0.built > 0 })
    }

    @Test("a directory written before v12 has its facets built when it is opened")
    func olderDirectoryGetsThem() throws {
        let path = directory.folder.appendingPathComponent("v11.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v11: web app accounts, sessions and sign-in failures")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO volunteer (id, name, name_key, consent_contact) VALUES
                      (1, 'Yusuf', 'yusuf', 1), (2, 'Amina', 'amina', 1), (3, 'Kofi', 'kofi', 0);
                    """)
        }
        try queue.close()
        _ = try SQLiteDirectoryStore(path: path)
        let store = try SQLiteDirectoryStore(path: path, access: .reading)
        #expect(try store.search(VolunteerQuery()).map(\.volunteer.name) == ["Amina", "Yusuf"])
        #expect(store.facetsBuiltInProcess == 0)
    }
}
