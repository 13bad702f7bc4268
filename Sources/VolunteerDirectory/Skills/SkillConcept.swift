/// One skill of the taxonomy: what people write for it, what implies it, and where it sits.
public struct SkillConcept: Sendable, Hashable, Codable {
    /// The stable key, lower case with hyphens (`accountancy`, `legal-advice`).
    public var key: String
    /// The name coordinators read (`Accountancy`).
    public var label: String
    /// Other ways people write it (`chartered accountant`, `accounting`).
    public var synonyms: [String]
    /// Professional bodies and qualifications that imply it (`ACCA`, `PGCE`).
    public var qualifications: [String]
    /// Keys of wider skills: a search for one of those finds this one as narrower.
    public var broader: [String]
    /// Keys of neighbouring skills, found and shown as related.
    public var related: [String]
    /// Whether anyone who interprets a language holds this skill (interpreting).
    public var impliedByInterpreting: Bool

    /// Only `key` and `label` are needed; without synonyms or qualifications, only those two name the concept.
    public init(
        key: String, label: String, synonyms: [String] = [], qualifications: [String] = [], broader: [String] = [],
        related: [String] = [], impliedByInterpreting: Bool = false
    ) {
        self.key = key
        self.label = label
        self.synonyms = synonyms
        self.qualifications = qualifications
        self.broader = broader
        self.related = related
        self.impliedByInterpreting = impliedByInterpreting
    }
}

/// How a skill someone holds stands to the skill asked for; search and matching rank in this
/// order, best first.
public enum SkillMatchKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// The skill by its own name (`Accountancy` for accountancy).
    case exact
    /// The skill by another name or a qualification that implies it (`ACCA qualified`).
    case synonym
    /// A more specific skill (`Solicitor` for legal advice; `Tax returns` for accountancy).
    case narrower
    /// A neighbouring skill (`Bookkeeping` for accountancy): shown, never taken as the skill itself.
    case related

    /// How much it weighs in ranking.
    public var weight: Double {
        switch self {
        case .exact: 4
        case .synonym: 3
        case .narrower: 2
        case .related: 1
        }
    }

    /// Whether it meets a need that requires the skill: related skills do not.
    public var meetsRequirement: Bool { self != .related }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.weight < rhs.weight }
}

/// A taxonomy skill found in what someone wrote, and how it was named.
public struct SkillMapping: Sendable, Hashable, Codable {
    /// The concept's key.
    public var concept: String
    /// `exact` when named by its label or key, `synonym` by a synonym or qualification.
    public var kind: SkillMatchKind

    /// Made by the taxonomy as it indexes its concepts, which gives only `exact` or `synonym` as `kind`.
    public init(concept: String, kind: SkillMatchKind) {
        self.concept = concept
        self.kind = kind
    }
}
