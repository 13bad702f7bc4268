import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectorySQLite
import VolunteerDirectoryTestSupport

@Suite("Directory store")
struct DirectoryStoreTests {
    let directory: TestDirectory

    init() throws {
        directory = try TestDirectory(importers: [ScriptedImporter.self])
    }

    @discardableResult
    func load(_ name: String, _ lines: [ScriptedImporter.Line], _ request: ImportRequest = ImportRequest()) throws
        -> FileImportReport
    {
        try directory.importScript(name, lines, request: request)
    }

    static let agreed = Consent(contact: true, share: .partners)

    static func person(
        _ name: String, id: String, email: String? = nil, phone: String? = nil, postcode: String? = nil,
        area: String? = nil,
        skills: [Skill] = [], languages: [SpokenLanguage] = [], slots: [Slot] = [], dbs: DBSLevel? = nil,
        consent: Consent = agreed, network: String? = "Network A", notes: String? = nil, source: String = "feed:test"
    ) -> ScriptedImporter.Line {
        .volunteer(
            VolunteerRecord(
                source: source, externalID: id, name: name, email: email, phone: phone, postcode: postcode, area: area,
                skills: skills, languages: languages, availability: slots, dbs: dbs.map { DBSCheck(level: $0) },
                consent: consent, notes: notes,
                memberships: network.map { [MembershipRecord(network: NetworkReference(name: $0))] } ?? []))
    }

    static func speaks(_ text: String, _ proficiency: Proficiency? = nil, interprets: Bool = false) -> SpokenLanguage {
        SpokenLanguage(language: .resolving(text), proficiency: proficiency, interprets: interprets)
    }

    func names(_ query: VolunteerQuery) throws -> [String] {
        try directory.store.search(query).map(\.volunteer.name)
    }

