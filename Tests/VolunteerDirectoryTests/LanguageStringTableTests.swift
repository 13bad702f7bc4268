import Foundation
import Testing
import VolunteerDirectory

/// The table of language strings as people write them (`Fixtures/language-strings.tsv`): every
/// row must resolve to its code, by the stated route, or stay unresolved when marked `-`.
@Suite("Language strings as people write them")
struct LanguageStringTableTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let line: Int
        let text: String
        let code: String?
        let match: LanguageMatch?
        var testDescription: String { "line \(line): '\(text)'" }
    }

    static let rows: [Row] = FixtureTable.rows("language-strings.tsv").map { line, fields in
        Row(
            line: line, text: fields[0], code: fields[1] == "-" ? nil : fields[1],
            match: fields.count > 2 ? LanguageMatch(rawValue: fields[2]) : nil)
    }

    @Test("the table is large enough to mean something")
    func tableSize() {
        #expect(Self.rows.count >= 300)
        #expect(Self.rows.filter { $0.code == nil }.count >= 30)
        #expect(Self.rows.filter { $0.match == .misspelling }.count >= 30)
    }

    @Test("each string resolves as the table says", arguments: rows)
    func resolves(row: Row) {
        let resolution = LanguageCatalogue.shared.resolve(row.text)
        #expect(
            resolution?.language.code == row.code, "'\(row.text)' resolved to \(resolution?.language.code ?? "nothing")"
        )
        if let match = row.match {
            #expect(
                resolution?.match == match, "'\(row.text)' resolved by \(resolution.map { "\($0.match)" } ?? "nothing")"
            )
        }
    }
}
