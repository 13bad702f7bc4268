/// A row of the language-coverage view as published to partners: the keys of
/// ``Presentation/LanguageCoverageJSON``, each count by the small-number rule (``PublishedCount``).
struct PublishedLanguageCoverage: Encodable {
    var code: String?
    var name: String
    var endonym: String?
    var native: PublishedCount
    var fluent: PublishedCount
    var conversational: PublishedCount
    var basic: PublishedCount
    var notStated: PublishedCount
    var interpreters: PublishedCount
    var total: PublishedCount

    init(_ row: Presentation.LanguageCoverageJSON) {
        code = row.code
        name = row.name
        endonym = row.endonym
        native = PublishedCount(row.native)
        fluent = PublishedCount(row.fluent)
        conversational = PublishedCount(row.conversational)
        basic = PublishedCount(row.basic)
        notStated = PublishedCount(row.notStated)
        interpreters = PublishedCount(row.interpreters)
        total = PublishedCount(row.total)
    }
}
