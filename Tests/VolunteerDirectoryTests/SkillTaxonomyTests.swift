import Foundation
import Testing
import VolunteerDirectory

@Suite("Skills taxonomy")
struct SkillTaxonomyTests {
    @Test("the shipped taxonomy has a few hundred skills across the partnership's fields")
    func shippedTaxonomy() throws {
        let taxonomy = try SkillTaxonomy.standard()
        #expect(taxonomy.concepts.count >= 200)
        for key in [
            "legal-advice", "immigration-advice", "accountancy", "nursing", "teaching", "interpreting", "translation",
            "it-support", "trades", "driving", "safeguarding", "mentoring", "befriending", "events", "fundraising",
        ] {
            #expect(taxonomy.concepts[key] != nil, "\(key) missing")
        }
        #expect(taxonomy.concepts["accountancy"]?.qualifications.contains("ACCA") == true)
        #expect(taxonomy.concepts["interpreting"]?.impliedByInterpreting == true)
    }

    @Test("a search for a broad skill finds narrower ones, and related ones as related")
    func expansion() throws {
        let taxonomy = try SkillTaxonomy.standard()
        let legal = taxonomy.expansion(of: "legal advice")
        #expect(legal.direct == ["legal-advice"])
        #expect(legal.narrower.isSuperset(of: ["solicitor", "barrister", "immigration-advice", "court-support"]))
        #expect(legal.related.contains("advocacy"))

        let accountancy = taxonomy.expansion(of: "accountancy")
        let kind = { (text: String) in accountancy.kind(ofKey: text.matchingKey, mappings: taxonomy.understand(text)) }
        #expect(kind("Accountancy") == .exact)
        #expect(kind("ACCA qualified") == .synonym)
        #expect(kind("chartered accountant (Pakistan)") == .synonym)
        #expect(kind("Tax returns") == .narrower)
        #expect(kind("Bookkeeping") == .related)
        #expect(kind("Gardening") == nil)
        #expect(
            SkillMatchKind.exact > .synonym && SkillMatchKind.synonym > .narrower && SkillMatchKind.narrower > .related)
        #expect(!SkillMatchKind.related.meetsRequirement && SkillMatchKind.narrower.meetsRequirement)

        // Text the taxonomy does not know still matches itself, and longer skills by whole words.
        let unknown = taxonomy.expansion(of: "beekeeping workshops")
        #expect(!unknown.isUnderstood)
        #expect(unknown.kind(ofKey: "beekeeping workshops", mappings: []) == .exact)
        #expect(unknown.kind(ofKey: "urban beekeeping workshops", mappings: []) == .narrower)
        #expect(unknown.kind(ofKey: "workshops", mappings: []) == nil)

