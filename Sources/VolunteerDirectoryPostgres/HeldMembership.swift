import VolunteerDirectory

/// A membership as the table holds it: its role and date (as text), which an import compares with
/// what a record says before asking the database to change anything.
struct HeldMembership: Equatable {
    var role: String?
    var since: String?
}

/// Whose membership of which network.
struct MembershipKey: Hashable {
    var volunteer: VolunteerID
    var network: NetworkID
}
