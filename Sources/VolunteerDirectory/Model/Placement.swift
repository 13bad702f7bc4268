import Foundation

/// A volunteer proposed for, or placed on, a need.
public struct Placement: Sendable, Hashable, Codable, Identifiable {
    /// Where a placement stands.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Proposed by `voldir match --save`, not yet decided.
        case proposed
        /// Agreed: counts for fairness and against capacity from now on.
        case confirmed
        /// Turned down.
        case declined
    }

    /// The placement's id, as `voldir placements confirm` takes it.
    public var id: Int64
    /// The need's id.
    public var need: String
    /// The volunteer's id.
    public var volunteer: VolunteerID
    /// The volunteer's name, for listing.
    public var volunteerName: String
    /// The score when proposed.
    public var score: Double
    /// Where it stands.
    public var status: Status
    /// When it was proposed.
    public var proposedAt: Date
    /// When it was confirmed or declined.
    public var decidedAt: Date?

    /// A placement as the store holds it; leave `decidedAt` out (`nil`) while it is still proposed.
    public init(
        id: Int64, need: String, volunteer: VolunteerID, volunteerName: String, score: Double, status: Status,
        proposedAt: Date,
        decidedAt: Date? = nil
    ) {
        self.id = id
        self.need = need
        self.volunteer = volunteer
        self.volunteerName = volunteerName
        self.score = score
        self.status = status
        self.proposedAt = proposedAt
        self.decidedAt = decidedAt
    }
}
