import Foundation
import Testing
import VolunteerDirectory

/// Rows read before (``KnownRows``): a store that remembers them passes over them unread, and
/// must leave the directory as reading them would have. The reference store reads every row.
@Suite("Store contract: rows read before")
struct KnownRowContractTests {
    static let header = "Ref,Name,Email,Postcode,Network,Skills,Languages,Consent"
    static let amina = "1,Amina Rahman,amina@example.org,SK1 3XE,Able Network,Befriending,Urdu,yes"
    static let ben = "2,Ben Bright,ben@example.org,SK4 1AA,Able Network,Driving,English,yes"
    static let cal = "3,Cal Crow,cal@example.org,SK2 5QR,Able Network,Cooking,Klingonese,"

    /// `rows` under the header, as a roster file.
    static func roster(_ rows: String...) -> String {
        ([header] + rows).joined(separator: "\n") + "\n"
    }

    /// The directory of `kind`, and the reference, after importing each roster in turn.
    static func imported(_ kind: StoreKind, _ rosters: [String]) throws -> (
        directory: DirectoryUnderTest, reference: DirectoryUnderTest, reports: [FileImportReport]
    ) {
        let directory = try kind.make()
        let reference = try StoreKind.reference.make()
        var reports: [FileImportReport] = []
        for (number, text) in rosters.enumerated() {
            let daysAgo = Double(rosters.count - number)
            reports.append(try directory.importText("able-\(number).csv", text, daysAgo: daysAgo))
            _ = try reference.importText("able-\(number).csv", text, daysAgo: daysAgo)
        }
        return (directory, reference, reports)
    }

    @Test(
        "a roster sent again is counted unchanged, and gives the reference's directory", arguments: StoreKind.allCases)
    func unchangedRows(kind: StoreKind) throws {
        let (directory, reference, reports) = try Self.imported(
            kind, [Self.roster(Self.amina, Self.ben, Self.cal), Self.roster(Self.amina, Self.ben, Self.cal, "")])
        #expect(reports[1].counts.unchanged == 3)
        #expect(reports[1].counts.created + reports[1].counts.updated == 0)
        #expect(try directory.everyone() == reference.everyone())
        // The no-consent count covers the rows passed over too.
        #expect(reports[1].warnings.contains { $0.message.hasPrefix("1 volunteer(s) have no recorded consent") })
    }

    @Test(
        "a row read before is read after all when an earlier row of the file changed its listing",
        arguments: StoreKind.allCases)
    func rowAfterItsListingChanged(kind: StoreKind) throws {
        // The second file lists ref 1 twice: first moved to another postcode, then as the first
        // file had it. The last row wins, as it does when every row is read.
        let moved = Self.amina.replacingOccurrences(of: "SK1 3XE", with: "SK7 9QR")
        let (directory, reference, reports) = try Self.imported(
            kind, [Self.roster(Self.amina, Self.ben), Self.roster(moved, Self.amina, Self.ben)])
        #expect(try directory.person(named: "Amina Rahman")?.postcode == "SK1 3XE")
        #expect(try directory.everyone() == reference.everyone())
        #expect(reports[1].counts == (try reference.store.batches().last?.counts))
    }

    @Test(
        "someone a roster no longer lists leaves it when every other row is passed over",
        arguments: StoreKind.allCases)
    func departureAmongKnownRows(kind: StoreKind) throws {
        let (directory, reference, reports) = try Self.imported(
            kind, [Self.roster(Self.amina, Self.ben, Self.cal), Self.roster(Self.amina, Self.cal)])
        #expect(reports[1].counts.ended == 1)
        #expect(reports[1].departures.map(\.roster) == ["Able Network"])
        #expect(try directory.person(named: "Ben Bright")?.memberships.isEmpty == true)
        #expect(try directory.everyone() == reference.everyone())
        #expect(try directory.store.networks() == reference.store.networks())
    }

