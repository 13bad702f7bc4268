/// How one skill or language asked for in a search is met by a volunteer: what they wrote, and
/// whether it is the same thing, another name for it, something narrower or something related.
public struct MatchedTerm: Sendable, Hashable, Codable {
    /// What was searched for: `skill` or `language`.
    public var kind: String
    /// The skill or language as the search asked for it.
    public var asked: String
    /// What the volunteer wrote that meets it (`ACCA qualified`, `Sorani`).
    public var written: String
    /// `exact`, `synonym`, `narrower` or `related`.
    public var match: String

    /// Creates a term.
    public init(kind: String, asked: String, written: String, match: String) {
        self.kind = kind
        self.asked = asked
        self.written = written
        self.match = match
    }
}

/// A search's skills and languages, understood once against the taxonomy and the language
/// catalogue, to say for each volunteer found how they meet each.
public struct QueryUnderstanding: Sendable {
    private let skills: [SkillExpansion]
    private let languages: [LanguageReference]
    private let taxonomy: SkillTaxonomy
    private let catalogue: LanguageCatalogue

    /// Understands the query's skills and languages.
    public init(_ query: VolunteerQuery, taxonomy: SkillTaxonomy, catalogue: LanguageCatalogue = .shared) {
        self.skills = query.skills.filter { !$0.matchingKey.isEmpty }.map(taxonomy.expansion(of:))
        self.languages = query.languages
        self.taxonomy = taxonomy
        self.catalogue = catalogue
    }

    /// Each skill and language asked for, with the volunteer's best way of meeting it.
    public func explain(_ volunteer: Volunteer) -> [MatchedTerm] {
        var terms: [MatchedTerm] = []
        for expansion in skills {
            var best: (kind: SkillMatchKind, written: String)?
            for skill in volunteer.skills {
                guard let kind = expansion.kind(ofKey: skill.key, mappings: taxonomy.understand(skill.written)) else { continue }
                if best == nil || kind > (best?.kind ?? .related) { best = (kind, skill.written) }
            }
            if let kind = expansion.interpreting, best == nil || kind > (best?.kind ?? .related),
                let spoken = volunteer.languages.first(where: \.interprets)
            {
                best = (kind, "interprets \(spoken.language.displayName(catalogue: catalogue))")
            }
            if let best { terms.append(MatchedTerm(kind: "skill", asked: expansion.text, written: best.written, match: best.kind.rawValue)) }
        }
        for asked in languages {
            var best: (relation: LanguageRelation, written: String)?
            for spoken in volunteer.languages {
                let relation: LanguageRelation? =
                    if let code = asked.code, let held = spoken.language.code {
                        catalogue.relation(of: held, to: code)
                    } else if asked.code == nil, spoken.language.written.matchingKey == asked.written.matchingKey {
                        .exact
                    } else {
                        nil
                    }
                guard let relation else { continue }
                if best == nil || relation > (best?.relation ?? .related) { best = (relation, spoken.language.written) }
            }
            if let best {
                terms.append(MatchedTerm(kind: "language", asked: asked.written, written: best.written, match: best.relation.rawValue))
            }
        }
        return terms
    }
}
