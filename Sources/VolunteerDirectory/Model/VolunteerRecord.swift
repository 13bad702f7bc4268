/// One source's account of a volunteer, as an importer read it: a roster row or a feed element.
///
/// The directory merges the records of the same person from several sources into one
/// ``Volunteer`` (same email ignoring case, or same phone in E.164).
public struct VolunteerRecord: Sendable, Hashable, Codable {
    /// The namespace in which ``externalID`` is stable: a network's roster, or a feed's source.
    public var source: String
    /// The source's own id for the person, when it has one (`VOL-1001`, a roster's `ref`).
    public var externalID: String?
    /// The full name as it should be shown.
    public var name: String
    /// An email address.
    public var email: String?
    /// A telephone number as written.
    public var phone: String?
    /// A postcode as written.
    public var postcode: String?
    /// A ward or neighbourhood.
    public var area: String?
    /// The age band.
    public var ageBand: AgeBand?
    /// Skills and qualifications.
    public var skills: [Skill]
    /// Languages used.
    public var languages: [SpokenLanguage]
    /// When the person can help.
    public var availability: [Slot]
    /// Their DBS check.
    public var dbs: DBSCheck?
    /// What they agreed to.
    public var consent: Consent
    /// Free-text notes.
    public var notes: String?
    /// Networks the source lists the person in.
    public var memberships: [MembershipRecord]
    /// When the source last changed the record.
    public var updated: CalendarDate?

    /// Creates a record; only the source and the name are required.
    public init(
        source: String, externalID: String? = nil, name: String, email: String? = nil, phone: String? = nil,
        postcode: String? = nil, area: String? = nil, ageBand: AgeBand? = nil, skills: [Skill] = [],
        languages: [SpokenLanguage] = [], availability: [Slot] = [], dbs: DBSCheck? = nil,
        consent: Consent = Consent(), notes: String? = nil, memberships: [MembershipRecord] = [],
        updated: CalendarDate? = nil
    ) {
        self.source = source
        self.externalID = externalID
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
        self.updated = updated
    }
}

/// A way of naming a network: by the source's id, by name, or both.
public struct NetworkReference: Sendable, Hashable, Codable {
    /// The source's stable id for the network (`NET-0042`).
    public var externalID: String?
    /// The network's name.
    public var name: String?

    /// Creates a reference; at least one part should be given.
    public init(externalID: String? = nil, name: String? = nil) {
        self.externalID = externalID
        self.name = name
    }
}

/// A volunteer's membership of a network, as a source records it.
public struct MembershipRecord: Sendable, Hashable, Codable {
    /// The network.
    public var network: NetworkReference
    /// Their role in it (`coordinator`).
    public var role: String?
    /// Since when.
    public var since: CalendarDate?

    /// The network as the source named it (id, name or both); `role` and `since` when the source gave them.
    public init(network: NetworkReference, role: String? = nil, since: CalendarDate? = nil) {
        self.network = network
        self.role = role
        self.since = since
    }
}

/// A network's own list naming one of its members by the source's volunteer id.
public struct MemberReference: Sendable, Hashable, Codable {
    /// The volunteer's id in the same source (this feed or an earlier one).
    public var volunteerRef: String
    /// Their role.
    public var role: String?
    /// Since when.
    public var since: CalendarDate?

    /// `volunteerRef` is the volunteer's id in the same source, as this feed or an earlier one gave it.
    public init(volunteerRef: String, role: String? = nil, since: CalendarDate? = nil) {
        self.volunteerRef = volunteerRef
        self.role = role
        self.since = since
    }
}

/// A network as a source describes it.
public struct NetworkRecord: Sendable, Hashable, Codable {
    /// The namespace in which ``externalID`` and member references are stable.
    public var source: String
    /// The source's stable id.
    public var externalID: String?
    /// The display name.
    public var name: String
    /// What kind of network (`faith`, `ethnic-community`, ...): free text.
    public var kind: String?
    /// Wards or neighbourhoods served.
    public var areas: [String]
    /// How to reach the network.
    public var contact: ContactDetails?
    /// Members named by volunteer id.
    public var members: [MemberReference]
    /// When the source last changed it.
    public var updated: CalendarDate?

    /// Only `source` and `name` are needed; `members` name volunteers by their ids within the same `source`.
    public init(
        source: String, externalID: String? = nil, name: String, kind: String? = nil, areas: [String] = [],
        contact: ContactDetails? = nil, members: [MemberReference] = [], updated: CalendarDate? = nil
    ) {
        self.source = source
        self.externalID = externalID
        self.name = name
        self.kind = kind
        self.areas = areas
        self.contact = contact
        self.members = members
        self.updated = updated
    }
}

/// A source's instruction that everything held about a volunteer must be erased.
public struct Withdrawal: Sendable, Hashable, Codable {
    /// The namespace of ``volunteerRef``.
    public var source: String
    /// The volunteer's id in that source.
    public var volunteerRef: String
    /// When they withdrew.
    public var on: CalendarDate?

    /// `volunteerRef` is the person's id within `source`; `on` defaults to unknown.
    public init(source: String, volunteerRef: String, on: CalendarDate? = nil) {
        self.source = source
        self.volunteerRef = volunteerRef
        self.on = on
    }
}
