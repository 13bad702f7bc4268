import Foundation

/// A person who signs in to the web app.
public struct Account: Sendable, Hashable, Codable {
    /// The name they sign in with; unique, compared ignoring case.
    public var name: String
    /// What they may do.
    public var role: AccountRole
    /// For a partner, the organisation whose needs they see (compared as a matching key with a
    /// need's partner). `nil` for coordinators and admins.
    public var partner: String?
    /// The password's bcrypt hash (never the password).
    public var passwordHash: String
    /// Whether they must choose a new password before anything else: set for a password someone
    /// else chose (the demo's first admin, an account an admin created).
    public var mustChangePassword: Bool
    /// When the account was made.
    public var created: Date

    /// Checks nothing (`AccountService` checks the name, role and partner); `created` defaults to now.
    public init(
        name: String, role: AccountRole, partner: String? = nil, passwordHash: String,
        mustChangePassword: Bool = false, created: Date = Date()
    ) {
        self.name = name
        self.role = role
        self.partner = partner
        self.passwordHash = passwordHash
        self.mustChangePassword = mustChangePassword
        self.created = created
    }

    /// The longest account name.
    public static let maximumNameLength = 64

    /// Why `name` cannot name an account, or `nil` when it can: 1 to 64 letters, digits, dots,
    /// hyphens, underscores or `@`, so that it is safe in a URL and a log line.
    public static func problem(withName name: String) -> String? {
        if name.isEmpty { return "an account needs a name" }
        if name.count > maximumNameLength { return "an account name has at most \(maximumNameLength) characters" }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-_@"))
        if name.unicodeScalars.contains(where: { !allowed.contains($0) }) {
            return "an account name has only letters, digits, '.', '-', '_' and '@'"
        }
        return nil
    }
}

/// A signed-in browser: the server keeps only the SHA-256 of the token the cookie carries, so a
/// copy of the directory does not sign anyone in.
public struct WebSession: Sendable, Hashable {
    /// SHA-256 of the cookie's token, lower-case hex.
    public var tokenHash: String
    /// Whose session it is.
    public var account: String
    /// The token every form and state-changing request must carry (CSRF).
    public var csrfToken: String
    /// When it was started.
    public var created: Date
    /// When it stops being accepted.
    public var expires: Date

    /// A session as the store keeps it: `tokenHash` is the token's SHA-256 in lower-case hex, never the token.
    public init(tokenHash: String, account: String, csrfToken: String, created: Date, expires: Date) {
        self.tokenHash = tokenHash
        self.account = account
        self.csrfToken = csrfToken
        self.created = created
        self.expires = expires
    }
}