    @Test("a file listed as pending and then changed is hashed afresh when imported")
    func changedAfterListing() throws {
        let url = try directory.file("roster.jsonl", try ScriptedImporter.script([Self.person("Amina", id: "1")]))
        #expect(
            try directory.service.pendingFiles(in: directory.folder).map(\.lastPathComponent).contains("roster.jsonl"))
        try Data(try ScriptedImporter.script([Self.person("Amina", id: "1"), Self.person("Tariq", id: "2")]).utf8)
            .write(to: url)
        _ = try directory.service.importFile(at: url, request: ImportRequest())
        #expect(
            try directory.store.batches().last?.sha256 == ImportService.sha256(of: url, displayName: "roster.jsonl"))
        #expect(try directory.everyone().count == 2)
    }

    @Test("a person listed twice by one source is unchanged when the source sends both rows again")
    func listedTwiceBySameSource() throws {
        let rows = [
            Self.person("Amina Yusuf", id: "1", email: "amina@example.org", skills: [Skill(written: "Driving")]),
            Self.person("Amina Yusuf", id: "2", email: "amina@example.org", skills: [Skill(written: "Befriending")]),
        ]
        let first = try load("first.jsonl", rows)
        #expect(first.counts.created == 1 && first.counts.updated == 1)
        let again = try load("again.jsonl", rows + [Self.person("Tariq Khan", id: "3")])
        #expect(again.counts.created == 1)
        #expect(again.counts.unchanged == 2)
        #expect(again.counts.updated == 0)
        #expect(try directory.everyone().first?.skills.map(\.written) == ["Befriending"])
    }

    @Test("a source's new availability replaces what it said before; what other sources said stays")
    func availabilityPerSource() throws {
        try load(
            "a.jsonl",
            [
                Self.person(
                    "Amina", id: "1", email: "a@example.org", slots: [Slot(day: .tue, part: .evening)],
                    source: "roster:a")
            ])
        try load(
            "b.jsonl",
            [
                Self.person(
                    "Amina", id: "7", email: "a@example.org", slots: [Slot(day: .sat, part: .any)], source: "roster:b")
            ])
        try load(
            "a2.jsonl",
            [
                Self.person(
                    "Amina", id: "1", email: "a@example.org", slots: [Slot(day: .wed, part: .morning)],
                    source: "roster:a")
            ])
        #expect(
            try directory.everyone().map(\.availability) == [
                [Slot(day: .wed, part: .morning), Slot(day: .sat, part: .any)]
            ])
        #expect(try names(VolunteerQuery(availability: [Slot(day: .tue, part: .evening)])).isEmpty)
        #expect(try names(VolunteerQuery(availability: [Slot(day: .sat, part: .afternoon)])) == ["Amina"])
        #expect(try names(VolunteerQuery(availability: [Slot(day: .wed, part: .any)])) == ["Amina"])
    }

    @Test("a failed import leaves the directory exactly as it was")
    func failedImportWritesNothing() throws {
        try load("first.jsonl", [Self.person("Amina", id: "1")])
        let before = try directory.everyone()
        #expect(throws: ImportError.self) {
            try load(
                "broken.jsonl",
                [Self.person("Tariq", id: "2"), Self.person("Amina Changed", id: "1"), .fail("cut short")])
        }
        #expect(try directory.everyone() == before)
        #expect(try directory.store.batches().count == 1)
        #expect(try directory.store.networks().count == 1)
    }

    @Test("skills match by key or as whole words within a skill; exact ranks first")
    func skillSearch() throws {
        try load(
            "s.jsonl",
            [
                Self.person("Alice", id: "1", skills: [Skill(written: "First aid (St John)")]),
                Self.person("Bob", id: "2", skills: [Skill(written: "First-Aid")]),
                Self.person("Carol", id: "3", skills: [Skill(written: "Firstaid")]),
                Self.person("Dan", id: "4", skills: [Skill(written: "Driving"), Skill(written: "Aid work first")]),
            ])
        #expect(try names(VolunteerQuery(skills: ["first aid"])) == ["Bob", "Alice"])
        #expect(try names(VolunteerQuery(skills: ["FIRST AID", "driving"])).isEmpty)
        #expect(try names(VolunteerQuery(skills: ["driving"])) == ["Dan"])
    }

    @Test("languages by any form the catalogue knows, with a minimum proficiency; higher proficiency ranks first")
    func languageSearch() throws {
        try load(
            "l.jsonl",
            [
                Self.person(
                    "Amina", id: "1", languages: [Self.speaks("Urdu", .native), Self.speaks("pa-Arab", .fluent)]),
                Self.person("Bilal", id: "2", languages: [Self.speaks("urd", .basic)]),
                Self.person("Chen", id: "3", languages: [Self.speaks("Cantonese")]),
                Self.person("Dana", id: "4", languages: [Self.speaks("Hill Mirpuri", .fluent)]),
            ])
        #expect(try names(VolunteerQuery(languages: [.resolving("ur")])) == ["Amina", "Bilal"])
        #expect(try names(VolunteerQuery(languages: [.resolving("اردو")], minimumProficiency: .fluent)) == ["Amina"])
        #expect(try names(VolunteerQuery(languages: [.resolving("Punjabi"), .resolving("Urdu")])) == ["Amina"])
        #expect(try names(VolunteerQuery(languages: [.resolving("yue")])) == ["Chen"])
        #expect(try names(VolunteerQuery(languages: [.resolving("hill mirpuri")])) == ["Dana"])
    }

    @Test("area by postcode district or ward, availability, DBS at least, network")
    func otherFilters() throws {
        try load(
            "o.jsonl",
            [
                Self.person(
                    "Ann", id: "1", postcode: "sk4 1aa", slots: [Slot(day: .tue, part: .evening)], dbs: .enhanced),
                Self.person(
                    "Ben", id: "2", postcode: "SK41 1AA", area: "Heatons North",
                    slots: [Slot(day: .any, part: .evening)], dbs: .basic, network: "Network B"),
                Self.person("Cat", id: "3", postcode: "M1 1AE", slots: [Slot(day: .sat, part: .any)], dbs: .standard),
            ])
        #expect(try names(VolunteerQuery(area: "SK4")) == ["Ann"])
        #expect(try names(VolunteerQuery(area: "heatons north")) == ["Ben"])
        #expect(try names(VolunteerQuery(availability: [Slot(day: .tue, part: .evening)])) == ["Ann", "Ben"])
        #expect(try names(VolunteerQuery(availability: [Slot(day: .sat, part: .morning)])) == ["Cat"])
        #expect(try names(VolunteerQuery(minimumDBS: .standard)) == ["Ann", "Cat"])
        #expect(try names(VolunteerQuery(network: "network b")) == ["Ben"])
        #expect(try names(VolunteerQuery(limit: 2)) == ["Ann", "Ben"])
    }

    @Test("full text over names, skills and notes, with user input that cannot inject FTS syntax")
    func textSearch() throws {
        try load(
            "t.jsonl",
            [
                Self.person(
                    "Grace Okafor", id: "1", skills: [Skill(written: "Sign language interpreting")],
                    notes: "NRCPD registered"),
                Self.person("Dawit", id: "2", notes: "Qualified interpreter (DPSI)"),
            ])
        #expect(try names(VolunteerQuery(text: "nrcpd")) == ["Grace Okafor"])
        #expect(try names(VolunteerQuery(text: "interpreter")) == ["Dawit"])
        #expect(try names(VolunteerQuery(text: "okafor\" OR name:*")).isEmpty)
        #expect(try names(VolunteerQuery(text: "Grace AND")).isEmpty)
    }

    @Test("withdrawal erases the person from every table, the full-text index and the file's bytes")
    func erasure() throws {
        try load(
            "feed-1.jsonl",
            [
                Self.person(
                    "Zebedee Quartermaine", id: "VOL-9", email: "zebedee.q@example.org", phone: "07700 900999",
                    skills: [Skill(written: "Xylophone tuition")], languages: [Self.speaks("Tigrinya")],
                    notes: "Wonderfully unique note"),
                Self.person("Someone Else", id: "VOL-1"),
            ])
        // A source that lists nobody else (a file named after the person) goes with them too.
        try load(
            "roster.jsonl",
            [
                Self.person(
                    "Zebedee Quartermaine", id: "R1", email: "ZEBEDEE.Q@example.org", network: "Network B",
                    source: "file:quartermaine-form.csv")
            ])
        #expect(try directory.everyone().count == 2)
        let report = try load("feed-2.jsonl", [.withdrawal(Withdrawal(source: "feed:test", volunteerRef: "VOL-9"))])
        #expect(report.counts.erased == 1)
        #expect(try directory.everyone().map(\.name) == ["Someone Else"])
        #expect(try names(VolunteerQuery(text: "Quartermaine", includeWithoutConsent: true)).isEmpty)
        #expect(try names(VolunteerQuery(skills: ["xylophone tuition"], includeWithoutConsent: true)).isEmpty)
        #expect(try directory.store.networks().map(\.memberCount) == [1, 0])
        let bytes = try directory.rawBytes()
        for secret in [
            "Quartermaine", "zebedee.q@example.org", "ZEBEDEE", "Xylophone", "xylophone tuition", "Wonderfully unique",
            "900999",
            "quartermaine-form",
        ] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "'\(secret)' is still in the database files")
        }
    }

    @Test("network member lists link volunteers read before or after the network")
    func memberLists() throws {
        let network = NetworkRecord(
            source: "feed:test", externalID: "NET-1", name: "Race Equality Partnership", kind: "ethnic-community",
            areas: ["Brinnington & Central"],
            members: [
                MemberReference(volunteerRef: "V1", role: "coordinator"), MemberReference(volunteerRef: "V2"),
                MemberReference(volunteerRef: "V404"),
            ])
        let report = try load(
            "f.jsonl",
            [
                Self.person("Before", id: "V1", network: nil), .network(network),
                Self.person("After", id: "V2", network: nil),
            ])
        #expect(report.warnings.contains { $0.message.contains("'V404'") })
        let networks = try directory.store.networks()
        #expect(networks.map(\.memberCount) == [2])
        #expect(networks.first?.externalID == "NET-1")
        #expect(try directory.everyone().first?.memberships.first?.role == "coordinator")
    }

    @Test("sequenced feeds: older or equal sequences are stale unless forced; the same file twice is unchanged")
    func sequences() throws {
        try load("feed-118.jsonl", [.sequence(118, of: "Sector 3"), Self.person("A", id: "1")])
        #expect(throws: ImportError.staleFeed(source: "Sector 3", sequence: 117, lastImported: 118)) {
            try load("feed-117.jsonl", [.sequence(117, of: "Sector 3"), Self.person("B", id: "2")])
        }
        #expect(throws: ImportError.self) {
            try load("feed-118b.jsonl", [.sequence(118, of: "Sector 3"), Self.person("C", id: "3")])
        }
        #expect(try directory.everyone().map(\.name) == ["A"])
        try load(
            "feed-117-forced.jsonl", [.sequence(117, of: "Sector 3"), Self.person("B", id: "2")],
            ImportRequest(force: true))
        #expect(try directory.everyone().count == 2)
        let again = try load("feed-118.jsonl", [.sequence(118, of: "Sector 3"), Self.person("A", id: "1")])
        #expect(again.previouslyImported != nil)
        try load("feed-119.jsonl", [.sequence(119, of: "Sector 3"), Self.person("D", id: "4")])
        #expect(try directory.everyone().count == 3)
    }

    @Test("needs are stored whole, and updated in place by id")
    func needs() throws {
        let need = Need(
            id: "OPP-77", partner: "Schools Team", title: "Reading support",
            skills: [SkillRequirement(skill: Skill(written: "Teaching"), isRequired: true)],
            languages: [LanguageRequirement(language: .resolving("pl"), minimumProficiency: .fluent, isRequired: true)],
            slots: [Slot(day: .wed, part: .afternoon)], places: 3, minimumDBS: .enhanced)
        #expect(try load("n1.jsonl", [.need(need)]).counts.created == 1)
        #expect(try directory.store.needs() == [need])
        var changed = need
        changed.places = 4
        let report = try load("n2.jsonl", [.need(changed), .need(changed)])
        #expect(report.counts.updated == 1 && report.counts.unchanged == 1)
        #expect(try directory.store.needs().first?.places == 4)
    }

    @Test("the database survives reopening, and its schema migrates once")
    func reopen() throws {
        try load("a.jsonl", [Self.person("Amina", id: "1")])
        let reopened = try SQLiteDirectoryStore(path: directory.databasePath)
        #expect(try reopened.search(VolunteerQuery()).map(\.volunteer.name) == ["Amina"])
    }

    @Test("a database that cannot be opened is a clear error naming the path")
    func cannotOpen() {
        #expect(throws: StoreError.self) { try SQLiteDirectoryStore(path: "/nonexistent-folder/x/voldir.sqlite") }
    }
}

