import Testing
import VolunteerDirectory

@Suite("Language catalogue")
struct LanguageCatalogueTests {
    let catalogue = LanguageCatalogue.shared

    @Test(
        "codes, names, aliases, endonyms and tags resolve to ISO 639-3",
        arguments: [
            ("ur", "urd", LanguageMatch.code), ("urd", "urd", .code), ("UR", "urd", .code), ("pol", "pol", .code),
            ("per", "fas", .code), ("chi", "zho", .code),
            ("Urdu", "urd", .name), ("urdu", "urd", .name), ("  Polish ", "pol", .name), ("Bengali", "ben", .name),
            ("Bangla", "ben", .name), ("Tigrinya", "tir", .name), ("Romanian", "ron", .name), ("Arabic", "ara", .name),
            ("Kurdish", "kur", .name), ("Central Kurdish", "ckb", .name), ("Kurdish, Central", "ckb", .name),
            ("Malay", "msa", .name), ("Panjabi", "pan", .name), ("Yue Chinese", "yue", .name),
            ("Persian", "fas", .name),
            ("Punjabi", "pan", .alias), ("Farsi", "fas", .alias), ("Cantonese", "yue", .alias), ("BSL", "bfi", .alias),
            ("bsl", "bfi", .alias), ("British Sign Language", "bfi", .name), ("Sorani", "ckb", .alias),
            ("Kurmanji", "kmr", .alias),
            ("Pashto", "pus", .alias), ("Greek", "ell", .alias), ("Swahili", "swa", .name),
            ("Swahilli", "swa", .misspelling),
            ("Polski", "pol", .endonym), ("اردو", "urd", .endonym), ("বাংলা", "ben", .endonym),
            ("Türkçe", "tur", .endonym),
            ("Română", "ron", .endonym), ("ትግርኛ", "tir", .endonym), ("Soomaali", "som", .endonym),
            ("中文", "zho", .endonym),
            ("pa-Arab", "pan", .tag), ("pa-Guru", "pan", .tag), ("en-GB", "eng", .tag), ("zh_Hant_HK", "zho", .tag),
            ("Urdu.", "urd", .name), ("*Polish*", "pol", .name),
        ])
    func resolves(text: String, code: String, match: LanguageMatch) throws {
        let resolution = try #require(catalogue.resolve(text), "'\(text)' should resolve")
        #expect(resolution.language.code == code)
        #expect(resolution.match == match)
    }

    @Test("a BCP 47 tag keeps its script")
    func keepsScript() throws {
        #expect(try #require(catalogue.resolve("pa-Arab")).script == "Arab")
        #expect(try #require(catalogue.resolve("pa-guru")).script == "Guru")
        #expect(try #require(catalogue.resolve("en-GB")).script == nil)
    }

    @Test(
        "text that names no language stays unresolved",
        arguments: ["Iranian", "Makaton", "xx", "", "  ", "-", "fluent", "xx-YY", "Klingonese"])
    func unresolved(text: String) {
        #expect(catalogue.resolve(text) == nil)
    }

    @Test("every ISO 639-3 code and 639-1 code is known")
    func knowsEveryCode() throws {
        #expect(catalogue.languages.count > 7_800)
        #expect(catalogue.language(code: "bfi")?.name == "British Sign Language")
        #expect(catalogue.language(code: "cy")?.code == "cym")
        #expect(catalogue.language(code: "zzz") == nil)
        #expect(catalogue.language(code: "ara")?.isMacrolanguage == true)
    }

    @Test("a language item keeps proficiency, interpreting and unrecognised text")
    func languageItems() {
        let urdu = ItemParsing.language("Urdu (native)")
        #expect(urdu.language.code == "urd")
        #expect(urdu.proficiency == .native)
        #expect(!urdu.interprets)

        let interpreter = ItemParsing.language("Urdu (fluent, interpreter)")
        #expect(interpreter.proficiency == .fluent)
        #expect(interpreter.interprets)

        let cantonese = ItemParsing.language("Chinese (Cantonese)")
        #expect(cantonese.language.code == "yue")

        let unknown = ItemParsing.language("Makaton (fluent)")
        #expect(unknown.language.code == nil)
        #expect(unknown.language.written == "Makaton")
        #expect(unknown.proficiency == .fluent)
    }

