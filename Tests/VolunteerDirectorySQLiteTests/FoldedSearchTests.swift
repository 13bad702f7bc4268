import Foundation
import GRDB
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import VolunteerDirectorySQLite

/// Names typed on a UK keyboard find what was written with other letters; searches that ask
/// for too much are refused or cost no more than what there is.
extension DirectoryStoreTests {
    @Test(
        "free text finds Łukasz as Lukasz, Kılıç as Kilic, Søren as Soren and Straße as Strasse; names display as written"
    )
    func foldedNames() throws {
        try load(
            "names.jsonl",
            [
                Self.person("Łukasz Wójcik", id: "1"), Self.person("Ayşe Kılıç", id: "2"),
                Self.person("Søren Østergaard", id: "3"),
                Self.person("Jonas Strasse", id: "4", notes: "Lives on Hauptstraße"),
                Self.person("Đorđe Petrović", id: "5"),
                Self.person("Þóra Æsadóttir", id: "6", skills: [Skill(written: "Ħelu cooking")]),
            ])
        #expect(try names(VolunteerQuery(text: "Lukasz")) == ["Łukasz Wójcik"])
        #expect(try names(VolunteerQuery(text: "lukasz wojcik")) == ["Łukasz Wójcik"])
        #expect(try names(VolunteerQuery(text: "Łukasz")) == ["Łukasz Wójcik"])
        #expect(try names(VolunteerQuery(text: "Kilic")) == ["Ayşe Kılıç"])
        #expect(try names(VolunteerQuery(text: "Ayse Kılıç")) == ["Ayşe Kılıç"])
        #expect(try names(VolunteerQuery(text: "Soren")) == ["Søren Østergaard"])
        #expect(try names(VolunteerQuery(text: "ostergaard")) == ["Søren Østergaard"])
        #expect(try names(VolunteerQuery(text: "Straße")) == ["Jonas Strasse"])
        #expect(try names(VolunteerQuery(text: "hauptstrasse")) == ["Jonas Strasse"])
        #expect(try names(VolunteerQuery(text: "Dorde Petrovic")) == ["Đorđe Petrović"])
        #expect(try names(VolunteerQuery(text: "Thora helu")) == ["Þóra Æsadóttir"])
        // What was written is what is shown.
        let found = try #require(try directory.store.search(VolunteerQuery(text: "lukasz")).first)
        #expect(found.volunteer.name == "Łukasz Wójcik")
    }

    @Test("a volunteer updated by a later import is still found by the folded name")
    func foldedAfterUpdate() throws {
        try load("first.jsonl", [Self.person("Lukasz Nowak", id: "1")])
        try load("second.jsonl", [Self.person("Łukasz Nowak", id: "1", notes: "Prefers Kraków")])
        #expect(try names(VolunteerQuery(text: "lukasz krakow")) == ["Łukasz Nowak"])
    }

    @Test("a limit far beyond the directory returns everyone without reserving room for the limit")
    func hugeLimit() throws {
        try load("few.jsonl", [Self.person("Amina", id: "1"), Self.person("Grace", id: "2")])
        #expect(try names(VolunteerQuery(limit: Int.max)) == ["Amina", "Grace"])
        #expect(try names(VolunteerQuery(limit: 10_000_000_000)) == ["Amina", "Grace"])
    }

    @Test("free text of thousands of words is refused before the full-text index is asked")
    func tooManyWords() throws {
        try load("few.jsonl", [Self.person("Amina", id: "1")])
        let text = (1...4_000).map { "word\($0)" }.joined(separator: " ")
        #expect(throws: QueryError.self) { try directory.store.search(VolunteerQuery(text: text)) }
    }
}

extension MigrationTests {
    @Test("v8 folds the full-text rows of a v7 directory, so Lukasz finds Łukasz there too")
    func version8FoldsFullText() throws {
        let path = try database(
            named: "v7.sqlite", upTo: "v7: compact details clustered by their owner",
            sql: """
                INSERT INTO volunteer (id, name, name_key, consent_contact, notes) VALUES (1, 'Łukasz Wójcik', 'łukasz wójcik', 1, 'Kılıç family');
                INSERT INTO volunteer_text (rowid, name, skills, notes) VALUES (1, 'Łukasz Wójcik', NULL, 'Kılıç family');
                """)
        let store = try SQLiteDirectoryStore(path: path)
        #expect(try store.search(VolunteerQuery(text: "Lukasz")).map(\.volunteer.name) == ["Łukasz Wójcik"])
        #expect(try store.search(VolunteerQuery(text: "kilic")).map(\.volunteer.name) == ["Łukasz Wójcik"])
    }
}
