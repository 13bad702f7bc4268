import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryGeneration

/// Importing through ``ImportService``: what every store must make of the same files.
@Suite("Store contract: imports")
struct ImportContractTests {
    @Test(
        "the sample rosters give the same volunteers, memberships, skills and languages", arguments: StoreKind.allCases)
    func samplesGiveTheSameDirectory(kind: StoreKind) throws {
        let (directory, reference) = try kind.withSamplesBesideReference()

        let everyone = try directory.everyone()
        #expect(everyone.count == 20)
        #expect(everyone == (try reference.everyone()))
        #expect(try directory.store.networks() == reference.store.networks())
        #expect(try directory.store.needs() == reference.store.needs())
        #expect(try directory.store.skillHolders() == reference.store.skillHolders())
        #expect(try directory.store.languageCoverage() == reference.store.languageCoverage())
        #expect(try directory.store.unmappedSkills(limit: 100) == reference.store.unmappedSkills(limit: 100))
        #expect(try directory.store.volunteersForMatching() == reference.store.volunteersForMatching())
        let batches = try directory.store.batches().map { [$0.fileName, $0.sha256, $0.plugin, "\($0.counts)"] }
        #expect(batches == (try reference.store.batches().map { [$0.fileName, $0.sha256, $0.plugin, "\($0.counts)"] }))

        // Amina Rahman is on three rosters (one gives her email in other case, one only her phone
        // in another form) and in the feed: one person, in every network.
        let amina = try #require(try directory.person(named: "Amina Rahman"))
        #expect(amina.memberships.count >= 3)
        #expect(amina.languages.contains { $0.language.code == "urd" && $0.proficiency == .native })
        #expect(amina.dbs?.level == .enhanced)
    }

    @Test("importing the same records again changes nothing and counts them unchanged", arguments: StoreKind.allCases)
    func reimportIsIdempotent(kind: StoreKind) throws {
        let directory = try kind.make()
        try directory.importSamples()
        let before = try directory.everyone()
        for name in DirectoryUnderTest.sampleRosters {
            // A copy with one more line ending: another file (another hash), the same records.
            let bytes = try Data(contentsOf: DirectoryUnderTest.samples.appendingPathComponent(name))
            let copy = directory.folder.appendingPathComponent("again-" + name)
            try (bytes + Data("\n".utf8)).write(to: copy)
            let report = try directory.service.importFile(at: copy, request: ImportRequest())
            #expect(report.previouslyImported == nil)
            #expect(report.counts.created == 0, "\(name)")
            #expect(report.counts.updated == 0, "\(name)")
            #expect(report.counts.ended == 0, "\(name)")
            #expect(report.counts.unchanged > 0, "\(name)")
        }
        #expect(try directory.everyone() == before)
    }

    @Test("a dry run reports what would change and changes nothing", arguments: StoreKind.allCases)
    func dryRunChangesNothing(kind: StoreKind) throws {
        let directory = try kind.make()
        let rehearsed = try directory.importSample("srep-members.csv", request: ImportRequest(dryRun: true))
        #expect(rehearsed.dryRun)
        #expect(rehearsed.counts.created > 0)
        #expect(try directory.everyone().isEmpty)
        #expect(try directory.store.batches().isEmpty)
        #expect(try directory.store.networks().isEmpty)

        try directory.importSample("srep-members.csv")
        let before = try directory.everyone()
        let changed = try directory.importSample("brinnington-mosque-welfare.csv", request: ImportRequest(dryRun: true))
        #expect(changed.counts.created + changed.counts.updated > 0)
        #expect(try directory.everyone() == before)
        #expect(try directory.store.batches().count == 1)
    }

