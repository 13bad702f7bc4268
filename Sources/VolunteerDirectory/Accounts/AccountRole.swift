/// What a web app account may do. Enforced by the server on every page and API route.
public enum AccountRole: String, Sendable, Codable, CaseIterable, Comparable {
    /// A partner organisation (a hospital, a school): sees only what `--audience partner` shows
    /// (no contact details, nobody who did not agree to be shared with partners) and only its own
    /// organisation's needs and matching results. Cannot import or edit.
    case partner
    /// The partnership's coordinators: volunteers, needs, imports and matching.
    case coordinator
    /// Everything a coordinator does, and the accounts.
    case admin

    /// Whether this role may do what `other` may: admin > coordinator > partner.
    public static func < (lhs: AccountRole, rhs: AccountRole) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .partner: 0
        case .coordinator: 1
        case .admin: 2
        }
    }
}
