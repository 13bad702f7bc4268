import Foundation
import VolunteerDirectory

/// The web app's accounts, sessions and sign-in failures. Names and failure keys compare as the
/// SQLite store's `COLLATE NOCASE` columns do: ignoring the case of ASCII letters.
extension InMemoryDirectoryStore: AccountStore {
    public func accounts() async throws -> [Account] {
        snapshot.accounts.sorted { $0.key < $1.key }.map(\.value)
    }

    public func account(named name: String) async throws -> Account? {
        snapshot.accounts[Self.caseless(name)]
    }

    public func addAccount(_ account: Account) async throws {
        try transaction { state in
            guard state.accounts[Self.caseless(account.name)] == nil else { throw AccountError.exists(account.name) }
            state.accounts[Self.caseless(account.name)] = account
        }
    }

    public func removeAccount(named name: String) async throws -> Bool {
        try transaction { state in
            guard state.accounts.removeValue(forKey: Self.caseless(name)) != nil else { return false }
            state.sessions = state.sessions.filter { Self.caseless($0.value.account) != Self.caseless(name) }
            return true
        }
    }

    public func setPassword(of name: String, hash: String, mustChange: Bool, keeping session: String?) async throws {
        try transaction { state in
            guard state.accounts[Self.caseless(name)] != nil else { throw AccountError.noSuchAccount(name) }
            state.accounts[Self.caseless(name)]?.passwordHash = hash
            state.accounts[Self.caseless(name)]?.mustChangePassword = mustChange
            state.sessions = state.sessions.filter {
                Self.caseless($0.value.account) != Self.caseless(name) || $0.key == session
            }
        }
    }

    public func startSession(_ session: WebSession) async throws {
        try transaction { state in
            guard state.accounts[Self.caseless(session.account)] != nil else {
                throw AccountError.noSuchAccount(session.account)
            }
            // Expired sessions go whenever a new one starts: only live ones are kept.
            state.sessions = state.sessions.filter { $0.value.expires > session.created }
            state.sessions[session.tokenHash] = session
        }
    }

    public func session(tokenHash: String, at now: Date) async throws -> WebSession? {
        snapshot.sessions[tokenHash].flatMap { $0.expires > now ? $0 : nil }
    }

    public func endSession(tokenHash: String) async throws {
        try transaction { state in state.sessions[tokenHash] = nil }
    }

    public func recordSignInFailure(key: String, at now: Date, since: Date) async throws -> Int {
        try transaction { state in
            state.signInFailures.removeAll { $0.at < since }
            state.signInFailures.append((key, now))
            return Self.failures(of: key, since: since, in: state)
        }
    }

    public func signInFailures(key: String, since: Date) async throws -> Int {
        Self.failures(of: key, since: since, in: snapshot)
    }

    public func clearSignInFailures(key: String) async throws {
        try transaction { state in state.signInFailures.removeAll { Self.caseless($0.key) == Self.caseless(key) } }
    }

    // MARK: - Helpers

    private static func failures(of key: String, since: Date, in state: MemoryState) -> Int {
        state.signInFailures.filter { Self.caseless($0.key) == Self.caseless(key) && $0.at >= since }.count
    }

    /// A name with its ASCII letters in lower case: how SQLite's `NOCASE` compares.
    static func caseless(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32) ?? $0 : $0 }))
    }
}