    @Test("a file that fails writes nothing of itself", arguments: StoreKind.allCases)
    func failedImportWritesNothing(kind: StoreKind) throws {
        let directory = try kind.make()
        let roster = """
            Name,Email,Organisation,Consent,DBS
            Ann Able,ann@example.org,Able Network,yes,basic
            Ben Bright,ben@example.org,Able Network,yes,sometimes
            """
        #expect(throws: ImportError.self) {
            try directory.importText("strict.csv", roster, request: ImportRequest(strict: true))
        }
        #expect(try directory.everyone().isEmpty)
        #expect(try directory.store.networks().isEmpty)
        #expect(try directory.store.batches().isEmpty)
    }

    @Test("rosters from different networks name one person by email, then by phone", arguments: StoreKind.allCases)
    func crossRosterDeduplication(kind: StoreKind) throws {
        let directory = try kind.make()
        try directory.importText(
            "north.csv",
            """
            Name,Email,Phone,Organisation,Skills,Consent
            Ann Able,ann@example.org,07700 900001,North Network,First aid,yes
            Ben Bright,,07700 900002,North Network,Driving,yes
            """)
        let report = try directory.importText(
            "south.csv",
            """
            Name,Email,Phone,Organisation,Skills,Consent
            Ann Able,ANN@Example.org,,South Network,Cooking,yes
            Benjamin Bright,,+44 7700 900002,South Network,Gardening,yes
            Cara Clay,cara@example.org,07700 900003,South Network,,yes
            """)
        #expect(report.counts.created == 1)
        #expect(report.counts.updated == 2)
        let everyone = try directory.everyone()
        #expect(everyone.map(\.name) == ["Ann Able", "Benjamin Bright", "Cara Clay"])
        #expect(
            everyone.map { $0.memberships.map(\.networkName) } == [
                ["North Network", "South Network"], ["North Network", "South Network"], ["South Network"],
            ])
        #expect(everyone.first?.skills.map(\.written) == ["First aid", "Cooking"])
        #expect(everyone.dropFirst().first?.phone == "+44 7700 900002")
        let reference = try StoreKind.reference.make()
        try reference.importText(
            "north.csv", try String(contentsOf: directory.folder.appendingPathComponent("north.csv"), encoding: .utf8))
        try reference.importText(
            "south.csv", try String(contentsOf: directory.folder.appendingPathComponent("south.csv"), encoding: .utf8))
        #expect(try reference.everyone() == everyone)
    }

    @Test("a roster that no longer lists someone ends their membership", arguments: StoreKind.allCases)
    func rosterEndsMembership(kind: StoreKind) throws {
        let directory = try kind.make()
        let header = "Ref,Name,Email,Organisation,Skills,Consent\n"
        try directory.importText(
            "north-march.csv",
            header + """
                N1,Ann Able,ann@example.org,North Network,First aid,yes
                N2,Ben Bright,ben@example.org,North Network,Driving,yes
                N3,Cara Clay,cara@example.org,North Network,Cooking,yes
                """, daysAgo: 30)
        try directory.importText(
            "south.csv",
            "Name,Email,Organisation,Skills,Consent\nCara Clay,cara@example.org,South Network,Gardening,yes",
            daysAgo: 20)
        let report = try directory.importText(
            "north-april.csv",
            header + """
                N1,Ann Able,ann@example.org,North Network,First aid,yes
                N2,Ben Bright,ben@example.org,North Network,Driving,yes
                """, daysAgo: 1)
        #expect(report.counts.ended == 1)
        #expect(report.counts.unchanged == 2)
        #expect(report.departures.map(\.people) == [1])
        let cara = try #require(try directory.person(named: "Cara Clay"))
        #expect(cara.memberships.map(\.networkName) == ["South Network"])
        // What North said of her goes with its listing; what South said stays.
        #expect(cara.skills.map(\.written) == ["Gardening"])
        #expect(cara.isListed)

        // The March copy again (another file, older than April's): it adds no one back.
        let late = try directory.importText(
            "north-march-again.csv",
            header + """
                N1,Ann Able,ann@example.org,North Network,First aid,yes
                N2,Ben Bright,ben@example.org,North Network,Driving,yes
                N3,Cara Clay,cara@example.org,North Network,Cooking,yes

                """, daysAgo: 29)
        #expect(late.counts.ended == 0)
        #expect(try directory.person(named: "Cara Clay")?.memberships.map(\.networkName) == ["South Network"])
        #expect(try directory.person(named: "Ann Able")?.memberships.map(\.networkName) == ["North Network"])
    }

    @Test("someone left on no roster is no longer listed", arguments: StoreKind.allCases)
    func leavingEveryRoster(kind: StoreKind) throws {
        let directory = try kind.make()
        try directory.importText(
            "north-1.csv",
            "Name,Email,Organisation,Consent\nAnn Able,ann@example.org,North,yes\nBen Bright,ben@example.org,North,yes",
            daysAgo: 2)
        let report = try directory.importText(
            "north-2.csv", "Name,Email,Organisation,Consent\nAnn Able,ann@example.org,North,yes", daysAgo: 1)
        #expect(report.departures.map(\.unlisted) == [1])
        let ben = try #require(try directory.person(named: "Ben Bright"))
        #expect(!ben.isListed)
        #expect(ben.memberships.isEmpty)
        #expect(try directory.store.networks().map(\.memberCount) == [1])
    }

    @Test("a roster's ref given to someone else names a new person and ends the old one", arguments: StoreKind.allCases)
    func refGivenToSomeoneElse(kind: StoreKind) throws {
        let directory = try kind.make()
        let header = "Ref,Name,Email,Phone,Organisation,Consent\n"
        try directory.importText(
            "north-1.csv", header + "N1,Ann Able,ann@example.org,07700 900001,North,yes", daysAgo: 2)
        let report = try directory.importText(
            "north-2.csv", header + "N1,Dan Dale,dan@example.org,07700 900009,North,yes", daysAgo: 1)
        #expect(report.counts.created == 1)
        #expect(report.counts.ended == 1)
        #expect(report.warnings.contains { $0.message.contains("named Ann Able before and now names Dan Dale") })
        let everyone = try directory.everyone()
        #expect(everyone.map(\.name) == ["Ann Able", "Dan Dale"])
        #expect(everyone.map(\.isListed) == [false, true])
        #expect(everyone.map { $0.memberships.map(\.networkName) } == [[], ["North"]])
    }

    @Test("a partial roster, or one with rejected rows, takes no one off", arguments: StoreKind.allCases)
    func partialAndRejectedEndNothing(kind: StoreKind) throws {
        let directory = try kind.make()
        let header = "Name,Email,Organisation,DBS,Consent\n"
        try directory.importText(
            "north-1.csv", header + "Ann Able,ann@example.org,North,,yes\nBen Bright,ben@example.org,North,,yes",
            daysAgo: 3)
        let partial = try directory.importText(
            "north-2.csv", header + "Ann Able,ann@example.org,North,basic,yes", daysAgo: 2,
            request: ImportRequest(partial: true))
        #expect(partial.counts.updated == 1)
        #expect(partial.counts.ended == 0)
        let rejected = try directory.importText(
            "north-3.csv",
            header + "Ann Able,ann@example.org,North,basic,yes\nCara Clay,cara@example.org,North,often,yes",
            daysAgo: 1)
        #expect(rejected.counts.rejected == 1)
        #expect(rejected.counts.ended == 0)
        #expect(rejected.warnings.contains { $0.message.contains("were kept, because 1 row(s) were rejected") })
        #expect(try directory.everyone().map { $0.memberships.map(\.networkName) } == [["North"], ["North"]])
    }

    @Test(
        "names, skills and notes holding backslashes, tabs and line breaks are kept exactly",
        arguments: StoreKind.allCases)
    func awkwardTextIsKept(kind: StoreKind) throws {
        // PostgreSQL's COPY gives these bytes meanings (a field's or a row's end, an escape, NULL):
        // a store that sends new people that way must escape them.
        let roster = """
            Name,Email,Organisation,Skills,Consent,Notes
            "Back\\slash \\N",back@example.org,Able Network,"Tab\there, C:\\first aid",yes,"line one
            line two\r\nthree\t\\N"
            Plain Person,plain@example.org,Able Network,Driving,yes,\\N
            """
        let directory = try kind.make()
        try directory.importText("awkward.csv", roster)
        let reference = try StoreKind.reference.make()
        try reference.importText("awkward.csv", roster)
        let everyone = try directory.everyone()
        #expect(everyone == (try reference.everyone()))
        let awkward = try #require(try directory.person(named: "Back\\slash \\N"))
        #expect(awkward.notes == "line one\nline two\r\nthree\t\\N")
        #expect(awkward.skills.map(\.written) == ["Tab\there", "C:\\first aid"])
        #expect(try directory.person(named: "Plain Person")?.notes == "\\N")
        // The full text holds the words too.
        let found = try directory.store.search(VolunteerQuery(text: "three", includeWithoutConsent: true))
        #expect(found.map(\.volunteer.name) == ["Back\\slash \\N"])
    }

    @Test(
        "a DBS check on the Update Service, or not, and listed or not, reads back as written",
        arguments: StoreKind.allCases)
    func dbsUpdateServiceReadsBack(kind: StoreKind) throws {
        let roster = """
            Name,Email,Organisation,DBS,DBS issued,DBS Update Service,Consent
            On Service,on@example.org,Able Network,enhanced,2021-03-01,yes,yes
            Off Service,off@example.org,Able Network,enhanced,2021-03-01,no,yes
            Unsaid,unsaid@example.org,Able Network,basic,,,yes
            """
        let directory = try kind.make()
        try directory.importText("dbs.csv", roster)
        let reference = try StoreKind.reference.make()
        try reference.importText("dbs.csv", roster)
        #expect(try directory.everyone() == reference.everyone())
        #expect(try directory.store.volunteersForMatching() == reference.store.volunteersForMatching())
        let on = try #require(try directory.person(named: "On Service"))
        #expect(on.dbs?.updateService == true)
        #expect(on.isListed)
        #expect(try directory.store.volunteer(id: on.id) == on)
        #expect(try directory.person(named: "Off Service")?.dbs?.updateService == nil)
        #expect(try directory.person(named: "Unsaid")?.dbs?.level == .basic)
    }

    @Test("one file listing a person three times applies the three listings in order", arguments: StoreKind.shared)
    func threeListingsInOneFile(kind: StoreKind) throws {
        let roster = """
            Ref,Name,Email,Organisation,Skills,Notes,Consent,DBS
            D1,Dev Dale,dev@example.org,North Network,Driving,,yes,
            E1,Eve East,eve@example.org,East Network,Driving,,yes,
            S1,Sam South,sam@example.org,South Network,Driving,,yes,
            A1,Ann Able,ann@example.org,North Network,First aid,first,yes,basic
            B1,Ben Bright,ben@example.org,North Network,Driving,,yes,
            A2,Ann B Able,ann@example.org,South Network,Cooking,,yes,enhanced
            A3,Ann C Able,ANN@example.org,East Network,Gardening,third,no,
            B2,Ben Bright,ben@example.org,East Network,Cooking,second,yes,
            """
        let directory = try kind.make()
        let reference = try StoreKind.reference.make()
        for (name, text) in [
            ("three.csv", roster),
            ("three-again.csv", roster + "\nC1,Cara Clay,cara@example.org,North Network,,,yes,\n"),
        ] {
            let report = try directory.importText(name, text)
            #expect(report.counts == (try reference.importText(name, text)).counts, "\(name)")
            #expect(try directory.everyone() == reference.everyone(), "\(name)")
        }
        let ann = try #require(try directory.person(named: "Ann C Able"))
        #expect(ann.memberships.count == 3)
        #expect(ann.notes == "third")
        #expect(ann.dbs?.level == .enhanced)
    }

    @Test(
        "a generated roster of several chunks, listing people twice near and far, gives the reference's directory",
        arguments: StoreKind.shared)
    func generatedRosterMatchesReference(kind: StoreKind) throws {
        // 2,000 rows: two chunks of records, with one in twenty a second listing of
        // someone (by email, in another network), often in the same chunk as the first; then the
        // same file again with every row changed, so that changes meet changes.
        let directory = try kind.make()
        let reference = try StoreKind.reference.make()
        var generator = DirectoryGenerator(volunteers: 2_000, needs: 0, seed: 11)
        generator.duplicateRate = 0.2
        let roster = directory.folder.appendingPathComponent("generated.csv")
        try generator.writeCSV(roster: roster.path, needsPath: nil)
        let original = try String(contentsOf: roster, encoding: .utf8)
        let changed = original.replacingOccurrences(of: "First aid", with: "First aid; Cooking")
            .replacingOccurrences(of: ",yes,", with: ",no,")
        for (name, text) in [("generated.csv", original), ("generated-again.csv", changed)] {
            let report = try directory.importText(name, text)
            let expected = try reference.importText(name, text)
            #expect(report.counts == expected.counts, "\(name)")
        }
        let everyone = try directory.everyone()
        #expect(everyone.count > 1_500)
        #expect(everyone == (try reference.everyone()))
        #expect(try directory.store.networks() == reference.store.networks())
        #expect(try directory.store.skillHolders() == reference.store.skillHolders())
        #expect(try directory.store.languageCoverage() == reference.store.languageCoverage())
        let query = VolunteerQuery(skills: ["cooking"], includeWithoutConsent: true, limit: 50)
        let found = try directory.store.search(query)
        #expect(found.count == 50)
        #expect(found.map(\.volunteer.id) == (try reference.store.search(query).map(\.volunteer.id)))
    }

    @Test(
        "two rosters imported at once that list the same email both land whole, as one person",
        arguments: StoreKind.allCases)
    func concurrentImports(kind: StoreKind) throws {
        let directory = try kind.make()
        let rosters = [
            try directory.file(
                "north.csv",
                """
                Name,Email,Organisation,Skills,Consent
                Ann Able,ann@example.org,North Network,First aid,yes
                Ben Bright,ben@example.org,North Network,Driving,yes
                """),
            try directory.file(
                "south.csv",
                """
                Name,Email,Organisation,Skills,Consent
                Ann Able,ANN@example.org,South Network,Cooking,yes
                Cara Clay,cara@example.org,South Network,Gardening,yes
                """),
        ]
        let service = directory.service
        let reports = concurrently { index in try service.importFile(at: rosters[index], request: ImportRequest()) }
        for report in reports { #expect(throws: Never.self) { try report.get() } }
        let everyone = try directory.everyone()
        #expect(everyone.map(\.name).sorted() == ["Ann Able", "Ben Bright", "Cara Clay"])
        let ann = try #require(try directory.person(named: "Ann Able"))
        #expect(ann.memberships.map(\.networkName).sorted() == ["North Network", "South Network"])
        #expect(Set(ann.skills.map(\.written)) == ["First aid", "Cooking"])
        #expect(try directory.store.networks().map(\.memberCount) == [2, 2])
        #expect(try directory.store.batches().count == 2)
    }
}
