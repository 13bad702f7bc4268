import Foundation
import Testing
import VolunteerDirectory

/// How a search's free text is read: folded as the full-text index is, and capped.
@Suite("Search text: folding and limits")
struct SearchTextTests {
    @Test(
        "letters with no decomposition fold to what a UK keyboard types",
        arguments: [
            ("Łukasz", "lukasz"), ("Kılıç", "kilic"), ("İstanbul", "istanbul"), ("Søren", "soren"),
            ("Straße", "strasse"),
            ("STRAẞE", "strasse"), ("Đorđe", "dorde"), ("Þórður", "thordur"), ("Æsa", "aesa"), ("Cœur", "coeur"),
            ("Ħal Għargħur", "hal gharghur"), ("Nguyễn Đức", "nguyen duc"), ("Wałęsa", "walesa"), ("Ŀlívia", "llivia"),
            ("Jiří", "jiri"), ("Amélie", "amelie"), ("\u{212B}ngström", "angstrom"),
        ])
    func folding(written: String, folded: String) {
        #expect(written.searchFolded == folded)
        #expect(written.decomposedForTest.searchFolded == folded)
    }

    @Test("other scripts keep their letters and vowel signs", arguments: ["हिन्दी", "اُردو", "한국어", "ትግርኛ", "中文"])
    func otherScripts(written: String) {
        #expect(written.searchFolded == written.lowercased())
    }

    @Test("a search's words are folded the same way, so Lukasz and Łukasz ask the same")
    func queryTerms() {
        #expect(VolunteerQuery(text: "Łukasz Kılıç").textTerms == VolunteerQuery(text: "lukasz KILIC").textTerms)
        #expect(VolunteerQuery(text: "Straße").textTerms == ["\"strasse\""])
    }

    @Test("the limit, the text's length and its words are checked against their caps")
    func limits() {
        #expect(throws: QueryError.limitOutOfRange(0)) { try VolunteerQuery(limit: 0).validate() }
        #expect(throws: QueryError.limitOutOfRange(Int.max)) { try VolunteerQuery(limit: Int.max).validate() }
        #expect(throws: QueryError.limitOutOfRange(10_001)) { try VolunteerQuery(limit: 10_001).validate() }
        #expect(throws: Never.self) { try VolunteerQuery(limit: 10_000).validate() }
        let words = Array(repeating: "word", count: 33).joined(separator: " ")
        #expect(throws: QueryError.tooManyWords(33)) { try VolunteerQuery(text: words).validate() }
        #expect(throws: Never.self) {
            try VolunteerQuery(text: Array(repeating: "word", count: 32).joined(separator: " ")).validate()
        }
        #expect(throws: QueryError.textTooLong(characters: 513)) {
            try VolunteerQuery(text: String(repeating: "a", count: 513)).validate()
        }
        let error = #expect(throws: QueryError.self) { try VolunteerQuery(limit: 9_223_372_036_854_775_807).validate() }
        #expect(
            error?.description == "'9223372036854775807' is out of range; a search lists from 1 to 10000 volunteers")
    }
}

extension String {
    /// The string in Unicode's decomposed form (NFD), as some keyboards and file systems write it.
    var decomposedForTest: String { decomposedStringWithCanonicalMapping }
}
