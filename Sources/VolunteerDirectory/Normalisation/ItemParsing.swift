/// Reads the list items of rosters and feeds into model values, the same way for every importer.
public enum ItemParsing {
    /// A skill item such as `Accountancy (professional)`, `Chartered accountant (Pakistan)` or
    /// `Interpreting (Urdu)`: a bracketed level becomes the ``Skill/level``, a bracketed country
    /// (or `qualified in Iran`) the ``Skill/qualifiedIn``; other details stay in the written text.
    public static func skill(_ raw: String) -> Skill {
        let item = BracketedItem(parsing: raw)
        var level: SkillLevel?
        var country: String?
        var others: [String] = []
        for detail in item.details {
            if level == nil, let parsed = SkillLevel(name: detail) {
                level = parsed
            } else if country == nil, let code = qualifiedIn(detail) {
                country = code
            } else {
                others.append(detail)
            }
        }
        let written = others.isEmpty ? item.text : "\(item.text) (\(others.joined(separator: ", ")))"
        return Skill(written: written.isEmpty ? raw.trimmingWhitespace() : written, level: level, qualifiedIn: country)
    }

    /// `Pakistan`, `qualified in Iran`, `trained in PK`: the country a qualification was gained in.
    private static func qualifiedIn(_ detail: String) -> String? {
        let words = detail.matchingKey.split(separator: " ")
        for prefix in [
            ["qualified", "in"], ["trained", "in"], ["qualification", "from"], ["gained", "in"], ["from"],
        ]
        where words.count > prefix.count && words.prefix(prefix.count).elementsEqual(prefix.map { Substring($0) }) {
            return Countries.code(named: words.dropFirst(prefix.count).joined(separator: " "), acceptingCodes: true)
        }
        return Countries.code(named: detail)
    }

    /// A language item such as `Urdu (native)`, `pa-Arab (fluent, interpreter)` or `Polski`.
    /// The language is kept as written even when the catalogue does not understand it; check
    /// ``LanguageReference/code`` for `nil` to warn.
    public static func language(_ raw: String, catalogue: LanguageCatalogue = .shared) -> SpokenLanguage {
        let item = BracketedItem(parsing: raw)
        var proficiency: Proficiency?
        var interprets = false
        var others: [String] = []
        for detail in item.details {
            let key = detail.matchingKey
            if interpretingDetails.contains(key) {
                interprets = true
            } else if proficiency == nil, let parsed = Proficiency(name: detail) {
                proficiency = parsed
            } else {
                others.append(detail)
            }
        }
        var reference = LanguageReference.resolving(item.text, catalogue: catalogue)
        // `Chinese (Cantonese)`, `Punjabi (Shahmukhi)`: a bracket may name the language more exactly.
        if let refined = others.lazy.compactMap({ catalogue.resolve($0) }).first,
            refined.language.code != reference.code
        {
            reference = LanguageReference(
                written: raw.trimmingWhitespace(), code: refined.language.code, script: refined.script)
        }
        return SpokenLanguage(language: reference, proficiency: proficiency, interprets: interprets)
    }

    /// Bracketed details that say someone interprets the language: `Urdu (interpreter)`.
    static let interpretingDetails: Set<String> = [
        "interpreter", "interprets", "interpreting", "can interpret", "interpret",
    ]

    /// A language requirement item such as `Polish (fluent)`: the bracket is the minimum proficiency.
    public static func languageRequirement(_ raw: String, isRequired: Bool, catalogue: LanguageCatalogue = .shared)
        -> LanguageRequirement
    {
        let spoken = language(raw, catalogue: catalogue)
        return LanguageRequirement(
            language: spoken.language, minimumProficiency: spoken.proficiency, isRequired: isRequired)
    }

    /// A yes/no answer: `yes`, `no`, `y`, `n`, `true`, `false`, `1`, `0`; `nil` when not one.
    public static func yesNo(_ raw: String) -> Bool? {
        switch raw.matchingKey {
        case "yes", "y", "true", "1", "ok", "agreed", "x": true
        case "no", "n", "false", "0", "declined": false
        default: nil
        }
    }

    /// A DBS cell such as `enhanced`, `Enhanced (12/01/2024)` or `basic 2023-05-01`: the level and
    /// the issue date. Throws a ``FieldError`` naming what could not be read.
    public static func dbs(_ raw: String) throws(FieldError) -> DBSCheck? {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," || $0 == ";" })
            .map(String.init)
        guard let first = words.first else { return nil }
        guard let level = DBSLevel(name: first) else {
            throw FieldError("unknown DBS level '\(first)'; expected none, basic, standard or enhanced")
        }
        var issued: CalendarDate?
        for word in words.dropFirst() where word.contains(where: \.isNumber) {
            guard let date = CalendarDate(parsing: word) else {
                throw FieldError("unreadable DBS date '\(word)'; write it as 2024-01-12 or 12/01/2024")
            }
            issued = date
        }
        return DBSCheck(level: level, issued: issued)
    }

    /// A date as ISO 8601 or UK style; throws a ``FieldError`` naming the field otherwise.
    public static func date(_ raw: String, field: String) throws(FieldError) -> CalendarDate? {
        guard let text = raw.nonEmpty else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            throw FieldError("unreadable \(field) date '\(text)'; write it as 2025-03-28 or 28/03/2025")
        }
        return date
    }
}

/// Why one field of a record could not be read, in words a coordinator can act on.
public struct FieldError: Error, Sendable, CustomStringConvertible {
    /// The reason, naming the offending value in quotes.
    public let reason: String

    /// `reason` is shown as it stands: name the offending value in quotes and say how to write it.
    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
