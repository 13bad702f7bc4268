import Testing

@testable import VolunteerDirectory

/// The taxonomy voldir ships is compiled in (`StandardTaxonomy.generated.swift`) from its YAML
/// file, which stays the one to edit: the two must not drift apart.
@Suite("Skills taxonomy compiled in")
struct StandardTaxonomyTests {
    @Test("the compiled-in taxonomy is the shipped YAML file as voldir reads it")
    func compiledIsTheYAML() throws {
        let read = try SkillTaxonomy.empty.extended(
            withYAML: try SkillTaxonomy.shippedYAML(), file: SkillTaxonomy.standardFileName)
        let compiled = try SkillTaxonomy.standard()
        let advice = "after editing \(SkillTaxonomy.standardFileName), run python3 Scripts/generate-taxonomy-table.py"
        #expect(compiled.concepts == read.concepts, "\(advice)")
        #expect(compiled.fingerprint == read.fingerprint, "\(advice)")
        #expect(SkillTaxonomy.standardConcepts.count == read.concepts.count, "a key listed twice? \(advice)")
    }
}
