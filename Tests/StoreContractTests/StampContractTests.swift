import Foundation
import Testing
import VolunteerDirectory

/// What an import stamps on the listings and people it lists (which roster listed each listing
/// last, as of when, and when each person was last seen), with rosters long enough that a store
/// may stamp them a run of rows at a time: the same directory, departures and warnings as the
/// reference's, and the same people unseen.
@Suite("Store contract: stamps of long rosters")
struct StampContractTests {
    static let header = "Ref,Name,Email,Network,Skills,Consent"

    /// A roster listing the people numbered `numbers`, each as `row` writes them.
    static func roster(_ numbers: some Sequence<Int>, row: (Int) -> String = Self.row) -> String {
        ([header] + numbers.map(row)).joined(separator: "\n") + "\n"
    }

    static func row(_ number: Int) -> String {
        "R\(number),Person \(number),person\(number)@example.org,Able Network,Driving,yes"
    }

    @Test(
        "an older copy sent after a newer one, and a roster that leaves people out, read the newer stamps",
        arguments: StoreKind.allCases)
    func longRosters(kind: StoreKind) throws {
        let directory = try kind.make()
        let reference = try StoreKind.reference.make()
        var reports: [FileImportReport] = []
        func both(_ name: String, _ text: String, daysAgo: Double) throws {
            reports.append(try directory.importText(name, text, daysAgo: daysAgo))
            _ = try reference.importText(name, text, daysAgo: daysAgo)
        }
        // Forty people; then twenty more, listed after them, with one of the forty changed.
        try both("march.csv", Self.roster(1...40), daysAgo: 10)
        try both(
            "may.csv",
            Self.roster(1...60) {
                $0 == 7 ? Self.row($0).replacingOccurrences(of: "Driving", with: "Baking") : Self.row($0)
            },
            daysAgo: 1)
        // January's copy lists thirty of them: May's, newer, listed everyone, so no one leaves.
        try both("january.csv", Self.roster(1...30), daysAgo: 100)
        #expect(reports[2].counts.ended == 0)
        #expect(reports[2].warnings.contains { $0.message.contains("dated after this file") })
        let beforeJune = Date()
        Thread.sleep(forTimeInterval: 0.01)
        // June's lists fifty: the last ten leave.
        try both("june.csv", Self.roster(1...50), daysAgo: 0)
        #expect(reports[3].counts.ended == 10)
        #expect(try directory.everyone() == reference.everyone())
        #expect(try directory.store.networks() == reference.store.networks())
        for (report, expected) in zip(reports, try reference.store.batches().map(\.counts)) {
            #expect(report.counts == expected)
        }
        if let privacy = directory.privacy {
            // Seen by June's import: the fifty it lists. The ten it left out were last seen before.
            let unseen = try privacy.notSeen(since: beforeJune).map(\.name)
            #expect(unseen.sorted() == (51...60).map { "Person \($0)" }.sorted())
        }
    }
}
