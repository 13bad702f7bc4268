import Foundation
import Testing
import VolunteerDirectory

@Suite("Counts published to partners")
struct PublishedCountTests {
    @Test(
        "1 to 4 are 'fewer than 5'; 0 and 5 or more are shown",
        arguments: [(0, "0"), (1, "fewer than 5"), (4, "fewer than 5"), (5, "5"), (120, "120")])
    func rule(count: Int, shown: String) {
        #expect(PublishedCount(count).description == shown)
    }

    @Test("the partner coverage view publishes every count by the rule, in each format")
    func coverage() throws {
        let urdu = LanguageCoverage(
            code: "urd", written: "Urdu", byProficiency: [.native: 3, .fluent: 7], interpreters: 1)
        let table = try Presentation.languageCoverage([urdu], as: .table, forPartners: true)
        #expect(table.contains("fewer than 5"))
        #expect(!table.contains(" 3 "))
        let json = try Presentation.languageCoverage([urdu], as: .json, forPartners: true)
        #expect(json.contains(#""native" : "fewer than 5""#))
        #expect(json.contains(#""fluent" : 7"#))
        #expect(json.contains(#""total" : 10"#))
        let coordinator = try Presentation.languageCoverage([urdu], as: .json)
        #expect(coordinator.contains(#""native" : 3"#))
        let skills = try Presentation.skillHolders(
            ["first-aid": 2, "accountancy": 9], taxonomy: try SkillTaxonomy.standard(), as: .csv, forPartners: true)
        #expect(skills.contains("fewer than 5"))
        #expect(skills.contains(",9"))
    }
}
