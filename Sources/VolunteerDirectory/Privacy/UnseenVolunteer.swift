import Foundation

/// Someone no roster or feed has listed for a while: a candidate for erasure under the retention rules.
public struct UnseenVolunteer: Sendable, Hashable, Codable {
    /// The volunteer's id.
    public var id: VolunteerID
    /// Their name.
    public var name: String
    /// The networks they still belong to.
    public var networks: [String]
    /// When an import last listed them; `nil` when no import ever did (held from before voldir kept it).
    public var lastSeen: Date?

    /// A row of ``RetentionStore/notSeen(since:)``; `lastSeen` is `nil` when no import ever listed them.
    public init(id: VolunteerID, name: String, networks: [String], lastSeen: Date?) {
        self.id = id
        self.name = name
        self.networks = networks
        self.lastSeen = lastSeen
    }
}
