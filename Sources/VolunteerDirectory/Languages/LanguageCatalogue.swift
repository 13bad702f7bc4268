/// Every ISO 639 language, with the names, codes and tags by which rosters and feeds name them.
///
/// The table is generated from Debian's `iso-codes` (see `Scripts/generate-language-table.py`)
/// and compiled in, so nothing is read from the system at run time.
///
/// ```swift
/// let urdu = LanguageCatalogue.shared.resolve("ur")        // urd, by code
/// let punjabi = LanguageCatalogue.shared.resolve("pa-Arab") // pan, by tag, script Arab
/// ```
public final class LanguageCatalogue: Sendable {
    /// The catalogue built from the compiled-in ISO 639 table; built once, on first use.
    public static let shared = LanguageCatalogue()

    private let byCode: [String: Language]
    private let codeAliases: [String: String]
    private let byName: [String: (code: String, match: LanguageMatch)]

    /// Every language the catalogue knows, by ISO 639-3 code.
    public var languages: some Collection<Language> { byCode.values }

    private init() {
        var byCode: [String: Language] = [:]
        var codeAliases: [String: String] = [:]
        var byName: [String: (code: String, match: LanguageMatch)] = [:]
        var namePriority: [String: Int] = [:]

        func addName(_ name: String, code: String, priority: Int) {
            let key = name.matchingKey
            guard !key.isEmpty else { return }
            if let existing = namePriority[key], existing >= priority { return }
            namePriority[key] = priority
            byName[key] = (code, .name)
        }

        for line in iso639Table.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 8 else { continue }
            let (code, alpha2, bibliographic, scope, type) = (fields[0], fields[1], fields[2], fields[3], fields[4])
            let language = Language(
                code: code, alpha2: alpha2.isEmpty ? nil : alpha2,
                name: LanguageAliases.displayNames[code] ?? fields[5].removingMacrolanguageNote,
                isMacrolanguage: scope == "M")
            byCode[code] = language
            if !alpha2.isEmpty { codeAliases[alpha2] = code }
            if !bibliographic.isEmpty { codeAliases[bibliographic] = code }
            // Where two languages share a name, prefer the living, the major (with a 639-1 code),
            // then the macrolanguage, so "Malay" is msa and "Swahili" swa.
            let priority = (type == "L" ? 8 : 0) + (alpha2.isEmpty ? 0 : 4) + (scope == "M" ? 2 : 0)
            for (offset, name) in fields[5...7].enumerated() where !name.isEmpty {
                addName(name, code: code, priority: priority * 4 + (offset == 0 ? 3 : 1))
                let bare = name.removingParentheticals
                if bare != name { addName(bare, code: code, priority: priority * 4) }
            }
        }
        for (alias, code) in LanguageAliases.aliases where byCode[code] != nil {
            byName[alias.matchingKey] = (code, .alias)
        }
        for (endonym, code) in LanguageAliases.endonyms where byCode[code] != nil {
            byName[endonym.matchingKey] = (code, .endonym)
        }
        self.byCode = byCode
        self.codeAliases = codeAliases
        self.byName = byName
    }

    /// The language with this ISO 639-3 code (or 639-1 or 639-2/B code), if the catalogue knows it.
    public func language(code: String) -> Language? {
        let key = code.lowercased()
        if let language = byCode[key] { return language }
        return codeAliases[key].flatMap { byCode[$0] }
    }

    /// Understands a written language: a code, a name, an alias, an endonym or a BCP 47 tag, in any
    /// case and with stray spaces or punctuation. Returns `nil` when the text names no language
    /// the catalogue knows; callers keep such text as written and warn.
    public func resolve(_ text: String) -> LanguageResolution? {
        let trimmed = text.trimmingCharacters(in: " \t\r\n.,;:*\"'`-_/")
        guard !trimmed.isEmpty else { return nil }
        let key = trimmed.matchingKey
        // Curated names first: "BSL" is British Sign Language, not the code bsl (Basa-Gumna).
        if let (code, match) = byName[key], match != .name, let language = byCode[code] {
            return LanguageResolution(language: language, match: match, script: nil)
        }
        let letters = trimmed.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
        if letters, (2...3).contains(trimmed.count), let language = language(code: trimmed) {
            return LanguageResolution(language: language, match: .code, script: nil)
        }
        if let (code, match) = byName[key], let language = byCode[code] {
            return LanguageResolution(language: language, match: match, script: nil)
        }
        return resolveTag(trimmed)
    }

    /// A BCP 47 tag such as `pa-Arab`, `en-GB` or `zh_Hant_HK`: the language subtag names the
    /// language and a four-letter subtag the script.
    private func resolveTag(_ text: String) -> LanguageResolution? {
        let subtags = text.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard subtags.count >= 2,
            subtags.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) } }),
            (2...3).contains(subtags[0].count), subtags.dropFirst().allSatisfy({ (2...8).contains($0.count) }),
            let language = language(code: subtags[0])
        else { return nil }
        let script = subtags.dropFirst().first { $0.count == 4 && $0.allSatisfy(\.isLetter) }
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }
        return LanguageResolution(language: language, match: .tag, script: script)
    }
}

extension String {
    fileprivate var removingMacrolanguageNote: String {
        replacingOccurrences(of: " (macrolanguage)", with: "")
    }

    fileprivate var removingParentheticals: String {
        guard let open = firstIndex(of: "(") else { return self }
        return String(self[..<open]).trimmingWhitespace()
    }

    fileprivate func trimmingCharacters(in set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        let view = unicodeScalars
        guard let start = view.firstIndex(where: { !scalars.contains($0) && !$0.properties.isWhitespace }) else { return "" }
        guard let end = view.lastIndex(where: { !scalars.contains($0) && !$0.properties.isWhitespace }) else { return "" }
        return String(view[start...end])
    }
}
