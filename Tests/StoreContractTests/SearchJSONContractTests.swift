import Foundation
import Testing
import VolunteerDirectory

/// The search array and `voldir show --format json` over the package's samples, from every
/// store: written without `JSONEncoder`, they must still be the encoder's bytes.
@Suite("Store contract: search JSON")
struct SearchJSONContractTests {
    @Test("the search array and each volunteer's JSON are the encoder's bytes", arguments: StoreKind.allCases)
    func searchJSONIsTheEncodersBytes(kind: StoreKind) throws {
        let directory = try kind.make()
        try directory.importSamples()
        let queries =
            SearchContractTests.queries.map(\.1) + [
                VolunteerQuery(text: "Urdu accountancy"),
                VolunteerQuery(skills: ["accountancy", "driving"], languages: [.resolving("Polish")]),
            ]
        for query in queries {
            let matches = try directory.store.search(query)
            let expected = try Presentation.json(matches.map(Presentation.VolunteerJSON.init))
            #expect(try Presentation.volunteers(matches, as: .json) == expected, "\(query)")
        }
        let everyone = try directory.everyone()
        #expect(everyone.count >= 20)
        for volunteer in everyone {
            let expected = try Presentation.json(Presentation.VolunteerJSON(volunteer))
            #expect(try Presentation.volunteer(volunteer, as: .json) == expected, "\(volunteer.name)")
        }
    }
}
