import Foundation

/// Something to record in the audit log: who did what to which people.
public struct AuditEvent: Sendable, Hashable {
    /// Who: the operating-system user for the CLI, the account for the web app.
    public var actor: String
    /// What: the command or route (`search`, `show`, `import`, `forget`).
    public var action: String
    /// What it touched, in words: `3 volunteers`, `roster.csv`, `suppression 4`.
    public var target: String
    /// The people it concerned (ids returned or changed), for `voldir audit --person`.
    public var people: [VolunteerID]
    /// The filters asked and the counts. May name a person (a free-text search for a name), so
    /// erasing that person redacts it; the entry's hash keeps a digest of it.
    public var detail: String?
    /// From where: the address, for the web app; `nil` for the CLI.
    public var origin: String?

    /// `people`, `detail` and `origin` default to none; leave `origin` out for the CLI, which has no address.
    public init(
        actor: String, action: String, target: String, people: [VolunteerID] = [], detail: String? = nil,
        origin: String? = nil
    ) {
        self.actor = actor
        self.action = action
        self.target = target
        self.people = people
        self.detail = detail
        self.origin = origin
    }

    /// The operating-system user running this process: `$USER`, else the account name.
    public static var currentUser: String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? ""
        return user.isEmpty ? NSUserName() : user
    }
}
