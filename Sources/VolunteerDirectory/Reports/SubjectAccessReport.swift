import Foundation

/// Everything the directory holds about one person, for a subject-access request: the merged
/// profile, what each source said, consent as each recorded it, memberships, placements, and
/// the audit entries about them. ``json()`` gives it in full; ``html()`` in words a member of the
/// public can read.
public struct SubjectAccessReport: Sendable {
    /// The merged profile.
    public var volunteer: Volunteer
    /// What each source said.
    public var sources: [SourceListing]
    /// Their placements.
    public var placements: [Placement]
    /// Who viewed, exported, matched or changed them, and when.
    public var audit: [AuditEntry]
    /// When the report was made.
    public var madeAt: Date

    /// From what the store gave, as ``gather(_:from:)`` collects it; `madeAt` defaults to now.
    public init(
        volunteer: Volunteer, sources: [SourceListing], placements: [Placement], audit: [AuditEntry],
        madeAt: Date = Date()
    ) {
        self.volunteer = volunteer
        self.sources = sources
        self.placements = placements
        self.audit = audit
        self.madeAt = madeAt
    }

    /// Gathers the report for `id` from a store, or `nil` when no volunteer has that id.
    public static func gather(
        _ id: VolunteerID, from store: some DirectoryStore & SubjectAccessStore & AuditLog
    ) throws -> SubjectAccessReport? {
        guard let volunteer = try store.volunteer(id: id) else { return nil }
        return SubjectAccessReport(
            volunteer: volunteer, sources: try store.sourceListings(of: id),
            placements: try store.placements().filter { $0.volunteer == id },
            audit: try store.auditEntries(AuditFilter(person: id)))
    }

    // MARK: - JSON

    /// Consent as one source recorded it.
    struct ConsentJSON: Encodable {
        var source: String
        var contact: Bool?
        var share: String?
        var recorded: String?
    }

    struct JSON: Encodable {
        var volunteer: Presentation.VolunteerJSON
        var sources: [SourceListing]
        var consent: [ConsentJSON]
        var memberships: [Membership]
        var placements: [Placement]
        var audit: [AuditEntry]
    }

    /// The report in full: `volunteer` (as `voldir show --format json`), `sources`, `consent`,
    /// `memberships`, `placements`, `audit`.
    public func json() throws -> String {
        try Presentation.json(
            JSON(
                volunteer: Presentation.VolunteerJSON(volunteer), sources: sources,
                consent: sources.map {
                    ConsentJSON(
                        source: $0.source, contact: $0.consent.contact, share: $0.consent.share?.description,
                        recorded: $0.consent.recorded?.description)
                },
                memberships: volunteer.memberships, placements: placements, audit: audit))
    }
}
