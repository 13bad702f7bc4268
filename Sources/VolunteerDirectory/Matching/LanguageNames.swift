/// Names for the matcher's interned language keys.
enum LanguageNames {
    /// `language:pol` → `Polish`; an unrecognised written language as written.
    static func name(_ key: String) -> String {
        let value = String(key.dropFirst("language:".count))
        return LanguageCatalogue.shared.language(code: value)?.name ?? value
    }
}
