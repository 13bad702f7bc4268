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

    static let rows: [Row] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/skill-strings.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else { return nil }
            let concepts = fields[1] == "-" ? [] : fields[1].split(separator: ",").map(String.init)
            let kinds = fields.count > 2 ? fields[2].split(separator: ",").compactMap { SkillMatchKind(rawValue: String($0)) } : []
            return Row(line: index + 1, text: fields[0], concepts: concepts, kinds: kinds)
        }
    }()

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
