import Foundation
import Testing
import VolunteerDirectory

/// What the taxonomy makes of written skills, on the stores a later program opens again.
@Suite("Store contract: skills mapped with the taxonomy")
struct SkillMappingContractTests {
    /// The stores kept beyond the process that wrote them.
    static let kept = StoreKind.allCases.filter { $0 != .memory }

    @Test("a directory opened with another taxonomy maps the skills it holds again", arguments: kept)
    func remapsOnNewTaxonomy(kind: StoreKind) throws {
        let directory = try kind.make()
        try directory.importText(
            "bees.csv",
            "Name,Email,Skills,Consent\nGoran,goran@example.org,Beekeeping,yes\nIva,iva@example.org,First aid,yes\n")
        #expect(try directory.store.unmappedSkills(limit: 10).map(\.written) == ["Beekeeping"])
        let reopen = try #require(directory.reopen)

        let extended = try directory.store.taxonomy.extended(
            withYAML: "version: 1\nskills:\n  - key: beekeeping\n    label: Beekeeping\n    synonyms: [apiarist]\n",
            file: "bees.taxonomy.yaml")
        let mappedAgain = try reopen(extended)
        #expect(try mappedAgain.unmappedSkills(limit: 10).isEmpty)
        #expect(try mappedAgain.skillHolders()["beekeeping"] == 1)
        #expect(try mappedAgain.skillHolders()["first-aid"] == (try directory.store.skillHolders()["first-aid"]))

        // Back to the shipped taxonomy: Beekeeping is unmapped again.
        let original = try reopen(nil)
        #expect(try original.unmappedSkills(limit: 10).map(\.written) == ["Beekeeping"])
        #expect(try original.skillHolders()["beekeeping"] == nil)
    }
}