        #expect(taxonomy.expansion(of: "DPSI").interpreting == nil)  // interpreting a language is not a DPSI
        #expect(taxonomy.expansion(of: "translation").interpreting == .related)
        #expect(taxonomy.expansion(of: "interpreting").interpreting == .exact)
    }

    @Test("a coordinator's file adds skills and synonyms without a rebuild")
    func extendsWithoutRebuild() throws {
        let base = try SkillTaxonomy.standard()
        let extended = try base.extended(
            withYAML: """
                version: 1
                skills:
                  - key: accountancy
                    synonyms: [kanoongo]
                  - key: henna-art
                    label: Henna art
                    broader: [arts-and-crafts]
                    synonyms: [mehndi artist]
                """, file: "borough.taxonomy.yaml")
        #expect(extended.understand("Kanoongo").map(\.concept) == ["accountancy"])
        #expect(extended.understand("Mehndi artist").map(\.concept) == ["henna-art"])
        #expect(extended.narrower(than: "arts-and-crafts").contains("henna-art"))
        #expect(extended.fingerprint != base.fingerprint)
        #expect(base.understand("Kanoongo").isEmpty)
    }

    @Test("a folder's taxonomy files and those named are read in turn, as if each extended the last")
    func loadsSeveralFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taxonomy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.taxonomy.yaml")
        let second = folder.appendingPathComponent("b.taxonomy.yaml")
        let named = folder.appendingPathComponent("named.yaml")
        try "version: 1\nskills:\n  - key: henna-art\n    label: Henna art\n    broader: [arts-and-crafts]\n"
            .write(to: first, atomically: true, encoding: .utf8)
        // The second file builds on a skill only the first adds.
        try
            "version: 1\nskills:\n  - key: henna-art\n    synonyms: [hennawork]\n  - key: rangoli\n    label: Rangoli\n    related: [henna-art]\n"
            .write(to: second, atomically: true, encoding: .utf8)
        try "version: 1\nskills:\n  - key: accountancy\n    synonyms: [kanoongo]\n"
            .write(to: named, atomically: true, encoding: .utf8)

        let loaded = try SkillTaxonomy.loading(extensionsIn: folder, files: [named])
        let stepwise = try SkillTaxonomy.standard().extended(withContentsOf: first).extended(withContentsOf: second)
            .extended(withContentsOf: named)
        #expect(loaded.fingerprint == stepwise.fingerprint)
        #expect(loaded.understand("Hennawork").map(\.concept) == ["henna-art"])
        #expect(loaded.understand("Kanoongo").map(\.concept) == ["accountancy"])
        #expect(try SkillTaxonomy.loading(extensionsIn: nil).fingerprint == SkillTaxonomy.standard().fingerprint)

        // A bad file is named, not the one before it.
        try "version: 1\nskills:\n  - key: rangoli\n    label: Rangoli\n    related: [nowhere]\n"
            .write(to: second, atomically: true, encoding: .utf8)
        let error = #expect(throws: TaxonomyError.self) { try SkillTaxonomy.loading(extensionsIn: folder) }
        #expect(error?.file == second.path)
    }

    @Test(
        "a bad taxonomy file is refused with its line and the reason",
        arguments: [
            ("version: 1\nskills:\n  - key: Legal Advice\n    label: x\n", 3, "lower case words joined by hyphens"),
            ("version: 1\nskills:\n  - key: new-skill\n", 3, "needs a label"),
            (
                "version: 1\nskills:\n  - key: a-b\n    label: A\n    broader: [nowhere]\n", 3,
                "'nowhere', which is not a skill"
            ),
            ("version: 1\nskills:\n  - key: a-b\n    label: A\n    colour: red\n", 5, "unknown field 'colour'"),
            (
                "version: 1\nskills:\n  - key: x-one\n    label: X\n    broader: [x-two]\n  - key: x-two\n    label: Y\n    broader: [x-one]\n",
                3,
                "circle"
            ),
            ("version: 1\nskills:\n  - key: a-b\n    label: A\n  - key: a-b\n    label: B\n", 5, "listed twice"),
            ("version: 2\nskills: []\n", 1, "only version 1"),
            ("version: 1\nskills:\n  - key: a-b\n    label: [unclosed\n", 5, "not valid YAML"),
            (
                "version: 1\nskills:\n  - &a\n    key: a-b\n    label: A\n  - <<: *a\n    key: a-c\n", 6,
                "unknown field '<<'"
            ),
        ])
    func refusesBadFiles(yaml: String, line: Int, reason: String) throws {
        let error = #expect(throws: TaxonomyError.self) {
            try SkillTaxonomy.standard().extended(withYAML: yaml, file: "mine.taxonomy.yaml")
        }
        #expect(error?.file == "mine.taxonomy.yaml")
        #expect(error?.line == line, "\(error?.description ?? "")")
        #expect(error?.reason.contains(reason) == true, "\(error?.description ?? "")")
    }

    @Test("understanding ignores case and punctuation, and the taxonomy reads the same every time")
    func deterministic() throws {
        let taxonomy = try SkillTaxonomy.standard()
        #expect(taxonomy.understand("ACCA qualified") == taxonomy.understand("acca QUALIFIED!"))
        #expect(try SkillTaxonomy.standard().fingerprint == taxonomy.fingerprint)
    }
}
