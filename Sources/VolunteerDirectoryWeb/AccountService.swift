import Foundation
import VolunteerDirectory

/// Adds, lists and removes web app accounts: what `voldir users` and the admin page share.
public struct AccountService: Sendable {
    /// Where accounts are kept.
    public let accounts: any AccountStore
    /// The bcrypt cost new passwords are hashed with.
    public let bcryptCost: UInt8

    /// `bcryptCost` defaults to 12; it sets the cost of the hashes this service makes, not of those already stored.
    public init(accounts: any AccountStore, bcryptCost: UInt8 = 12) {
        self.accounts = accounts
        self.bcryptCost = bcryptCost
    }

    /// Adds an account after checking its name, password and partner organisation; the password
    /// is kept only as its bcrypt hash.
    @discardableResult
    public func add(
        name: String, role: AccountRole, partner: String?, password: String, mustChangePassword: Bool = false
    ) async throws -> Account {
        if let reason = Account.problem(withName: name) { throw AccountError.badName(name, reason: reason) }
        let organisation = partner?.trimmingCharacters(in: .whitespacesAndNewlines)
        switch (role, organisation?.isEmpty ?? true) {
        case (.partner, true):
            throw AccountError.partnerMismatch(
                "a partner account needs its organisation (--partner \"Stepping Hill Hospital\"), as its needs name it")
        case (.admin, false), (.coordinator, false):
            throw AccountError.partnerMismatch(
                "only a partner account names an organisation; \(role.rawValue)s see every partner's needs")
        default:
            break
        }
        if let reason = Passwords.problem(with: password) { throw PasswordError(reason: reason) }
        let account = Account(
            name: name, role: role, partner: role == .partner ? organisation : nil,
            passwordHash: try await Passwords.hash(password, cost: bcryptCost), mustChangePassword: mustChangePassword)
        try await accounts.addAccount(account)
        return account
    }

    /// A password that cannot be used.
    public struct PasswordError: Error, CustomStringConvertible {
        /// Why.
        public var reason: String
        public var description: String { reason }
    }
}
