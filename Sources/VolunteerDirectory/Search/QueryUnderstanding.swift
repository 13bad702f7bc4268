/// How one skill or language asked for in a search is met by a volunteer: what they wrote, and
/// whether it is the same thing, another name for it, something narrower or something related.
public struct MatchedTerm: Sendable, Hashable, Codable {
    /// What a search asks for.
    public enum Kind: String, Sendable, Hashable, Codable {
        case skill, language
    }

    /// Whether a skill or a language was asked for.
    public var kind: Kind
    /// The skill or language as the search asked for it.
    public var asked: String
    /// What the volunteer wrote that meets it (`ACCA qualified`, `Sorani`).
    public var written: String
    /// How it meets it. A language is met `exact`, `narrower` or `related` (its
    /// ``LanguageRelation``), never by a `synonym`.
    public var match: SkillMatchKind

    /// A skill asked for, met by what the volunteer wrote.
    public init(skill asked: String, written: String, match: SkillMatchKind) {
        self.kind = .skill
        self.asked = asked
        self.written = written
        self.match = match
    }

    /// A language asked for, met by one the volunteer speaks.
    public init(language asked: String, written: String, relation: LanguageRelation) {
        self.kind = .language
        self.asked = asked
        self.written = written
        self.match =
            switch relation {
            case .exact: .exact
            case .narrower: .narrower
            case .related: .related
            }
    }
}

/// A search's skills and languages, understood once against the taxonomy and the language
/// catalogue: what a store searches by, and how each volunteer found meets each.
public struct QueryUnderstanding: Sendable {
    /// Each skill asked for, expanded through the taxonomy, in the query's order.
    public let skills: [SkillExpansion]
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

    /// A store's ranked ids (best first) as the search's answer: each with its volunteer, as
    /// `volunteer` gives them (ids it does not know are left out), and how they meet the query.
    /// A skill written the same way by several of them (a page of results shares many) is
    /// understood through the taxonomy once.
    public func matches(
        _ ranked: [(id: VolunteerID, score: Double)], volunteer: (VolunteerID) -> Volunteer?
    ) -> [VolunteerMatch] {
        var understood: [String: [SkillMapping]] = [:]
        return ranked.compactMap { id, score in
            volunteer(id).map {
                VolunteerMatch(volunteer: $0, score: score, matched: explain($0, understood: &understood))
            }
        }
    }

    /// Each skill and language asked for, with the volunteer's best way of meeting it; the
    /// taxonomy's reading of each written skill is kept in `understood`.
    private func explain(_ volunteer: Volunteer, understood: inout [String: [SkillMapping]]) -> [MatchedTerm] {
        guard !skills.isEmpty || !languages.isEmpty else { return [] }
        func mappings(_ written: String) -> [SkillMapping] {
            if let known = understood[written] { return known }
            let mappings = taxonomy.understand(written)
            understood[written] = mappings
            return mappings
        }
        var terms: [MatchedTerm] = []
        for expansion in skills {
            var held = volunteer.skills.compactMap { skill in
                expansion.kind(ofKey: skill.key, mappings: mappings(skill.written)).map {
                    (kind: $0, written: skill.written)
                }
            }
            if let kind = expansion.interpreting, let spoken = volunteer.languages.first(where: \.interprets) {
                held.append((kind, "interprets \(spoken.language.displayName(catalogue: catalogue))"))
            }
            let best = Self.best(held, by: \.kind)
            if let best {
                terms.append(
                    MatchedTerm(skill: expansion.text, written: best.written, match: best.kind))
            }
        }
        for asked in languages {
            let held = volunteer.languages.compactMap { spoken -> (relation: LanguageRelation, written: String)? in
                let relation: LanguageRelation? =
                    if let code = asked.code, let held = spoken.language.code {
                        catalogue.relation(of: held, to: code)
                    } else if asked.code == nil, spoken.language.written.matchingKey == asked.written.matchingKey {
                        .exact
                    } else {
                        nil
                    }
                return relation.map { ($0, spoken.language.written) }
            }
            if let best = Self.best(held, by: \.relation) {
                terms.append(
                    MatchedTerm(language: asked.written, written: best.written, relation: best.relation))
            }
        }
        return terms
    }

    /// The highest-ranked item, the first among equals (the volunteer's own order).
    private static func best<Item, Rank: Comparable>(_ items: [Item], by rank: (Item) -> Rank) -> Item? {
        var best: Item?
        for item in items where best.map({ rank(item) > rank($0) }) ?? true { best = item }
        return best
    }
}
