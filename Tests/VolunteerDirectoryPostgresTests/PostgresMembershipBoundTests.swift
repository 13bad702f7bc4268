import CSVImporter
import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import VolunteerDirectoryPostgres

/// An import holds the memberships of at most so many people, so that its memory stays flat
/// however large the roster: crossing that bound, again and again, must change nothing it writes.
@Suite("PostgreSQL: memberships held by an import", .enabled(if: PostgresTestServer.isAvailable))
struct PostgresMembershipBoundTests {
    @Test("rosters that cross the bound many times give the directory an unbounded import gives")
    func crossingTheBoundChangesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voldir-bound-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The first roster creates 60 people and lists some twice (by email, from another
        // organisation) and some again later in the same organisation, now with a role: a
        // membership copied in as new, or still waiting, is then changed. The second names them
        // again by email from a third, with roles; the third is the first again with changes, so
        // that held and unheld people are both updated.
        func roster(_ name: String, _ rows: [String]) throws -> URL {
            let url = folder.appendingPathComponent(name)
            try Data((["Name,Email,Organisation,Role,Skills,Consent"] + rows).joined(separator: "\n").utf8).write(
                to: url)
            return url
        }
        let people = 0..<60
        let first = try roster(
            "first.csv",
            people.map { "Person \($0),p\($0)@example.org,Able Network,,First aid,yes" }
                + stride(from: 0, to: 60, by: 7).map { "Person \($0),p\($0)@example.org,Bright Network,,Driving,yes" }
                + stride(from: 0, to: 60, by: 11).map { "Person \($0),p\($0)@example.org,Able Network,Captain,,yes" })
        let second = try roster(
            "second.csv",
            people.reversed().map { "Person \($0),p\($0)@example.org,Calm Network,Member \($0),Cooking,yes" })
        let third = try roster(
            "third.csv",
            people.map {
                "Person \($0),p\($0)@example.org,Able Network,Lead,First aid; Driving,\($0 % 3 == 0 ? "no" : "yes")"
            })

        /// What the directory holds after each file: everyone, those matching reads, the networks.
        typealias Held = (everyone: [Volunteer], matching: [Volunteer], networks: [Network])
        func directory(heldAtMost bound: Int) throws -> [Held] {
            let database = try PostgresTestServer.freshDatabase()
            defer { try? PostgresTestServer.drop(database) }
            let store = try PostgresDirectoryStore(
                location: database, taxonomy: nil, access: .writing, catalogue: .shared, membershipsHeldAtMost: bound)
            let service = ImportService(store: store, registry: ImporterRegistry([CSVImporter.self]))
            return try [first, second, third].map { file in
                _ = try service.importFile(at: file, request: ImportRequest())
                let everyone = try store.search(VolunteerQuery(includeWithoutConsent: true, limit: 1_000))
                return (
                    everyone.map(\.volunteer).sorted { $0.id < $1.id }, try store.volunteersForMatching(),
                    try store.networks()
                )
            }
        }
        let bounded = try directory(heldAtMost: 7)
        let unbounded = try directory(heldAtMost: 100_000)
        #expect(bounded.first?.everyone.count == 60)
        #expect(bounded.first?.everyone.allSatisfy { !$0.memberships.isEmpty } == true)
        #expect(
            bounded.first?.everyone.filter { $0.memberships.contains { $0.role == "Captain" } }.count == 6)
        #expect(bounded.last?.everyone.allSatisfy { $0.memberships.count >= 2 } == true)
        for (after, (held, reference)) in zip(["first", "second", "third"], zip(bounded, unbounded)) {
            #expect(held.everyone == reference.everyone, "after the \(after) roster")
            #expect(held.matching == reference.matching, "after the \(after) roster")
            #expect(held.networks == reference.networks, "after the \(after) roster")
        }
    }
}