@Suite("Placements")
struct PlacementStoreTests {
    let directory: TestDirectory

    init() throws {
        directory = try TestDirectory(importers: [ScriptedImporter.self])
        let need = Need(id: "N-1", partner: "Schools", title: "Reading", places: 2)
        _ = try directory.service.importFile(
            at: try directory.file(
                "a.jsonl",
                try ScriptedImporter.script([
                    DirectoryStoreTests.person("Amina", id: "1", skills: [Skill(written: "Teaching")]),
                    DirectoryStoreTests.person("Tariq", id: "2", consent: Consent(contact: false)), .need(need),
                ])), request: ImportRequest())
    }

    @Test("only people who agreed to be contacted are loaded for matching, with what matching reads")
    func volunteersForMatching() throws {
        let people = try directory.store.volunteersForMatching()
        #expect(people.map(\.name) == ["Amina"])
        #expect(people.first?.skills.map(\.written) == ["Teaching"])
        #expect(people.first?.memberships.isEmpty == true)
        let full = try directory.store.volunteers(ids: people.map(\.id))
        #expect(full.first?.memberships.map(\.networkName) == ["Network A"])
        #expect(full.map(\.forMatching) == people)
    }

    @Test("proposals replace undecided ones; decisions stick; erasure removes them")
    func lifecycle() throws {
        let amina = try #require(try directory.store.volunteersForMatching().first)
        let first = try directory.store.propose([("N-1", amina.id, 5)])
        #expect(first.map(\.status) == [.proposed])
        _ = try directory.store.propose([("N-1", amina.id, 6)])
        #expect(try directory.store.placements().count == 1)
        let placement = try #require(try directory.store.placements().first)
        #expect(try directory.store.decide(placement: placement.id, as: .confirmed)?.status == .confirmed)
        _ = try directory.store.propose([])
        #expect(try directory.store.placements().map(\.status) == [.confirmed])
        #expect(try directory.store.decide(placement: 999, as: .declined) == nil)
        _ = try directory.service.importFile(
            at: try directory.file(
                "w.jsonl",
                try ScriptedImporter.script([.withdrawal(Withdrawal(source: "feed:test", volunteerRef: "1"))])),
            request: ImportRequest())
        #expect(try directory.store.placements().isEmpty)
    }
}
