import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectorySQLite
import VolunteerDirectoryTestSupport

/// Search with skills and languages in the forms people write them, and the views of what the
/// directory holds.
@Suite("Search by understood skills and languages")
struct UnderstandingSearchTests {
    let directory: TestDirectory

    init() throws {
        directory = try TestDirectory(importers: [ScriptedImporter.self])
        try load(
            "people.jsonl",
            [
                Self.person("Amir", "1", skills: ["Accountancy"], languages: [("Urdu", .native)]),
                Self.person("Bushra", "2", skills: ["ACCA qualified"], languages: [("pa-Arab", .fluent)]),
                Self.person(
                    "Chen", "3", skills: ["chartered accountant (Pakistan)"], languages: [("Cantonese", .native)]),
                Self.person("Dorota", "4", skills: ["Tax returns"], languages: [("Polski", .native)]),
                Self.person("Efua", "5", skills: ["Bookkeeping"], languages: [("Twi", .native)]),
                Self.person("Farid", "6", skills: ["Solicitor"], languages: [("Sorani", .fluent)]),
                Self.person("Goran", "7", skills: ["Gardening", "Beekeeping"], languages: [("Kurdish", .native)]),
                Self.person("Hui", "8", skills: ["Driving"], languages: [("Chinese", .native)]),
                Self.person(
                    "Imran", "9", skills: ["Driving"], languages: [("Panjabi", .native), ("Urdu", .fluent)],
                    interprets: true),
                Self.person("Jamila", "10", skills: ["Teaching"], languages: [("Shahmukhi", .native)]),
            ])
    }

    @discardableResult
    func load(_ name: String, _ lines: [ScriptedImporter.Line]) throws -> FileImportReport {
        try directory.service.importFile(
            at: try directory.file(name, try ScriptedImporter.script(lines)), request: ImportRequest())
    }

    static func person(
        _ name: String, _ id: String, skills: [String], languages: [(String, Proficiency)], interprets: Bool = false
    ) -> ScriptedImporter.Line {
        .volunteer(
            VolunteerRecord(
                source: "feed:test", externalID: id, name: name, skills: skills.map(ItemParsing.skill),
                languages: languages.map {
                    SpokenLanguage(language: .resolving($0.0), proficiency: $0.1, interprets: interprets)
                },
                consent: Consent(contact: true)))
    }

    func found(skill: String) throws -> [String] {
        try directory.store.search(VolunteerQuery(skills: [skill])).map {
            "\($0.volunteer.name):\($0.match?.rawValue ?? "")"
        }
    }

    func found(language: String) throws -> [String] {
        try directory.store.search(VolunteerQuery(languages: [.resolving(language)])).map {
            "\($0.volunteer.name):\($0.match?.rawValue ?? "")"
        }
    }

    @Test("a skill finds exact, then synonyms, then narrower, then related, each labelled")
    func skillKinds() throws {
        #expect(
            try found(skill: "accountancy") == [
                "Amir:exact", "Bushra:synonym", "Chen:synonym", "Dorota:narrower", "Efua:related",
            ])
        #expect(
            try found(skill: "ACCA") == [
                "Amir:exact", "Bushra:synonym", "Chen:synonym", "Dorota:narrower", "Efua:related",
            ])
        #expect(try found(skill: "legal advice") == ["Farid:narrower"])
        #expect(try found(skill: "beekeeping") == ["Goran:exact"])
        #expect(try found(skill: "interpreting") == ["Imran:exact"])
        let match = try #require(
            try directory.store.search(VolunteerQuery(skills: ["accountancy"])).first { $0.volunteer.name == "Bushra" })
        #expect(
            match.matched == [
                MatchedTerm(skill: "accountancy", written: "ACCA qualified", match: .synonym)
            ])
    }

    @Test("a limit keeps the best, in order, however many qualify")
    func limitKeepsTheBest() throws {
        for limit in 1...5 {
            let names = try directory.store.search(VolunteerQuery(skills: ["accountancy"], limit: limit)).map(
                \.volunteer.name)
            #expect(names == Array(["Amir", "Bushra", "Chen", "Dorota", "Efua"].prefix(limit)))
        }
        let everyone = try directory.store.search(VolunteerQuery(limit: 3)).map(\.volunteer.name)
        #expect(everyone == ["Amir", "Bushra", "Chen"])
    }

    @Test("a language finds its own speakers, members of a macrolanguage, and related varieties, each labelled")
    func languageRelations() throws {
        #expect(try found(language: "Kurdish") == ["Goran:exact", "Farid:narrower"])
        #expect(try found(language: "Sorani") == ["Farid:exact", "Goran:related"])
        #expect(try found(language: "Chinese") == ["Hui:exact", "Chen:narrower"])
        #expect(try found(language: "粵語") == ["Chen:exact", "Hui:related"])
        #expect(try found(language: "Punjabi") == ["Imran:exact", "Bushra:exact", "Jamila:related"])
        #expect(try found(language: "ਪੰਜਾਬੀ") == ["Imran:exact", "Bushra:exact", "Jamila:related"])
        #expect(try found(language: "Portugese").isEmpty)
        #expect(try found(language: "Farsi").isEmpty)
    }

    @Test("unmapped skills are listed for the taxonomy's next edit, most written first")
    func unmapped() throws {
        let unmapped = try directory.store.unmappedSkills(limit: 10)
        #expect(unmapped.map(\.written) == ["Beekeeping"])
        #expect(unmapped.first?.volunteers == 1)
        let holders = try directory.store.skillHolders()
        #expect(holders["accountancy"] == 3)
        #expect(holders["driving"] == 2)
        #expect(holders["interpreting"] == 1)
    }

    @Test("language coverage counts each speaker once, at their best proficiency")
    func coverage() throws {
        let coverage = try directory.store.languageCoverage()
        let urdu = try #require(coverage.first { $0.code == "urd" })
        #expect(urdu.total == 2)
        #expect(urdu.byProficiency[.native] == 1 && urdu.byProficiency[.fluent] == 1)
        #expect(urdu.interpreters == 1)
        #expect(coverage.first { $0.code == "pan" }?.total == 2)
    }

    @Test("a coordinator's taxonomy remaps the skills already held when the directory is next opened")
    func remapsOnNewTaxonomy() throws {
        let extended = try directory.store.taxonomy.extended(
            withYAML: "version: 1\nskills:\n  - key: beekeeping\n    label: Beekeeping\n    synonyms: [apiarist]\n",
            file: "bees.taxonomy.yaml")
        let reopened = try SQLiteDirectoryStore(path: directory.databasePath, taxonomy: extended)
        #expect(try reopened.unmappedSkills(limit: 10).isEmpty)
        #expect(try reopened.search(VolunteerQuery(skills: ["apiarist"])).map(\.volunteer.name) == ["Goran"])
        // Written by its label.
        #expect(try reopened.search(VolunteerQuery(skills: ["apiarist"])).first?.match == .exact)
        // Back to the shipped taxonomy: Beekeeping is unmapped again.
        let original = try SQLiteDirectoryStore(path: directory.databasePath)
        #expect(try original.unmappedSkills(limit: 10).map(\.written) == ["Beekeeping"])
    }
}
