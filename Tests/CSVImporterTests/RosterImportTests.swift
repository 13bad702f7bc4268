import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import CSVImporter

/// The plugin through the directory: transactions, batches, deduplication and consent.
@Suite("Importing rosters into the directory")
struct RosterImportTests {
    let directory: TestDirectory

    init() throws {
        directory = try TestDirectory(importers: [CSVImporter.self])
    }

    func importFixture(_ name: String, _ request: ImportRequest = ImportRequest()) throws -> FileImportReport {
        try directory.service.importFile(at: fixturesFolder().appendingPathComponent(name), request: request)
    }

    @Test("the same person in three rosters is one volunteer with three memberships")
    func deduplication() throws {
        let first = try importFixture("roster-a.csv")
        #expect(first.counts.created == 2)
        let second = try importFixture("roster-b.csv")
        #expect(second.counts.created == 0)
        #expect(second.counts.updated == 2)
        let third = try importFixture("roster-c.csv")
        #expect(third.counts.updated == 1)

        let everyone = try directory.everyone()
        #expect(everyone.count == 2)
        let amina = try #require(everyone.first { $0.email?.lowercased() == "amina.rahman@example.org" })
        #expect(
            amina.memberships.map(\.networkName) == [
                "Deaf Community", "Mosque Welfare Group", "Race Equality Partnership",
            ])
        #expect(amina.memberships.first { $0.networkName == "Race Equality Partnership" }?.role == "coordinator")
        // The Deaf Community roster wrote BSL under skills: it is a language she speaks (issue 12).
        #expect(Set(amina.skills.map(\.written)) == ["Accountancy", "Bookkeeping"])
        #expect(Set(amina.languages.map(\.language.code)) == ["urd", "pan", "bfi"])
        let tariq = try #require(everyone.first { $0.name.contains("Mahmood") })
        #expect(tariq.memberships.count == 2)
        #expect(Set(tariq.languages.compactMap(\.language.code)) == ["pus", "bfi"])
    }

    @Test("importing the same file again changes nothing")
    func sameFileTwice() throws {
        _ = try importFixture("roster-a.csv")
        let before = try directory.everyone()
        let again = try importFixture("roster-a.csv")
        #expect(again.previouslyImported != nil)
        #expect(again.counts.created == 0 && again.counts.updated == 0)
        #expect(try directory.everyone() == before)
        #expect(try directory.store.batches().count == 1)
    }

    @Test("a re-sent roster with the same rows in a new file reports them unchanged")
    func sameRowsNewFile() throws {
        _ = try importFixture("roster-a.csv")
        let text = try String(contentsOf: fixturesFolder().appendingPathComponent("roster-a.csv"), encoding: .utf8)
        let copy = try directory.file("roster-a-resent.csv", text + "\n\n")
        let report = try directory.service.importFile(at: copy, request: ImportRequest())
        #expect(report.counts.unchanged == 2)
        #expect(report.counts.created == 0 && report.counts.updated == 0)
    }

    @Test("--strict: one rejected row and nothing is written")
    func strict() throws {
        #expect(throws: ImportError.self) { try importFixture("rejections.csv", ImportRequest(strict: true)) }
        #expect(try directory.everyone().isEmpty)
        #expect(try directory.store.batches().isEmpty)
    }

    @Test("without --strict the readable rows import and the batch records the rejections")
    func lenient() throws {
        let report = try importFixture("rejections.csv")
        #expect(report.counts.created == 2)
        #expect(report.rejected.count == 5)
        #expect(try directory.everyone().count == 2)
        #expect(try directory.store.batches().first?.counts.rejected == 5)
    }

    @Test("--dry-run reports what would change and writes nothing")
    func dryRun() throws {
        let report = try importFixture("roster-a.csv", ImportRequest(dryRun: true))
        #expect(report.dryRun)
        #expect(report.counts.created == 2)
        #expect(try directory.everyone().isEmpty)
        #expect(try directory.store.networks().isEmpty)
        #expect(try directory.store.batches().isEmpty)
        // And the real import afterwards does the same.
        #expect(try importFixture("roster-a.csv").counts.created == 2)
    }

    @Test("a cut-short file writes nothing and names the line")
    func cutShort() throws {
        do {
            _ = try importFixture("unterminated-quote.csv")
            Issue.record("expected the import to fail")
        } catch let error as ImportError {
            #expect(error.description.hasPrefix("unterminated-quote.csv:3: "))
        }
        #expect(try directory.everyone().isEmpty)
    }

    @Test("only people who agreed to be contacted are found, unless asked")
    func consent() throws {
        _ = try importFixture("consent.csv")
        let report = try importFixture("no-consent-column.csv")
        #expect(report.warnings.contains { $0.message.contains("no recorded consent") })
        let found = try directory.store.search(VolunteerQuery(skills: ["driving"]))
        #expect(found.map(\.volunteer.name) == ["Yes Person"])
        let all = try directory.store.search(VolunteerQuery(skills: ["driving"], includeWithoutConsent: true))
        #expect(Set(all.map(\.volunteer.name)) == ["Yes Person", "No Person", "Unknown Consent"])
    }

    @Test("no from any roster wins over yes from another")
    func consentNoWins() throws {
        _ = try directory.service.importFile(
            at: try directory.file("a.csv", "Name,Email,Network,Consent\nAmina,amina@example.org,A,yes\n"),
            request: ImportRequest())
        _ = try directory.service.importFile(
            at: try directory.file("b.csv", "Name,Email,Network,Consent\nAmina,AMINA@example.org,B,no\n"),
            request: ImportRequest())
        #expect(try directory.store.search(VolunteerQuery()).isEmpty)
        #expect(try directory.everyone().first?.consent.contact == false)
    }

    @Test("the bundled samples import: windows-1252, split names, tabs, needs, shared people")
    func samples() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Imports")
        let pending = try directory.service.pendingFiles(in: samples).filter {
            ["csv", "tsv"].contains($0.pathExtension)
        }
        #expect(pending.count >= 4)
        var rejected = 0
        for file in pending {
            let report = try directory.service.importFile(at: file, request: ImportRequest())
            rejected += report.rejected.count
        }
        #expect(rejected == 2)
        // Every CSV and TSV sample is now imported; what is left is for other plugins (the feed, the workbook).
        #expect(
            try directory.service.pendingFiles(in: samples).allSatisfy { !["csv", "tsv"].contains($0.pathExtension) })
        let polish = try directory.store.search(
            VolunteerQuery(languages: [.resolving("Polish")], minimumDBS: .enhanced))
        #expect(polish.map(\.volunteer.name) == ["Zoë Nowak"])
        let amina = try #require(try directory.store.search(VolunteerQuery(text: "Amina")).first?.volunteer)
        #expect(amina.memberships.count == 3)
        #expect(try directory.store.needs().count == 6)
    }

    @Test(
        "a roster whose languages column says No records no Norwegian speaker, and languages in the skills column are languages"
    )
    func answersAndLanguagesInSkills() throws {
        let roster = try directory.file(
            "answers.csv",
            """
            Name,Email,Network,Skills,Other languages?,Consent
            Ola Nordmann,ola@example.org,SREP,Driving,No,yes
            Amina Rahman,amina@example.org,SREP,"Urdu interpreter; English teaching",Urdu (native),yes
            Piotr Zielinski,piotr@example.org,SREP,Polish,None,yes

            """)
        let report = try directory.service.importFile(at: roster, request: ImportRequest())
        #expect(report.rejected.isEmpty)
        let everyone = try directory.everyone()
        let ola = try #require(everyone.first { $0.name == "Ola Nordmann" })
        #expect(ola.languages.isEmpty)
        #expect(try directory.store.search(VolunteerQuery(languages: [.resolving(code: "nor")])).isEmpty)

        let amina = try #require(everyone.first { $0.name == "Amina Rahman" })
        #expect(Set(amina.skills.map(\.written)) == ["Urdu interpreter", "English teaching"])
        #expect(amina.languages.map(\.language.code) == ["urd"])
        #expect(amina.languages.first?.interprets == true)
        #expect(amina.languages.first?.proficiency == .native)
        let piotr = try #require(everyone.first { $0.name == "Piotr Zielinski" })
        #expect(piotr.skills.isEmpty)
        #expect(piotr.languages.map(\.language.written) == ["Polish"])
        #expect(piotr.languages.map(\.language.code) == ["pol"])
        // Each is reported with its line, so the roster can be fixed.
        #expect(
            report.warnings.contains {
                $0.location?.line == 3 && $0.message.contains("'Urdu interpreter' names a language")
            })
        #expect(report.warnings.contains { $0.location?.line == 4 && $0.message.contains("'Polish' is a language") })
        #expect(!report.warnings.contains { $0.location?.line == 2 })
        let polish = try directory.store.search(VolunteerQuery(languages: [.resolving("Polish")]))
        #expect(polish.map(\.volunteer.name) == ["Piotr Zielinski"])
    }
}
