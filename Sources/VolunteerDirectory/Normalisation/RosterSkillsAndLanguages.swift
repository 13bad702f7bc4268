/// A roster row's skills and languages cells, read together the same way for every roster
/// importer (CSV today, workbooks later).
///
/// People put languages in the skills column (`BSL`, `Polish`, `Urdu interpreter`): an item that
/// is wholly a well-known language, alone or with interpreter, translator, interpreting or
/// translation, is read as a language the volunteer speaks (interprets, with those words) and
/// reported in ``warnings``. A bare language leaves the skills; an interpreting item stays a
/// skill as written too, since it is one. `English teaching` and `French cooking` are skills:
/// only an item that is all language counts, never a bare code (`IT`, `HR`, `PA` are subjects
/// there) and never a guess at a misspelling.
///
/// In the languages cell, an answer (`No`, `None`, `N/A`, `Yes`, `Any`) is no language: nothing
/// is recorded for it, with a warning unless it plainly says there is none.
///
/// ```swift
/// let read = RosterSkillsAndLanguages(skills: "Driving; Urdu interpreter", languages: "English")
/// read.skills     // Driving, Urdu interpreter
/// read.languages  // English; Urdu, interprets
/// read.warnings   // ["skill 'Urdu interpreter' names a language: read as interpreting Urdu (urd)"]
/// ```
public struct RosterSkillsAndLanguages: Sendable, Hashable {
    /// The skills, as written, without the items read as languages only.
    public var skills: [Skill]
    /// The languages of the languages cell, then those found in the skills cell (a language in
    /// both is held once, interpreting if either says so).
    public var languages: [SpokenLanguage]
    /// What a coordinator should be told about this row's cells, without the line (the importer
    /// adds where).
    public var warnings: [String]

    /// What one item of a skills cell was read as: its skill, and the languages it names when it
    /// is wholly about languages (`Polish`, `Urdu interpreter`).
    public struct SkillsItem: Sendable, Hashable {
        let skill: Skill
        let languages: [SpokenLanguage]
        let isLanguage: Bool
        let isInterpreting: Bool
    }

    /// Reads a skills cell and a languages cell (either may be empty). `skillItems` and
    /// `languageItems`, when given, remember what each item was read as across the rows of one
    /// import: cells are combinations, so they repeat far less often than the items in them.
    public init(
        skills skillsCell: String, languages languagesCell: String, catalogue: LanguageCatalogue = .shared,
        skillItems: TextMemo<SkillsItem>? = nil, languageItems: TextMemo<SpokenLanguage>? = nil
    ) {
        var warnings: [String] = []
        var languages: [SpokenLanguage] = []
        // `N/A` is one answer, not the items `N` and `A`.
        let items = LanguageCatalogue.isAnswer(languagesCell) ? [languagesCell] : ListCell.items(languagesCell)
        for item in items {
            if LanguageCatalogue.isAnswer(item) {
                if !LanguageCatalogue.meansNoLanguage(item) {
                    warnings.append(
                        "language '\(item.trimmingWhitespace())' is an answer, not a language; nothing recorded for it")
                }
                continue
            }
            languages.append(
                languageItems?.value(for: item) { ItemParsing.language($0, catalogue: catalogue) }
                    ?? ItemParsing.language(item, catalogue: catalogue))
        }
        var skills: [Skill] = []
        for item in ListCell.items(skillsCell) {
            let read =
                skillItems?.value(for: item) { Self.read($0, catalogue: catalogue) }
                ?? Self.read(item, catalogue: catalogue)
            guard read.isLanguage else {
                skills.append(read.skill)
                continue
            }
            if read.isInterpreting { skills.append(read.skill) }
            let written = item.trimmingWhitespace()
            for spoken in read.languages {
                let language = "\(spoken.language.displayName(catalogue: catalogue)) (\(spoken.language.code ?? ""))"
                warnings.append(
                    read.isInterpreting
                        ? "skill '\(written)' names a language: read as interpreting \(language)"
                        : "skill '\(written)' is a language: read as \(language) spoken; put languages in the languages column"
                )
                Self.add(spoken, to: &languages)
            }
        }
        self.skills = skills
        self.languages = languages
        self.warnings = warnings
    }

