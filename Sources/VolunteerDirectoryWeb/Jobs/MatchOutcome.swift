import Foundation
import VolunteerDirectory

/// A finished matching run as the web app keeps it: the report for the audience that ran it, and
/// the placements its proposals were recorded as (coordinators' runs only).
struct MatchOutcome: Sendable {
    var report: MatchReport
    /// Recorded proposals by need and volunteer.
    var placements: [PlacementKey: Int64]

    struct PlacementKey: Hashable, Sendable {
        var need: String
        var volunteer: VolunteerID
    }
}
