/// How what several sources say of one person becomes one profile: every store reads a
/// volunteer's skills and languages source by source and merges them with these rules.
extension Volunteer {
    /// Adds a skill as one source states it: one entry per skill (by matching key), at the highest
    /// level any source gave.
    public mutating func merge(_ skill: Skill) {
        guard let existing = skills.firstIndex(where: { $0.key == skill.key }) else {
            skills.append(skill)
            return
        }
        if let new = skill.level, skills[existing].level.map({ $0 < new }) ?? true {
            skills[existing].level = new
        }
    }

    /// Adds a language as one source states it: one entry per language (by code, else as
    /// written) and script, at the best proficiency any source gave, interpreting if any said so.
    public mutating func merge(_ spoken: SpokenLanguage) {
        func identity(_ language: LanguageReference) -> String { language.code ?? language.written.matchingKey }
        guard
            let same = languages.firstIndex(where: {
                identity($0.language) == identity(spoken.language) && $0.language.script == spoken.language.script
            })
        else {
            languages.append(spoken)
            return
        }
        languages[same].proficiency = [languages[same].proficiency, spoken.proficiency].compactMap { $0 }.max()
        languages[same].interprets = languages[same].interprets || spoken.interprets
    }
}
