import Foundation
import Testing
import VolunteerDirectory

/// The table of skill strings as people write them (`Fixtures/skill-strings.tsv`): every row must
/// map to exactly its taxonomy skills, each named the stated way, or to nothing when marked `-`.
@Suite("Skill strings as people write them")
struct SkillStringTableTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let line: Int
        let text: String
        let concepts: [String]
        let kinds: [SkillMatchKind]
        var testDescription: String { "line \(line): '\(text)'" }
    }

    static let rows: [Row] = FixtureTable.rows("skill-strings.tsv").map { line, fields in
        Row(
            line: line, text: fields[0],
            concepts: fields[1] == "-" ? [] : fields[1].split(separator: ",").map(String.init),
            kinds: fields.count > 2
                ? fields[2].split(separator: ",").compactMap { SkillMatchKind(rawValue: String($0)) } : [])
    }

    @Test("the table is large enough to mean something")
    func tableSize() {
        #expect(Self.rows.count >= 150)
        #expect(Self.rows.filter(\.concepts.isEmpty).count >= 15)
    }

    @Test("each string maps as the table says", arguments: rows)
    func maps(row: Row) throws {
        let mappings = try SkillTaxonomy.standard().understand(row.text)
        #expect(mappings.map(\.concept) == row.concepts, "'\(row.text)' mapped to \(mappings.map(\.concept))")
        if !row.kinds.isEmpty {
            #expect(mappings.map(\.kind) == row.kinds, "'\(row.text)' named as \(mappings.map(\.kind.rawValue))")
        }
    }
}
