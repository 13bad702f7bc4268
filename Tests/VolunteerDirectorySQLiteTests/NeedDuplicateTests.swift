import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectorySQLite
import VolunteerDirectoryTestSupport

/// The same need from two sources: flagged at import, matched once, merged on request.
@Suite("Duplicate needs")
struct NeedDuplicateTests {
    let directory: TestDirectory

    init() throws {
        directory = try TestDirectory(importers: [ScriptedImporter.self])
    }

    @discardableResult
    func load(_ name: String, _ lines: [ScriptedImporter.Line]) throws -> FileImportReport {
        try directory.importScript(name, lines)
    }

    static func reading(
        _ id: String, partner: String = "Stockport Council Schools Team",
        title: String = "Reading support for newly arrived pupils",
        language: String = "Polish", places: Int = 3
    ) -> Need {
        Need(
            id: id, partner: partner, title: title,
            skills: [SkillRequirement(skill: Skill(written: "Teaching"), isRequired: true)],
            languages: [
                LanguageRequirement(language: .resolving(language), minimumProficiency: .fluent, isRequired: true)
            ], places: places)
    }

    static func teacher(_ name: String, id: String) -> ScriptedImporter.Line {
        .volunteer(
            VolunteerRecord(
                source: "feed:test", externalID: id, name: name, email: "\(id)@example.org",
                skills: [Skill(written: "Teaching")],
                languages: [SpokenLanguage(language: .resolving("Polish"), proficiency: .native)],
                consent: Consent(contact: true)))
    }

    @Test(
        "a need from another source with the same partner and title and overlapping requirements is flagged, with its line"
    )
    func flaggedAtImport() throws {
        try load("needs.jsonl", [.need(Self.reading("N-101"))])
        let report = try load(
            "feed.jsonl",
            [
                .need(Self.reading("N-999", partner: "Someone else")),
                .need(Self.reading("OPP-77", title: "READING support for newly-arrived pupils")),
            ])
        let warning = try #require(report.warnings.first { $0.message.contains("duplicate") })
        #expect(warning.location?.line == 2)
        #expect(warning.message.contains("'OPP-77'") && warning.message.contains("'N-101'"))
        let needs = try directory.store.needs()
        #expect(needs.first { $0.id == "OPP-77" }?.duplicateOf == "N-101")
        #expect(needs.first { $0.id == "N-999" }?.duplicateOf == nil)
        #expect(needs.first { $0.id == "N-101" }?.duplicateOf == nil)
        #expect(try Presentation.needs(needs, as: .table).contains("OPP-77 looks like a duplicate of N-101"))
        #expect(try Presentation.needs(needs, as: .json).contains("\"duplicateOf\" : \"N-101\""))
    }

    @Test("not flagged: requirements that do not overlap, or two needs from the same source")
    func notFlagged() throws {
        try load("needs.jsonl", [.need(Self.reading("N-101")), .need(Self.reading("N-102"))])
        try load("feed.jsonl", [.need(Self.reading("OPP-78", language: "Urdu"))])
        #expect(try directory.store.needs().allSatisfy { $0.duplicateOf == nil })
    }

    @Test(
        "same partner and title: overlapping requirements are likely the same need",
        arguments: [
            (["Teaching"], ["Polish"], ["teaching"], ["pl"], true),
            (["Teaching"], ["Polish"], [], [], true),  // one says less: nothing conflicts
            (["Teaching"], ["Polish"], ["Teaching"], ["Urdu"], false),
            (["Teaching"], [], ["Driving"], [], false),
            ([], [], [], [], true),
        ])
    func overlapping(skills: [String], languages: [String], otherSkills: [String], otherLanguages: [String], same: Bool)
    {
        func need(_ id: String, _ skills: [String], _ languages: [String]) -> Need {
            Need(
                id: id, partner: "Schools", title: "Reading",
                skills: skills.map { SkillRequirement(skill: Skill(written: $0), isRequired: true) },
                languages: languages.map { LanguageRequirement(language: .resolving($0), isRequired: true) })
        }
        #expect(need("A", skills, languages).isLikelySame(as: need("B", otherSkills, otherLanguages)) == same)
    }

