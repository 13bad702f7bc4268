import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import Sector3Importer

/// The plugin on its own: every element and attribute of feed version 1.
@Suite("Sector 3 feed reading")
struct FeedReadingTests {
    static func read(_ name: String) throws -> RecordingSink {
        let sink = RecordingSink()
        try Sector3Importer().read(
            ImportInput(url: fixturesFolder().appendingPathComponent(name), displayName: name, size: 0),
            options: ImportOptions(),
            into: sink)
        return sink
    }

    @Test("every element and attribute of the specification's example")
    func everything() throws {
        let sink = try Self.read("full.xml")
        #expect(sink.sequences.map(\.source) == ["Sector 3 Stockport"])
        #expect(sink.sequences.map(\.number) == [118])

        let network = try #require(sink.networks.first)
        #expect(network.source == "feed:Sector 3 Stockport")
        #expect(network.externalID == "NET-0042")
        #expect(network.name == "Stockport Race Equality Partnership")
        #expect(network.kind == "ethnic-community")
        #expect(network.areas == ["Brinnington & Central", "Edgeley & Cheadle Heath"])
        #expect(
            network.contact == ContactDetails(name: "Office", email: "office@srep.example.org", phone: "0161 000 0000"))
        #expect(
            network.members == [
                MemberReference(
                    volunteerRef: "VOL-1001", role: "coordinator", since: CalendarDate(year: 2023, month: 6, day: 1)),
                MemberReference(volunteerRef: "VOL-1002"),
            ])
        #expect(network.updated == CalendarDate(year: 2025, month: 3, day: 28))

        let amina = try #require(sink.volunteers.first)
        #expect(amina.externalID == "VOL-1001")
        #expect(amina.name == "Amina Rahman")
        #expect(amina.email == "amina.rahman@example.org")
        #expect(amina.phone == "07700 900123")
        #expect(amina.postcode == "SK1 3XE")
        #expect(amina.ageBand == .age65plus)
        #expect(
            amina.skills == [
                {
                    var s = Skill(written: "Accountancy", level: .professional)
                    s.qualifiedIn = "PK"
                    return s
                }(),
                Skill(written: "Befriending"),
            ])
        #expect(amina.languages.map(\.language.code) == ["urd", "pan", "eng", "pan"])
        #expect(amina.languages.map(\.proficiency) == [.native, .fluent, .fluent, .conversational])
        #expect(amina.languages.map(\.interprets) == [false, false, false, true])
        #expect(amina.languages[3].language.script == "Arab")
        #expect(amina.languages[1].language.written == "Punjabi")
        #expect(amina.availability == [Slot(day: .tue, part: .evening), Slot(day: .sat, part: .morning)])
        #expect(amina.dbs == DBSCheck(level: .enhanced, issued: CalendarDate(year: 2024, month: 1, day: 12)))
        #expect(
            amina.consent
                == Consent(contact: true, share: .partners, recorded: CalendarDate(year: 2024, month: 5, day: 1)))
        #expect(amina.updated == CalendarDate(year: 2025, month: 3, day: 30))
        #expect(sink.volunteers[1].name == "Hamid Rezaei")
        #expect(sink.volunteers[1].consent == Consent(contact: false, share: ShareScope.none))

        let need = try #require(sink.needs.first)
        #expect(need.id == "OPP-77")
        #expect(need.partner == "Stockport Council Schools Team")
        #expect(need.title == "Reading support for newly arrived pupils")
        #expect(need.description == "Two hours a week in a primary school. <b>Polish</b> speakers especially welcome.")
        #expect(need.requiredSkills.map(\.written) == ["Teaching"])
        #expect(need.preferredSkills.map(\.written) == ["Mentoring"])
        #expect(
            need.languages == [
                LanguageRequirement(
                    language: LanguageReference(written: "pl", code: "pol"), minimumProficiency: .fluent,
                    isRequired: true),
                LanguageRequirement(language: LanguageReference(written: "Ukrainian", code: "ukr"), isRequired: false),
            ])
        #expect(need.postcode == "SK4 1AA")
        #expect(need.area == "Heatons North")
        #expect(need.slots == [Slot(day: .wed, part: .afternoon), Slot(day: .mon, part: .any)])
        #expect(need.places == 3)
        #expect(need.minimumDBS == .enhanced)
        #expect(need.updated == CalendarDate(year: 2025, month: 3, day: 31))

        #expect(
            sink.withdrawals == [
                Withdrawal(
                    source: "feed:Sector 3 Stockport", volunteerRef: "VOL-0987",
                    on: CalendarDate(year: 2025, month: 3, day: 29))
            ])
        #expect(sink.rejections.isEmpty)
        #expect(sink.warnings.isEmpty)
        #expect(sink.records.map(\.location.line) == [4, 17, 40, 44, 58])
    }

    @Test("the default namespace, and elements in any order")
    func defaultNamespaceInterleaved() throws {
        let sink = try Self.read("default-namespace-interleaved.xml")
        #expect(sink.sequences.map(\.number) == [5])
        let kinds = sink.records.map { record -> String in
            switch record.record {
            case .need: "need"
            case .network: "network"
            case .volunteer: "volunteer"
            case .withdrawal: "withdrawal"
            }
        }
        #expect(kinds == ["need", "network", "volunteer", "withdrawal", "volunteer", "network"])
        #expect(sink.volunteers.map(\.name) == ["Grace Okafor", "Tariq Mahmood"])
        #expect(sink.volunteers.map { $0.languages.first?.language.code } == ["bfi", "bfi"])
    }

    @Test("a feed declaring windows-1252 is decoded")
    func windows1252() throws {
        let sink = try Self.read("windows-1252.xml")
        #expect(sink.volunteers.first?.name == "Zoë Nowak")
        #expect(sink.volunteers.first?.skills.first?.written == "Budgeting – £ and €")
    }

    @Test("unknown elements and attributes, in the feed's namespace or another, are skipped and counted")
    func unknownParts() throws {
        let sink = try Self.read("unknown-parts.xml")
        #expect(sink.volunteers.map(\.name) == ["Amina Rahman", "Second"])
        #expect(sink.volunteers.first?.skills.first?.level == .professional)
        let warnings = Set(sink.warnings.map(\.message))
        #expect(
            warnings == [
                "unknown attribute 'feed/@batch' ignored (1 time)",
                "unknown attribute 'volunteer/@colour' ignored (1 time)",
                "unknown attribute 'volunteer/@mood' ignored (1 time)",
                "unknown element 'volunteer/nickname' ignored (2 times)",
                "unknown element 'volunteer/badge' ignored (1 time)",
                "unknown attribute 'volunteer/skills/skill/@confidence' ignored (1 time)",
                "unknown element 'feed/newsletter' ignored (1 time)",
                "unknown element 'feed/audit' ignored (1 time)",
            ])
    }

    @Test("records that cannot be read are rejected with their line; the rest are read")
    func rejections() throws {
        let sink = try Self.read("rejections.xml")
        #expect(sink.volunteers.map(\.name) == ["Good"])
        #expect(sink.rejections.map(\.location.line) == [4, 5, 6, 7, 8, 9])
        #expect(
            sink.rejections.map(\.reason) == [
                "volunteer 'V2' has no name",
                "unknown skill level 'guru'; expected basic, experienced or professional",
                "volunteer has no id",
                "unreadable DBS issued date '31/02/2024'; write it as 2025-03-28 or 28/03/2025",
                "places '0' is not a whole number from 1 to 1,000",
                "unknown day 'funday'; expected mon, tue, wed, thu, fri, sat, sun or any",
            ])
    }

    @Test("a document that is not a version 1 feed is refused, naming what it is")
    func notAFeed() throws {
        #expect(throws: ImportError.self) { try Self.read("not-a-feed.xml") }
        do {
            _ = try Self.read("not-a-feed.xml")
        } catch let error as ImportError {
            #expect(error.description.contains("the root element is 'rss'"))
        }
        do {
            _ = try Self.read("wrong-version.xml")
            Issue.record("a version 2 feed was read")
        } catch let error as ImportError {
            #expect(error.description.contains("feed version '2.0' is not supported"))
        }
    }

    @Test("recognised by the namespace of its root, whatever its name")
    func recognition() {
        let feed = Array("<?xml version=\"1.0\"?><feed xmlns=\"urn:sector3:network-feed:1\">".utf8)
        #expect(Sector3Importer.recognises(ImportSample(fileName: "export.dat", head: feed)) == .certain)
        #expect(
            Sector3Importer.recognises(ImportSample(fileName: "other.xml", head: Array("<rss/>".utf8))) == .possible)
        #expect(Sector3Importer.recognises(ImportSample(fileName: "roster.csv", head: Array("Name,Email".utf8))) == .no)
    }
}
