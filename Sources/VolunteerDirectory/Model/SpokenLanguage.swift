/// A language as a roster or feed wrote it, with what the catalogue made of it.
public struct LanguageReference: Sendable, Hashable, Codable {
    /// The text as written (`Urdu`, `pa-Arab`, `Polski`), kept whether or not it was understood.
    public var written: String
    /// The ISO 639-3 code, or `nil` when the catalogue did not understand the text.
    public var code: String?
    /// The ISO 15924 script from a BCP 47 tag, such as `Arab`.
    public var script: String?
    /// Whether the code was read from a near miss of a language's name (`Portugese`): a careful
    /// guess that the coordinator should be told about. Not stored; known when resolving.
    public var isCorrection: Bool

    private enum CodingKeys: String, CodingKey { case written, code, script }

    /// Creates a reference; see ``LanguageReference/resolving(_:catalogue:)`` to understand text.
    public init(written: String, code: String?, script: String? = nil, isCorrection: Bool = false) {
        self.written = written
        self.code = code
        self.script = script
        self.isCorrection = isCorrection
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            written: try container.decode(String.self, forKey: .written),
            code: try container.decodeIfPresent(String.self, forKey: .code),
            script: try container.decodeIfPresent(String.self, forKey: .script))
    }

    /// Resolves `text` against the catalogue, keeping it as written whether or not it is understood.
    public static func resolving(_ text: String, catalogue: LanguageCatalogue = .shared) -> LanguageReference {
        let resolution = catalogue.resolve(text)
        return LanguageReference(
            written: text, code: resolution?.language.code, script: resolution?.script,
            isCorrection: resolution?.match == .misspelling)
    }

    /// Resolves a code given as a code (a feed's `code` attribute): an ISO 639 code or a BCP 47 tag.
    public static func resolving(code: String, catalogue: LanguageCatalogue = .shared) -> LanguageReference {
        let resolution = catalogue.resolve(code: code)
        return LanguageReference(written: code, code: resolution?.language.code, script: resolution?.script)
    }

    /// The English name when understood, else the text as written.
    public func displayName(catalogue: LanguageCatalogue = .shared) -> String {
        code.flatMap { catalogue.language(code: $0)?.name } ?? written
    }
}

/// A language someone uses, and how well.
public struct SpokenLanguage: Sendable, Hashable, Codable {
    /// Which language.
    public var language: LanguageReference
    /// How well, when stated.
    public var proficiency: Proficiency?
    /// Whether the person can interpret spoken language.
    public var interprets: Bool

    /// `proficiency` defaults to unstated and `interprets` to no; `language` keeps its text even when not understood.
    public init(language: LanguageReference, proficiency: Proficiency? = nil, interprets: Bool = false) {
        self.language = language
        self.proficiency = proficiency
        self.interprets = interprets
    }
}

/// A language a need asks for.
public struct LanguageRequirement: Sendable, Hashable, Codable {
    /// Which language.
    public var language: LanguageReference
    /// The lowest proficiency that will do, when stated.
    public var minimumProficiency: Proficiency?
    /// Whether the need cannot be met without it (otherwise it is a preference).
    public var isRequired: Bool

    /// `minimumProficiency` defaults to unstated, so any level will do; `isRequired` false makes it a preference.
    public init(language: LanguageReference, minimumProficiency: Proficiency? = nil, isRequired: Bool) {
        self.language = language
        self.minimumProficiency = minimumProficiency
        self.isRequired = isRequired
    }
}
