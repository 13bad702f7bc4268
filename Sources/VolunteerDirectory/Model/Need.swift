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

    /// Creates a need.
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
    /// The skills that are welcome but not needed.
    public var preferredSkills: [Skill] { skills.filter { !$0.isRequired }.map(\.skill) }
}