    // MARK: - Helpers

    /// Reads one skills item.
    private static func read(_ item: String, catalogue: LanguageCatalogue) -> SkillsItem {
        let found = languages(inSkill: item, catalogue: catalogue)
        return SkillsItem(
            skill: ItemParsing.skill(item), languages: found?.languages ?? [], isLanguage: found != nil,
            isInterpreting: found?.isInterpreting ?? false)
    }

    /// Words that make an item about a language an interpreting or translation skill.
    private static let interpretingWords: Set<Substring> = [
        "interpreter", "interpreters", "interpreting", "interpretation", "translator", "translators", "translation",
        "translating", "and",
    ]

    /// The languages a skills item is wholly about, and whether it is an interpreting item;
    /// `nil` when it is a skill like any other.
    static func languages(inSkill raw: String, catalogue: LanguageCatalogue)
        -> (languages: [SpokenLanguage], isInterpreting: Bool)?
    {
        let item = BracketedItem(parsing: raw)
        let words = item.text.matchingKey.split(separator: " ")
        guard !words.isEmpty else { return nil }
        // `Urdu interpreter`, `BSL interpreter and translator`, `Interpreting (Urdu, Polish)`.
        let roleWords = words.reversed().prefix { interpretingWords.contains($0) }.count
        let isInterpreting = roleWords > 0 && words.last != "and"
        let written = raw.trimmingWhitespace()
        if roleWords == words.count {
            guard isInterpreting, !item.details.isEmpty else { return nil }
            let named = item.details.compactMap { wellKnownLanguage($0, catalogue: catalogue) }
            guard named.count == item.details.count else { return nil }
            return (named.map { SpokenLanguage(language: reference($0, written: written), interprets: true) }, true)
        }
        let name = words.dropLast(roleWords).joined(separator: " ")
        guard let resolution = wellKnownLanguage(name, catalogue: catalogue) else { return nil }
        var proficiency: Proficiency?
        var interprets = isInterpreting
        for detail in item.details {
            if ItemParsing.interpretingDetails.contains(detail.matchingKey) {
                interprets = true
            } else if proficiency == nil, let parsed = Proficiency(name: detail) {
                proficiency = parsed
            }
        }
        let spoken = SpokenLanguage(
            language: reference(resolution, written: written), proficiency: proficiency, interprets: interprets)
        return ([spoken], isInterpreting)
    }

    /// A language named by one of its names, aliases or endonyms, and a well-known one: in a skills
    /// cell a code or an obscure ISO name (`Bench`, `Male`) is far likelier to be something else.
    private static func wellKnownLanguage(_ text: String, catalogue: LanguageCatalogue) -> LanguageResolution? {
        guard catalogue.mightBeNamed(text), let resolution = catalogue.resolve(text, correctingMisspellings: false),
            [.name, .alias, .endonym].contains(resolution.match),
            catalogue.isCurated(resolution.language.code)
        else { return nil }
        return resolution
    }

    private static func reference(_ resolution: LanguageResolution, written: String) -> LanguageReference {
        LanguageReference(written: written, code: resolution.language.code, script: resolution.script)
    }

    /// Adds a language found in the skills cell, or merges it into the same language already held.
    private static func add(_ spoken: SpokenLanguage, to languages: inout [SpokenLanguage]) {
        guard let index = languages.firstIndex(where: { $0.language.code == spoken.language.code }) else {
            languages.append(spoken)
            return
        }
        languages[index].interprets = languages[index].interprets || spoken.interprets
        if languages[index].proficiency == nil { languages[index].proficiency = spoken.proficiency }
    }
}
