/// Names for the matcher's interned languages.
enum LanguageNames {
    /// `.language("pol")` → `Polish`; an unrecognised written language as written; anything
    /// else (not a language, or no term) as nothing.
    static func name(_ term: MatchIndex.Term?) -> String {
        guard case .language(let value)? = term else { return "" }
        return LanguageCatalogue.shared.language(code: value)?.name ?? value
    }
}