    @Test("only the kept need is matched, the report says why, and coverage counts its places once")
    func matchedOnce() throws {
        try load("people.jsonl", [Self.teacher("Zoe Nowak", id: "1"), Self.teacher("Jan Kowalski", id: "2")])
        try load("needs.jsonl", [.need(Self.reading("N-101"))])
        try load("feed.jsonl", [.need(Self.reading("OPP-77"))])
        let run = try MatchRun(store: directory.store)
        #expect(Set(run.result.assignments.map(\.need)) == ["N-101"])
        #expect(run.duplicates.map(\.id) == ["OPP-77"])
        let report = run.report(alternates: 0, audience: .coordinator)
        #expect(report.needs.map(\.need.id) == ["N-101"])
        #expect(report.coverage.map(\.placesAsking) == [3])
        #expect(report.placesAsked == 3)
        #expect(
            report.markdown().contains(
                "OPP-77 (Stockport Council Schools Team: Reading support for newly arrived pupils) looks like a duplicate of N-101"
            ))
        #expect(report.html().contains("Likely duplicates, not matched"))
        #expect(report.csv().contains("duplicate,OPP-77"))
    }

    @Test("merging keeps one need, moves placements, drops the flag, and a later import of the other changes nothing")
    func merge() throws {
        try load(
            "people.jsonl",
            [
                Self.teacher("Zoe Nowak", id: "1"), Self.teacher("Jan Kowalski", id: "2"),
                Self.teacher("Ola Nowak", id: "3"),
            ])
        try load("needs.jsonl", [.need(Self.reading("N-101", places: 2))])
        try load("feed.jsonl", [.need(Self.reading("OPP-77"))])
        // Zoe is placed on both; Jan and Ola only on the duplicate.
        let people = try directory.everyone().map(\.id)
        let placed = try directory.store.propose([
            (need: "N-101", volunteer: people[0], score: 1), (need: "OPP-77", volunteer: people[0], score: 1),
            (need: "OPP-77", volunteer: people[1], score: 1), (need: "OPP-77", volunteer: people[2], score: 1),
        ])
        for placement in placed where placement.need == "OPP-77" {
            _ = try directory.store.decide(placement: placement.id, as: .confirmed)
        }

        let merge = try directory.store.mergeNeeds(keep: "N-101", other: "OPP-77")
        #expect(merge == NeedMerge(kept: "N-101", removed: "OPP-77", moved: 3, dropped: 1, confirmed: 3, places: 2))
        #expect(try directory.store.needs().map(\.id) == ["N-101"])
        let placements = try directory.store.placements()
        #expect(placements.allSatisfy { $0.need == "N-101" && $0.status == .confirmed })
        #expect(Set(placements.map(\.volunteer)) == Set(people))

        let again = try load("feed-2.jsonl", [.need(Self.reading("OPP-77", places: 4))])
        #expect(again.counts.created == 0 && again.counts.updated == 0)
        #expect(again.warnings.contains { $0.message.contains("merged into 'N-101'") })
        #expect(try directory.store.needs().map(\.id) == ["N-101"])
    }

    @Test(
        "merging the other way round clears the kept need's own flag",
        arguments: [("OPP-77", "N-101"), ("N-101", "OPP-77")])
    func mergeEitherWay(keep: String, other: String) throws {
        try load("needs.jsonl", [.need(Self.reading("N-101"))])
        try load("feed.jsonl", [.need(Self.reading("OPP-77"))])
        _ = try directory.store.mergeNeeds(keep: keep, other: other)
        let needs = try directory.store.needs()
        #expect(needs.map(\.id) == [keep])
        #expect(needs.first?.duplicateOf == nil)
    }

    @Test("an updated need keeps its placements, and the duplicate flag pointing at it")
    func updatedNeedKeepsPlacements() throws {
        try load("people.jsonl", [Self.teacher("Zoe Nowak", id: "1")])
        try load("needs.jsonl", [.need(Self.reading("N-101"))])
        try load("feed.jsonl", [.need(Self.reading("OPP-77"))])
        let person = try #require(try directory.everyone().first?.id)
        let placement = try #require(try directory.store.propose([(need: "N-101", volunteer: person, score: 1)]).first)
        _ = try directory.store.decide(placement: placement.id, as: .confirmed)
        let report = try load("needs-2.jsonl", [.need(Self.reading("N-101", places: 5))])
        #expect(report.counts.updated == 1)
        #expect(try directory.store.placements().map(\.need) == ["N-101"])
        #expect(try directory.store.needs().first { $0.id == "OPP-77" }?.duplicateOf == "N-101")
        #expect(try directory.store.needs().first { $0.id == "N-101" }?.places == 5)
    }

    @Test("merging refuses a need that is not held, or a need with itself")
    func mergeErrors() throws {
        try load("needs.jsonl", [.need(Self.reading("N-101"))])
        #expect(throws: NeedMergeError.unknownNeed("OPP-1")) {
            try directory.store.mergeNeeds(keep: "N-101", other: "OPP-1")
        }
        #expect(throws: NeedMergeError.sameNeed("N-101")) {
            try directory.store.mergeNeeds(keep: "N-101", other: "N-101")
        }
        #expect(try directory.store.needs().count == 1)
    }
}
