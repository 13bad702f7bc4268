import Foundation

/// Where the web app's accounts, sessions and sign-in failures are kept: in the directory, so
/// that several servers sharing one directory share them, and a restart signs no one out.
public protocol AccountStore: Sendable {
    /// Every account, by name.
    func accounts() async throws -> [Account]
    /// The account with this name (compared ignoring case).
    func account(named name: String) async throws -> Account?
    /// Adds an account; throws ``AccountError/exists(_:)`` when the name is taken.
    func addAccount(_ account: Account) async throws
    /// Removes an account and ends its sessions; `false` when there was none.
    func removeAccount(named name: String) async throws -> Bool
    /// Replaces an account's password hash and ends its other sessions.
    func setPassword(of name: String, hash: String, mustChange: Bool, keeping session: String?) async throws

    /// Records a new session.
    func startSession(_ session: WebSession) async throws
    /// The session with this token hash, when it has not expired by `now`.
    func session(tokenHash: String, at now: Date) async throws -> WebSession?
    /// Ends one session.
    func endSession(tokenHash: String) async throws
    /// The live session with this token hash and its account, in one read: what every request
    /// asks first.
    func signedIn(tokenHash: String, at now: Date) async throws -> (session: WebSession, account: Account)?

    /// Records a failed sign-in for `key` (an account name) and returns how many failures `key`
    /// has had since `since`. Older failures are forgotten.
    func recordSignInFailure(key: String, at now: Date, since: Date) async throws -> Int
    /// How many failures `key` has had since `since`.
    func signInFailures(key: String, since: Date) async throws -> Int
    /// Forgets `key`'s failures, after a successful sign-in.
    func clearSignInFailures(key: String) async throws
}

extension AccountStore {
    /// The session, then its account: two reads, for a store with nothing better.
    public func signedIn(tokenHash: String, at now: Date) async throws -> (session: WebSession, account: Account)? {
        guard let session = try await session(tokenHash: tokenHash, at: now),
            let account = try await account(named: session.account)
        else { return nil }
        return (session, account)
    }
}

/// Why an account could not be changed.
public enum AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name is taken.
    case exists(String)
    /// No account has this name.
    case noSuchAccount(String)
    /// The name cannot be used.
    case badName(String, reason: String)
    /// A partner account names no organisation, or another role names one.
    case partnerMismatch(String)

    public var description: String {
        switch self {
        case .exists(let name): "there is already an account named '\(name)'"
        case .noSuchAccount(let name): "there is no account named '\(name)'; 'voldir users list' lists them"
        case .badName(let name, let reason): "'\(name)' cannot name an account: \(reason)"
        case .partnerMismatch(let reason): reason
        }
    }
}
