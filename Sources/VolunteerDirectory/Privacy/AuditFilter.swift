import Foundation

/// Which audit entries to read: every filter given must hold.
public struct AuditFilter: Sendable, Hashable {
    /// Only entries at or after this moment.
    public var since: Date?
    /// Only entries about this person.
    public var person: VolunteerID?
    /// Only entries by this actor (exact).
    public var actor: String?

    /// Creates a filter; no filter reads the whole log.
    public init(since: Date? = nil, person: VolunteerID? = nil, actor: String? = nil) {
        self.since = since
        self.person = person
        self.actor = actor
    }
}
