/// The directory's id for a volunteer: one per person, however many sources list them.
public typealias VolunteerID = Int64

/// The directory's id for a network.
public typealias NetworkID = Int64

/// A person in the directory: what every source said of them, merged.
public struct Volunteer: Sendable, Hashable, Codable, Identifiable {
    /// The directory's id, as `voldir show` takes it.
    public var id: VolunteerID
    /// The name to show.
    public var name: String
    /// An email address.
    public var email: String?
    /// A telephone number as written.
    public var phone: String?
    /// A postcode.
    public var postcode: String?
    /// A ward or neighbourhood.
    public var area: String?
    /// The age band.
    public var ageBand: AgeBand?
    /// Skills from every source.
    public var skills: [Skill]
    /// Languages from every source.
    public var languages: [SpokenLanguage]
    /// When they can help.
    public var availability: [Slot]
    /// The highest DBS check any source reported.
    public var dbs: DBSCheck?
    /// Consent as the sources agree it: contact only when none said no.
    public var consent: Consent
    /// Free-text notes.
    public var notes: String?
    /// The networks they belong to.
    public var memberships: [Membership]
    /// Whether any source lists them now. Someone every roster has let go stays held, with no
    /// skills, languages or memberships from those rosters, until the retention rules remove them.
    public var isListed: Bool

    /// The merged person as a store loads them: only `id` and `name` are needed, and `isListed` defaults to true.
    public init(
        id: VolunteerID, name: String, email: String? = nil, phone: String? = nil, postcode: String? = nil,
        area: String? = nil, ageBand: AgeBand? = nil, skills: [Skill] = [], languages: [SpokenLanguage] = [],
        availability: [Slot] = [], dbs: DBSCheck? = nil, consent: Consent = Consent(), notes: String? = nil,
        memberships: [Membership] = [], isListed: Bool = true
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.postcode = postcode
        self.area = area
        self.ageBand = ageBand
        self.skills = skills
        self.languages = languages
        self.availability = availability
        self.dbs = dbs
        self.consent = consent
        self.notes = notes
        self.memberships = memberships
        self.isListed = isListed
    }
}

/// A volunteer's place in a network.
public struct Membership: Sendable, Hashable, Codable {
    /// The network's id.
    public var networkID: NetworkID
    /// The network's name.
    public var networkName: String
    /// Their role.
    public var role: String?
    /// Since when.
    public var since: CalendarDate?

    /// A membership as a store loads it; `role` and `since` are `nil` when no source gave them.
    public init(networkID: NetworkID, networkName: String, role: String? = nil, since: CalendarDate? = nil) {
        self.networkID = networkID
        self.networkName = networkName
        self.role = role
        self.since = since
    }
}

/// A community network in the directory.
public struct Network: Sendable, Hashable, Codable, Identifiable {
    /// The directory's id.
    public var id: NetworkID
    /// The source's id, when a feed gave one.
    public var externalID: String?
    /// The display name.
    public var name: String
    /// What kind of network.
    public var kind: String?
    /// Wards or neighbourhoods served.
    public var areas: [String]
    /// How to reach it.
    public var contact: ContactDetails?
    /// How many volunteers belong to it.
    public var memberCount: Int

    /// Only `id` and `name` are needed; `memberCount` defaults to 0 and is not counted here.
    public init(
        id: NetworkID, externalID: String? = nil, name: String, kind: String? = nil, areas: [String] = [],
        contact: ContactDetails? = nil, memberCount: Int = 0
    ) {
        self.id = id
        self.externalID = externalID
        self.name = name
        self.kind = kind
        self.areas = areas
        self.contact = contact
        self.memberCount = memberCount
    }
}