    @Test("macrolanguages find their members; the reverse and close varieties are related")
    func relations() {
        #expect(catalogue.relation(of: "yue", to: "zho") == .narrower)
        #expect(catalogue.relation(of: "cmn", to: "zho") == .narrower)
        #expect(catalogue.relation(of: "zho", to: "yue") == .related)
        #expect(catalogue.relation(of: "cmn", to: "yue") == nil)
        #expect(catalogue.relation(of: "arz", to: "ara") == .narrower)
        #expect(catalogue.relation(of: "prs", to: "fas") == .narrower)
        #expect(catalogue.relation(of: "pes", to: "fas") == .narrower)
        #expect(catalogue.relation(of: "ckb", to: "kur") == .narrower)
        #expect(catalogue.relation(of: "kmr", to: "kur") == .narrower)
        #expect(catalogue.relation(of: "kmr", to: "ckb") == nil)
        #expect(catalogue.relation(of: "pnb", to: "pan") == .related)
        #expect(catalogue.relation(of: "pan", to: "pnb") == .related)
        #expect(catalogue.relation(of: "zsm", to: "msa") == .narrower)
        #expect(catalogue.relation(of: "aln", to: "sqi") == .narrower)
        #expect(catalogue.relation(of: "urd", to: "urd") == .exact)
        #expect(catalogue.relation(of: "pol", to: "urd") == nil)
        let kurdish = catalogue.languages(relatedTo: "kur")
        #expect(kurdish.first?.code == "kur" && kurdish.first?.relation == .exact)
        #expect(Set(kurdish.filter { $0.relation == .narrower }.map(\.code)) == ["ckb", "kmr", "sdh"])
        #expect(catalogue.languages(relatedTo: "pan").contains { $0.code == "pnb" && $0.relation == .related })
    }

    @Test("sign languages are languages")
    func signLanguages() {
        #expect(catalogue.resolve("BSL")?.language.code == "bfi")
        #expect(catalogue.resolve("ISL")?.language.code == "isg")
        #expect(catalogue.resolve("ASL")?.language.code == "ase")
        // As a feed's code attribute, isl is Icelandic.
        #expect(catalogue.resolve(code: "isl")?.language.code == "isl")
        #expect(catalogue.resolve(code: "pa-Arab")?.script == "Arab")
        #expect(catalogue.resolve(code: "Punjabi") == nil)
    }

    @Test("at least 120 common languages have curated names and an endonym")
    func curatedCoverage() {
        let withEndonym = catalogue.languages.filter { catalogue.endonym(of: $0.code) != nil }
        #expect(withEndonym.count >= 120)
        #expect(catalogue.endonym(of: "pol") == "Polski")
        #expect(catalogue.endonym(of: "urd") == "اردو")
        #expect(catalogue.endonym(of: "tir") == "ትግርኛ")
        #expect(catalogue.endonym(of: "zho") == "中文")
    }
}

/// Issue 12: rosters and searches are written by people, so a word is a word.
@Suite("Ordinary words are not languages")
struct OrdinaryWordsTests {
    let catalogue = LanguageCatalogue.shared

    @Test(
        "a bare token in free text is a code only for a curated language, and never an answer or everyday word",
        arguments: [
            "Yes", "No", "the", "and", "Any", "Not", "Nil", "Can", "Man", "Mon", "Sat", "It", "nor", "May", "no-one",
            "not-sure",
        ])
    func wordsAreWords(text: String) {
        #expect(catalogue.resolve(text) == nil, "'\(text)' read as \(catalogue.resolve(text)?.language.name ?? "")")
        #expect(LanguageReference.resolving(text).code == nil)
    }

    @Test("a source that declares codes, like the feed's code attribute, may still name any ISO 639 language")
    func declaredCodes() {
        #expect(LanguageReference.resolving(code: "yes").code == "yes")
        #expect(LanguageReference.resolving(code: "sat").code == "sat")
        #expect(LanguageReference.resolving(code: "no").code == "nor")
        #expect(LanguageReference.resolving(code: "man-Latn").code == "man")
        // In free text a tag on an obscure language counts only when written as tags are.
        #expect(catalogue.resolve("man-Latn")?.language.code == "man")
        #expect(catalogue.resolve("man-latn") == nil)
    }

    @Test("answers are recognised as answers; only the negative ones mean there is no language")
    func answers() {
        for answer in [
            "Yes", "no", "NONE", "N/A", "nil", "any", "all", "other", "some", "not", "maybe", "basic", "good", "fluent",
        ] {
            #expect(LanguageCatalogue.isAnswer(answer), "\(answer)")
        }
        #expect(LanguageCatalogue.meansNoLanguage("N/A") && LanguageCatalogue.meansNoLanguage("None"))
        #expect(!LanguageCatalogue.meansNoLanguage("Yes"))
        #expect(!LanguageCatalogue.isAnswer("Norwegian") && !LanguageCatalogue.isAnswer("Polish"))
    }
}
