/// A partner's request for volunteers.
public struct Need: Sendable, Hashable, Codable {
    /// The id as the source gave it (`OPP-77`, `N-12`).
    public var id: String
    /// Who asked.
    public var partner: String
    /// What the work is, in a few words.
    public var title: String
    /// More about the work.
    public var description: String?
    /// Skills wanted, each required or preferred.
    public var skills: [SkillRequirement]
    /// Languages wanted, each required or preferred, with a minimum proficiency.
    public var languages: [LanguageRequirement]
    /// Where the work is.
    public var postcode: String?
    /// The ward or neighbourhood of the work.
    public var area: String?
    /// When the work is; empty means any time.
    public var slots: [Slot]
    /// How many volunteers are wanted.
    public var places: Int
    /// The lowest DBS level a volunteer must hold.
    public var minimumDBS: DBSLevel?
    /// When the source last changed it.
    public var updated: CalendarDate?
    /// The need held from another source that this one looks like (same partner and title,
    /// overlapping requirements), when the import flagged it: only that one is matched until
    /// `voldir needs merge` keeps one of the two. Set by the directory, never by an importer.
    public var duplicateOf: String?
    /// When a coordinator closed the need (from the web app): a closed need is kept, listed as
    /// closed and no longer matched. Set by the directory, never by an importer; an import that
    /// brings the need again leaves it closed.
    public var closed: CalendarDate?

    /// As an importer gives it: `places` defaults to 1; `duplicateOf` and `closed` start unset, the directory's to set.
    public init(
        id: String, partner: String, title: String, description: String? = nil, skills: [SkillRequirement] = [],
        languages: [LanguageRequirement] = [], postcode: String? = nil, area: String? = nil, slots: [Slot] = [],
        places: Int = 1, minimumDBS: DBSLevel? = nil, updated: CalendarDate? = nil
    ) {
        self.id = id
        self.partner = partner
        self.title = title
        self.description = description
        self.skills = skills
        self.languages = languages
        self.postcode = postcode
        self.area = area
        self.slots = slots
        self.places = places
        self.minimumDBS = minimumDBS
        self.updated = updated
    }

    /// The skills without which the need cannot be met.
    public var requiredSkills: [Skill] { skills.filter(\.isRequired).map(\.skill) }
    /// Whether this need and `other` are likely the same request from two sources: the same
    /// partner and title (compared as matching keys) and overlapping requirements, that is no
    /// kind of requirement (skills, languages) on which both ask for something and share nothing.
    /// "Reading support" asking for Polish speakers and "Reading support" asking for Urdu
    /// speakers are two needs.
    public func isLikelySame(as other: Need) -> Bool {
        guard partner.matchingKey == other.partner.matchingKey, title.matchingKey == other.title.matchingKey else {
            return false
        }
        func overlap(_ mine: Set<String>, _ theirs: Set<String>) -> Bool {
            mine.isEmpty || theirs.isEmpty || !mine.isDisjoint(with: theirs)
        }
        return overlap(requiredSkillKeys, other.requiredSkillKeys)
            && overlap(requiredLanguageKeys, other.requiredLanguageKeys)
    }

    /// The required skills by ``Skill/key``.
    private var requiredSkillKeys: Set<String> { Set(skills.filter(\.isRequired).map(\.skill.key)) }
    /// The required languages by code, or by written key when not understood.
    private var requiredLanguageKeys: Set<String> {
        Set(languages.filter(\.isRequired).map { $0.language.code ?? $0.language.written.matchingKey })
    }

    /// The skills that are welcome but not needed.
    public var preferredSkills: [Skill] { skills.filter { !$0.isRequired }.map(\.skill) }
}
