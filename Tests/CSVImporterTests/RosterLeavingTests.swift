import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import CSVImporter

/// A roster is its network's list of members now: a new copy takes off whoever it leaves out.
@Suite("Leaving a roster")
struct RosterLeavingTests {
    let directory: TestDirectory
    static let header = "Ref,Name,Email,Phone,Skills,Languages,Consent\n"
    static let abdi = "R1,Abdi Abdi,abdi@example.org,07700 900001,Driving,Somali,yes\n"
    static let bea = "R2,Bea Brown,bea@example.org,07700 900002,Cooking,,yes\n"
    static let cal = "R3,Cal Crow,cal@example.org,07700 900003,First aid,Polish,yes\n"

    init() throws {
        directory = try TestDirectory(importers: [CSVImporter.self])
    }

    /// Imports a roster of `Test Net` written as `rows`, dated `daysAgo` days before now.
    @discardableResult
    func roster(
        _ name: String, _ rows: String, daysAgo: Double = 0, network: String = "Test Net",
        _ request: ImportRequest? = nil
    ) throws -> FileImportReport {
        let url = try directory.file(name, Self.header + rows)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -daysAgo * 86_400)], ofItemAtPath: url.path)
        var chosen = request ?? ImportRequest()
        chosen.options.network = network
        return try directory.service.importFile(at: url, request: chosen)
    }

    func person(_ email: String) throws -> Volunteer {
        try #require(try directory.everyone().first { $0.email == email })
    }

    @Test("a new copy ends the membership and listing of people no longer on it, and says so")
    func newCopyEndsMissingPeople() throws {
        try roster("v1.csv", Self.abdi + Self.bea + Self.cal, daysAgo: 2)
        // Cal is also on another network's roster: only Test Net's listing and membership end.
        try roster(
            "other.csv", "O9,Cal Crow,cal@example.org,,Interpreting,Urdu,yes\n", daysAgo: 2, network: "Other Net")
        let report = try roster("v2.csv", Self.abdi, daysAgo: 1)

        #expect(report.counts.ended == 2)
        #expect(
            report.departures == [RosterDeparture(roster: "Test Net", networks: ["Test Net"], people: 2, unlisted: 1)])
        #expect(try directory.store.batches().last?.counts.ended == 2)
        #expect(
            try Presentation.importReports([report], as: .table).contains(
                "2 people are no longer on this roster: their membership of Test Net ended; 1 of them no longer on any roster"
            ))

        let bea = try person("bea@example.org")
        #expect(bea.memberships.isEmpty)
        #expect(!bea.isListed)
        #expect(bea.skills.isEmpty)
        #expect(try Presentation.volunteer(bea, as: .table).contains("no longer on any roster"))
        #expect(try Presentation.volunteer(bea, as: .json).contains("\"listed\" : false"))

        let cal = try person("cal@example.org")
        #expect(cal.isListed)
        #expect(cal.memberships.map(\.networkName) == ["Other Net"])
        #expect(cal.skills.map(\.written) == ["Interpreting"])
        #expect(cal.languages.map(\.language.code) == ["urd"])
        // Search and matching no longer see what the ended listing said.
        #expect(try directory.store.search(VolunteerQuery(skills: ["first aid"])).isEmpty)
        #expect(try directory.store.search(VolunteerQuery(languages: [.resolving("Polish")])).isEmpty)
        #expect(try directory.store.search(VolunteerQuery(skills: ["cooking"])).isEmpty)
        #expect(
            try directory.store.search(VolunteerQuery(skills: ["interpreting"])).map(\.volunteer.name) == ["Cal Crow"])
        #expect(try directory.store.volunteersForMatching().map(\.name).sorted() == ["Abdi Abdi", "Cal Crow"])
        #expect(try directory.store.networks().first { $0.name == "Test Net" }?.memberCount == 1)

        // Listed again later, they are back on it.
        let back = try roster("v3.csv", Self.abdi + Self.bea)
        #expect(back.counts.ended == 0)
        #expect(try person("bea@example.org").memberships.map(\.networkName) == ["Test Net"])
    }

    @Test("--partial lists some members and ends nothing")
    func partialEndsNothing() throws {
        try roster("v1.csv", Self.abdi + Self.bea, daysAgo: 1)
        let report = try roster("new-members.csv", Self.cal, ImportRequest(partial: true))
        #expect(report.counts.ended == 0)
        #expect(report.departures.isEmpty)
        #expect(try directory.store.networks().first?.memberCount == 3)
    }

    @Test("--dry-run reports who would leave and writes nothing")
    func dryRunReportsDepartures() throws {
        try roster("v1.csv", Self.abdi + Self.bea, daysAgo: 1)
        let report = try roster("v2.csv", Self.abdi, ImportRequest(dryRun: true))
        #expect(report.counts.ended == 1)
        #expect(
            try Presentation.importReports([report], as: .table).contains(
                "1 person is no longer on this roster: their membership of Test Net would end"))
        #expect(try person("bea@example.org").memberships.map(\.networkName) == ["Test Net"])
        #expect(try directory.store.batches().count == 1)
    }

    @Test("an older copy imported after a newer one ends nothing the newer one lists")
    func olderCopyEndsNothingNewer() throws {
        try roster("march.csv", Self.abdi + Self.bea, daysAgo: 10)
        try roster("may.csv", Self.abdi + Self.bea + Self.cal, daysAgo: 1)
        // January's copy, found later and imported last, lists Abdi alone.
        let january = try roster("january.csv", Self.abdi, daysAgo: 100)
        #expect(january.counts.ended == 0)
        #expect(january.warnings.contains { $0.message.contains("dated after this file") })
        #expect(try directory.store.networks().first?.memberCount == 3)
        // And January's stamp does not make May's listings look old: a June copy without Cal ends Cal only.
        let june = try roster("june.csv", Self.abdi + Self.bea.replacingOccurrences(of: "Cooking", with: "Baking"))
        #expect(june.counts.ended == 1)
        #expect(try person("cal@example.org").memberships.isEmpty)
        // An April copy, older than June's, still lists Cal: June took Cal off, so April does not add them back.
        let april = try roster("april.csv", Self.cal + Self.abdi, daysAgo: 60)
        #expect(april.counts.created == 0 && april.counts.updated == 0 && april.counts.ended == 0)
        #expect(
            april.warnings.contains {
                $0.message.contains("1 person this file lists was taken off the roster of Test Net")
            })
        #expect(try person("cal@example.org").memberships.isEmpty)
        // A copy newer than June's that lists Cal again brings them back.
        try roster("july.csv", Self.cal + Self.abdi + Self.bea, daysAgo: -1)
        #expect(try person("cal@example.org").memberships.map(\.networkName) == ["Test Net"])
    }

    @Test("an older copy listing most of the directory is told of the newer copy, and ends only what no copy lists")
    func olderCopyListingMost() throws {
        // Listing two of the three people held, January's copy is checked in one pass over every
        // listing rather than roster by roster: the same answers either way.
        try roster("march.csv", Self.abdi + Self.bea + Self.cal, daysAgo: 10)
        try roster("may.csv", Self.abdi + Self.bea + Self.cal, daysAgo: 1)
        let january = try roster("january.csv", Self.abdi + Self.bea, daysAgo: 100)
        #expect(january.counts.ended == 0)
        #expect(january.warnings.contains { $0.message.contains("dated after this file") })
        #expect(try directory.store.networks().first?.memberCount == 3)
        // (Bea's skill changed: a file the same as January's would be known already.)
        let june = try roster("june.csv", Self.abdi + Self.bea.replacingOccurrences(of: "Cooking", with: "Baking"))
        #expect(june.counts.ended == 1)
        #expect(!june.warnings.contains { $0.message.contains("dated after this file") })
        #expect(try person("cal@example.org").memberships.isEmpty)
    }

    @Test("a file with rejected rows takes no one off, since a rejected row may be someone still on it")
    func rejectionsEndNothing() throws {
        try roster("v1.csv", Self.abdi + Self.bea + Self.cal, daysAgo: 1)
        let report = try roster("v2.csv", Self.abdi + "R2,,bea@example.org,,,,yes\n")
        #expect(report.rejected.count == 1)
        #expect(report.counts.ended == 0)
        #expect(report.warnings.contains { $0.message.contains("2 listing(s) this file leaves out were kept") })
        #expect(try directory.store.networks().first?.memberCount == 3)
    }

    @Test("a ref given to someone else is a new person, and the one it named leaves the roster")
    func reusedRefIsSomeoneElse() throws {
        try roster("v1.csv", Self.abdi + Self.bea, daysAgo: 1)
        let report = try roster("v2.csv", "R1,George Wright,george@example.org,07700 900009,Plumbing,,yes\n" + Self.bea)
        #expect(report.counts.created == 1)
        #expect(report.counts.ended == 1)
        let warning = try #require(report.warnings.first { $0.message.contains("ref 'R1'") })
        #expect(warning.location?.line == 2)
        #expect(warning.message.contains("Abdi Abdi") && warning.message.contains("George Wright"))

        let abdi = try person("abdi@example.org")
        #expect(abdi.name == "Abdi Abdi")
        #expect(abdi.memberships.isEmpty && abdi.skills.isEmpty && !abdi.isListed)
        let george = try person("george@example.org")
        #expect(george.id != abdi.id)
        #expect(george.memberships.map(\.networkName) == ["Test Net"])
    }

    @Test(
        "a ref whose person changed some details but not all is the same person",
        arguments: [
            "R1,Abdi Abdi,new.abdi@example.org,07700 900111,Driving,Somali,yes\n",  // new email and phone, same name
            "R1,Abdi Hassan,abdi@example.org,07700 900111,Driving,Somali,yes\n",  // new name and phone, same email
            "R1,Abdi Hassan,new.abdi@example.org,,Driving,Somali,yes\n",  // no phone given: not a disagreement
        ])
    func changedDetailsSamePerson(row: String) throws {
        try roster("v1.csv", Self.abdi, daysAgo: 1)
        let report = try roster("v2.csv", row)
        #expect(report.counts.updated == 1)
        #expect(report.counts.created == 0 && report.counts.ended == 0)
        #expect(try directory.everyone().count == 1)
    }

    @Test("a roster without a network ends listings from a file of the same name")
    func fileRosterEndsListings() throws {
        let first = try directory.file("helpers.csv", Self.header + Self.abdi + Self.bea)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -86_400)], ofItemAtPath: first.path)
        _ = try directory.service.importFile(at: first, request: ImportRequest())
        let second = try directory.file("helpers.csv", Self.header + Self.abdi)
        let report = try directory.service.importFile(at: second, request: ImportRequest())
        #expect(report.departures == [RosterDeparture(roster: "helpers.csv", networks: [], people: 1, unlisted: 1)])
        #expect(try Presentation.importReports([report], as: .table).contains("their listing from helpers.csv ended"))
    }
}
