import Foundation
import VolunteerDirectory

/// How long it takes to understand one written language or skill, by the route it takes: the
/// cost every imported item and every search pays. Prints microseconds per look-up.
func lookup(rounds: Int) throws {
    let languages: [(String, [String])] = [
        ("code", ["ur", "pol", "pa", "bn", "so", "ti", "fa", "zh", "ar", "tr"]),
        (
            "name",
            [
                "Urdu", "Polish", "Bengali", "Somali", "Tigrinya", "Arabic", "Kurdish", "Romanian", "Portuguese",
                "Gujarati",
            ]
        ),
        ("endonym", ["Polski", "اردو", "বাংলা", "Türkçe", "Română", "ትግርኛ", "Soomaali", "中文", "ਪੰਜਾਬੀ", "Español"]),
        (
            "tag",
            [
                "pa-Arab", "pa-Guru", "zh-Hant", "en-GB", "sr-Latn", "pt-BR", "ku-Arab", "zh_Hans_CN", "az-Latn",
                "uz-Cyrl",
            ]
        ),
        (
            "misspelling",
            [
                "Portugese", "Swahilli", "Lithuainian", "Gujerati", "Tigrinia", "Ukranian", "Bengalli", "Somalli",
                "Arabik", "Polsih",
            ]
        ),
        (
            "unresolved",
            ["Iranian", "Makaton", "Klingonese", "fluent", "Urdu/Punjabi", "Elvish", "Nigerian", "n/a", "Xx", "Hindu"]
        ),
    ]
    let skills = [
        "Accountancy (professional)", "ACCA qualified", "chartered accountant", "First aid at work", "Befriending",
        "DPSI (Law)", "Full UK driving licence", "Arabic calligraphy workshops", "Good listener",
        "Teaching English to adults",
    ]
    // Built once per process, on first use.
    var start = DispatchTime.now()
    let catalogue = LanguageCatalogue.shared
    _ = catalogue.resolve("warm up")
    let catalogueMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    start = .now()
    let taxonomy = try SkillTaxonomy.standard()
    let taxonomyMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    print(
        "catalogue built once   \(String(format: "%7.1f", catalogueMilliseconds)) ms (7,900 ISO 639 languages, 188 curated)"
    )
    print(
        "taxonomy read once     \(String(format: "%7.1f", taxonomyMilliseconds)) ms (\(taxonomy.concepts.count) skills, YAML)"
    )
    var sink = 0
    func time(_ strings: [String], _ body: (String) -> Int) -> Double {
        let start = DispatchTime.now()
        for _ in 0..<rounds { for text in strings { sink &+= body(text) } }
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e3
            / Double(rounds * strings.count)
    }
    var figures: [(String, Double)] = []
    for (route, strings) in languages {
        figures.append(("language \(route)", time(strings) { catalogue.resolve($0)?.language.code.count ?? 0 }))
    }
    figures.append(("skill understand", time(skills) { taxonomy.understand($0).count }))
    figures.append(("skill expansion", time(skills) { taxonomy.expansion(of: $0).narrower.count }))
    for (name, microseconds) in figures {
        print(
            "\(name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(String(format: "%7.2f", microseconds)) µs per look-up"
        )
    }
    let worst = figures.map(\.1).max() ?? 0
    print("{\"lookup_worst_us\": \(String(format: "%.2f", worst)), \"checksum\": \(sink)}")
}
