/// A language as ISO 639-3 knows it.
public struct Language: Sendable, Hashable, Codable {
    /// The ISO 639-3 code, such as `urd`: the one key the directory stores and matches on.
    public let code: String
    /// The ISO 639-1 code, such as `ur`, where one exists.
    public let alpha2: String?
    /// The English name coordinators know: ISO's reference name (`Urdu`) unless a better-known one
    /// exists (`Punjabi` for ISO's `Panjabi`).
    public let name: String
    /// Whether ISO 639-3 counts this as a macrolanguage (Arabic, Chinese, Persian, ...).
    public let isMacrolanguage: Bool

    /// An entry as the catalogue builds it from a row of the ISO 639-3 table, with the curated name where there is one.
    public init(code: String, alpha2: String?, name: String, isMacrolanguage: Bool) {
        self.code = code
        self.alpha2 = alpha2
        self.name = name
        self.isMacrolanguage = isMacrolanguage
    }
}

/// How a written language string was understood.
public enum LanguageMatch: String, Sendable, Codable {
    /// An ISO 639-1, 639-3 or 639-2/B code (`ur`, `urd`).
    case code
    /// An ISO 639 English name (`Urdu`, `Kurdish, Central`).
    case name
    /// The language's own name for itself (`Polski`, `اردو`).
    case endonym
    /// A common alternative name (`Farsi`, `Punjabi`, `BSL`).
    case alias
    /// A BCP 47 tag, by its language subtag (`pa-Arab`, `en-GB`).
    case tag
    /// A near miss of a well-known name, corrected (`Portugese`, `Swahilli`).
    case misspelling
}

/// A written language resolved against the catalogue.
public struct LanguageResolution: Sendable, Hashable {
    /// The language understood.
    public let language: Language
    /// How the text was understood.
    public let match: LanguageMatch
    /// The ISO 15924 script from a BCP 47 tag (`Arab` in `pa-Arab`), when one was given.
    public let script: String?

    /// `script` defaults to `nil`: only a BCP 47 tag with a script subtag (`pa-Arab`) gives one.
    public init(language: Language, match: LanguageMatch, script: String? = nil) {
        self.language = language
        self.match = match
        self.script = script
    }
}