    @Test(
        "a row changed on re-import is found by its new words and not its old, among rows passed over",
        arguments: StoreKind.allCases)
    func changedRowText(kind: StoreKind) throws {
        let renamed = Self.amina.replacingOccurrences(of: "Amina Rahman", with: "Amina Qureshi")
            .replacingOccurrences(of: "Befriending", with: "Beekeeping")
        let (directory, reference, _) = try Self.imported(
            kind, [Self.roster(Self.amina, Self.ben), Self.roster(renamed, Self.ben)])
        func names(_ text: String) throws -> [String] {
            try directory.store.search(VolunteerQuery(text: text, includeWithoutConsent: true)).map(\.volunteer.name)
        }
        #expect(try names("Qureshi") == ["Amina Qureshi"])
        #expect(try names("Beekeeping") == ["Amina Qureshi"])
        #expect(try names("Rahman").isEmpty)
        #expect(try names("Befriending").isEmpty)
        #expect(try names("Bright") == ["Ben Bright"])
        #expect(try directory.everyone() == reference.everyone())
    }

    @Test(
        "a changed row's skills, languages and availability are what it says, whichever of them changed",
        arguments: StoreKind.allCases)
    func changedDetails(kind: StoreKind) throws {
        let header = "Ref,Name,Email,Network,Skills,Languages,Availability,Consent"
        let rows = [
            "Befriending; Driving (expert); Cooking,Urdu (fluent); Punjabi,Monday mornings",
            // a skill added at the end; languages and availability as they were
            "Befriending; Driving (expert); Cooking; Gardening,Urdu (fluent); Punjabi,Monday mornings",
            // a skill taken from the middle, the languages the other way round, other days
            "Befriending; Cooking; Gardening,Punjabi; Urdu (fluent),weekends",
            // a level changed, one language fewer, the availability as it was
            "Befriending; Cooking (basic); Gardening,Punjabi,weekends",
            // nothing at all, then something again
            ",,",
            "Driving,English,evenings",
        ]
        let directory = try kind.make()
        let reference = try StoreKind.reference.make()
        for (number, details) in rows.enumerated() {
            let text = "\(header)\n1,Amina Rahman,amina@example.org,Able Network,\(details),yes\n"
            let daysAgo = Double(rows.count - number)
            let report = try directory.importText("able-\(number).csv", text, daysAgo: daysAgo)
            _ = try reference.importText("able-\(number).csv", text, daysAgo: daysAgo)
            #expect(report.counts.updated == (number == 0 ? 0 : 1), "roster \(number)")
            #expect(try directory.everyone() == reference.everyone(), "roster \(number)")
        }
        let amina = try #require(try directory.person(named: "Amina Rahman"))
        #expect(amina.skills.map(\.written) == ["Driving"])
        #expect(amina.languages.map(\.language.written) == ["English"])
        // The search indexes hold what the rows now say, and nothing they said before.
        func found(_ query: VolunteerQuery) throws -> [String] {
            try directory.store.search(query).map(\.volunteer.name)
        }
        #expect(try found(VolunteerQuery(skills: ["driving"], includeWithoutConsent: true)) == ["Amina Rahman"])
        #expect(try found(VolunteerQuery(skills: ["gardening"], includeWithoutConsent: true)).isEmpty)
        #expect(try found(VolunteerQuery(languages: [.resolving("Urdu")], includeWithoutConsent: true)).isEmpty)
        #expect(
            try found(VolunteerQuery(languages: [.resolving("English")], includeWithoutConsent: true)) == [
                "Amina Rahman"
            ])
    }

    @Test(
        "searches filter and order by what changed rows now say, and are the same when only skills changed",
        arguments: StoreKind.allCases)
    func searchAfterChangedRows(kind: StoreKind) throws {
        let header = "Ref,Name,Email,Network,Skills,Languages,Availability,DBS,Consent"
        let amina = "1,Amina Rahman,amina@example.org,Able Network,Driving,Urdu,Monday mornings,enhanced,yes"
        let ben = "2,Ben Bright,ben@example.org,Able Network,Cooking,English (fluent; interpreter),weekends,basic,yes"
        let cal = "3,Cal Crow,cal@example.org,Able Network,Gardening,Polish,Monday mornings,none,yes"
        // Each roster after the first changes one thing a search may filter or order by, skills
        // aside: a store that keeps what it built for the last roster must see each.
        var rosters = [[amina, ben, cal]]
        func changed(_ person: Int, _ from: String, _ to: String) {
            var rows = rosters[rosters.count - 1]
            rows[person] = rows[person].replacingOccurrences(of: from, with: to)
            rosters.append(rows)
        }
        changed(0, "Driving", "Driving; Baking")  // skills only
        changed(0, "Monday mornings", "weekends")  // availability
        changed(1, "basic", "enhanced")  // a DBS level
        changed(2, ",yes", ",no")  // consent
        changed(1, "(fluent; interpreter)", "(fluent)")  // interpreting
        changed(1, "Ben Bright", "Aaron Bright")  // a name, and so the order
        let queries = [
            VolunteerQuery(),
            VolunteerQuery(includeWithoutConsent: true),
            VolunteerQuery(availability: [Slot(day: .mon, part: .morning)], includeWithoutConsent: true),
            VolunteerQuery(availability: [Slot(day: .sat, part: .any)]),
            VolunteerQuery(minimumDBS: .enhanced),
            VolunteerQuery(skills: ["interpreting"], includeWithoutConsent: true),
        ]
        let directory = try kind.make()
        let reference = try StoreKind.reference.make()
        for (number, rows) in rosters.enumerated() {
            let text = ([header] + rows).joined(separator: "\n") + "\n"
            let daysAgo = Double(rosters.count - number)
            try directory.importText("able-\(number).csv", text, daysAgo: daysAgo)
            try reference.importText("able-\(number).csv", text, daysAgo: daysAgo)
            for query in queries {
                #expect(
                    try directory.store.search(query).map(\.volunteer.name)
                        == reference.store.search(query).map(\.volunteer.name), "roster \(number), \(query)")
            }
        }
        #expect(
            try directory.store.search(VolunteerQuery(minimumDBS: .enhanced)).map(\.volunteer.name).sorted()
                == ["Aaron Bright", "Amina Rahman"])
    }

    @Test(
        "everyone a roster sent again lists is stamped as seen, rows passed over too",
        arguments: StoreKind.allCases.filter { $0 != .memory })  // the reference keeps no privacy records
    func rowsPassedOverAreSeen(kind: StoreKind) throws {
        let directory = try kind.make()
        let store = try #require(directory.privacy)
        try directory.importText("able-1.csv", Self.roster(Self.amina, Self.ben, Self.cal), daysAgo: 2)
        Thread.sleep(forTimeInterval: 0.01)
        let between = Date()
        Thread.sleep(forTimeInterval: 0.01)
        #expect(try store.notSeen(since: between).count == 3)
        let changed = Self.ben.replacingOccurrences(of: "Driving", with: "Cooking")
        try directory.importText("able-2.csv", Self.roster(Self.amina, changed), daysAgo: 1)
        // Amina passed over and Ben read are seen again; Cal, whom the roster no longer lists, is not.
        #expect(try store.notSeen(since: between).map(\.name) == ["Cal Crow"])
    }

    @Test("SQLite passes over the rows it read before: their warnings are not given again")
    func sqlitePassesOver() throws {
        let directory = try StoreKind.sqlite.make()
        let first = try directory.importText("able-1.csv", Self.roster(Self.amina, Self.cal), daysAgo: 2)
        #expect(first.warnings.contains { $0.message.contains("Klingonese") })
        let again = try directory.importText("able-2.csv", Self.roster(Self.amina, Self.cal, Self.ben), daysAgo: 1)
        #expect(again.counts.unchanged == 2)
        #expect(again.counts.created == 1)
        #expect(!again.warnings.contains { $0.message.contains("Klingonese") })
        // A row written differently is read, even when it reads as the same record.
        let spaced = Self.cal.replacingOccurrences(of: ",Cooking,", with: ", Cooking ,")
        let third = try directory.importText("able-3.csv", Self.roster(Self.amina, spaced, Self.ben))
        #expect(third.counts.unchanged == 3)
        #expect(third.warnings.contains { $0.message.contains("Klingonese") })
    }
}
