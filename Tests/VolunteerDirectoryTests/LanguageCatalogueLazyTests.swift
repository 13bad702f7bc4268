import Testing

@testable import VolunteerDirectory

/// The catalogue keys its 20,000 names only when something is looked up by name: a search by
/// code (`--language ur`), or a process that only shows languages, never pays for them.
@Suite("Language catalogue built as needed")
struct LanguageCatalogueLazyTests {
    @Test("codes, tags, relations and display names need no names")
    func codesNeedNoNames() {
        let catalogue = LanguageCatalogue()
        #expect(catalogue.resolve("ur")?.language.code == "urd")
        #expect(catalogue.resolve("urd")?.language.code == "urd")
        #expect(catalogue.resolve(code: "pa-Arab")?.script == "Arab")
        #expect(catalogue.language(code: "pl")?.name == LanguageCatalogue.shared.language(code: "pl")?.name)
        #expect(catalogue.relation(of: "ckb", to: "kur") == .narrower)
        #expect(!catalogue.languages(relatedTo: "kur").isEmpty)
        #expect(!catalogue.namesAreBuilt)
        #expect(catalogue.resolve("Urdu")?.language.code == "urd")
        #expect(catalogue.namesAreBuilt)
    }

    @Test("every language is found by its code, in any case, and by its ISO 639-1 code")
    func everyCodeFindsItsRow() {
        let catalogue = LanguageCatalogue()
        let all = Array(catalogue.languages)
        #expect(all.count > 7_800)
        // In code order, which the binary search relies on: a table written out of order fails here.
        #expect(all.map(\.code) == all.map(\.code).sorted())
        for language in all {
            #expect(catalogue.language(code: language.code) == language)
            #expect(catalogue.language(code: language.code.uppercased()) == language)
            if let alpha2 = language.alpha2 { #expect(catalogue.language(code: alpha2) == language) }
        }
        #expect(catalogue.language(code: "aaa")?.name == "Ghotuo")  // the first row
        #expect(catalogue.language(code: "zzj")?.code == "zzj")  // the last
        for missing in ["", "a", "aab ", "zzz", "zzzz", "ur-", "ü"] {
            #expect(catalogue.language(code: missing) == nil)
        }
        #expect(catalogue.language(code: "ger")?.code == "deu")  // a 639-2/B code
    }

    @Test("a curated name that is also a code is still the curated language on a fresh catalogue")
    func curatedNameBeforeCode() {
        // BSL is British Sign Language (bfi), not the ISO code bsl (Basa-Gumna): the code path must
        // not answer before the names are built.
        #expect(LanguageCatalogue().resolve("BSL")?.language.code == "bfi")
        #expect(LanguageCatalogue().resolve("bsl")?.language.code == "bfi")
    }
}
