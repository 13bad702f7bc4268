import Foundation
import PostgresNIO
import VolunteerDirectory

/// The web app's accounts, sessions and sign-in failures, in the database so that every app server
/// on it shares them and a restart signs no one out.
///
/// Account names and failure keys compare ignoring case (`lower(...)`, as the schema's indexes
/// are built). Each requirement is written once, synchronously, and its `async` face runs it on
/// NIO's blocking thread pool, so no event loop waits on the database.
extension PostgresDirectoryStore: AccountStore {
    public func accounts() async throws -> [Account] {
        try await AsyncPostgresDirectory.offloaded { [self] in try listAccounts() }
    }

    public func account(named name: String) async throws -> Account? {
        try await AsyncPostgresDirectory.offloaded { [self] in try findAccount(named: name) }
    }

    public func addAccount(_ account: Account) async throws {
        try await AsyncPostgresDirectory.offloaded { [self] in try insertAccount(account) }
    }

    public func removeAccount(named name: String) async throws -> Bool {
        try await AsyncPostgresDirectory.offloaded { [self] in try deleteAccount(named: name) }
    }

    public func setPassword(of name: String, hash: String, mustChange: Bool, keeping session: String?) async throws {
        try await AsyncPostgresDirectory.offloaded { [self] in
            try replacePassword(of: name, hash: hash, mustChange: mustChange, keeping: session)
        }
    }

    public func startSession(_ session: WebSession) async throws {
        try await AsyncPostgresDirectory.offloaded { [self] in try insertSession(session) }
    }

    public func session(tokenHash: String, at now: Date) async throws -> WebSession? {
        try await AsyncPostgresDirectory.offloaded { [self] in try liveSession(tokenHash: tokenHash, at: now) }
    }

    public func signedIn(tokenHash: String, at now: Date) async throws -> (session: WebSession, account: Account)? {
        let found = try await AsyncPostgresDirectory.offloaded { [self] in
            try liveSignedIn(tokenHash: tokenHash, at: now)
        }
        return found.map { ($0.session, $0.account) }
    }

    public func endSession(tokenHash: String) async throws {
        try await AsyncPostgresDirectory.offloaded { [self] in try deleteSession(tokenHash: tokenHash) }
    }

    public func recordSignInFailure(key: String, at now: Date, since: Date) async throws -> Int {
        try await AsyncPostgresDirectory.offloaded { [self] in try addSignInFailure(key: key, at: now, since: since) }
    }

    public func signInFailures(key: String, since: Date) async throws -> Int {
        try await AsyncPostgresDirectory.offloaded { [self] in try countSignInFailures(key: key, since: since) }
    }

    public func clearSignInFailures(key: String) async throws {
        try await AsyncPostgresDirectory.offloaded { [self] in try deleteSignInFailures(key: key) }
    }

    // MARK: - Synchronous

    /// Every account, by name ignoring case (as SQLite's `NOCASE` orders them).
    func listAccounts() throws -> [Account] {
        try connections.withConnection { connection in
            try connection.run(
                "SELECT \(unescaped: Self.accountColumns) FROM account ORDER BY lower(name) COLLATE \"C\", name"
            )
            .map(Self.account)
        }
    }

    /// The account named `name`, ignoring case.
    func findAccount(named name: String) throws -> Account? {
        try connections.withConnection { connection in
            try connection.run(
                "SELECT \(unescaped: Self.accountColumns) FROM account WHERE lower(name) = lower(\(name))"
            )
            .first.map(Self.account)
        }
    }

    /// Adds `account`, or throws ``AccountError/exists(_:)`` when its name (ignoring case) is taken,
    /// also by an account added at the same moment on another server (the unique index decides).
    func insertAccount(_ account: Account) throws {
        let added = try connections.withConnection { connection in
            try connection.run(
                """
                INSERT INTO account (name, role, partner, password_hash, must_change_password, created_at)
                VALUES (\(account.name), \(account.role.rawValue), \(account.partner), \(account.passwordHash),
                  \(account.mustChangePassword ? 1 : 0 as Int64), \(account.created))
                ON CONFLICT DO NOTHING RETURNING 1
                """
            ).first != nil
        }
        if !added { throw AccountError.exists(account.name) }
    }

    /// Removes the account named `name` (ignoring case); its sessions go with it (`ON DELETE CASCADE`).
    func deleteAccount(named name: String) throws -> Bool {
        try connections.withConnection { connection in
            try connection.run("DELETE FROM account WHERE lower(name) = lower(\(name)) RETURNING 1").first != nil
        }
    }

    /// Replaces the password hash and ends the account's sessions but `session`: one statement, so
    /// no request signs in between with the old password's session.
    func replacePassword(of name: String, hash: String, mustChange: Bool, keeping session: String?) throws {
        let changed = try connections.withConnection { connection in
            try connection.run(
                """
                WITH changed AS (
                  UPDATE account SET password_hash = \(hash), must_change_password = \(mustChange ? 1 : 0 as Int64)
                  WHERE lower(name) = lower(\(name)) RETURNING name
                ), ended AS (
                  DELETE FROM web_session s USING changed c
                  WHERE s.account = c.name AND s.token_hash IS DISTINCT FROM \(session)
                )
                SELECT count(*) FROM changed
                """
            ).first?.decode(Int64.self) ?? 0
        }
        if changed == 0 { throw AccountError.noSuchAccount(name) }
    }

    /// Records `session`, forgetting the expired ones meanwhile (the table holds only live
    /// sessions). The session names its account as the account is written, whatever the case of
    /// `session.account`; an account that does not exist fails the foreign key.
    func insertSession(_ session: WebSession) throws {
        try connections.withConnection { connection in
            try connection.run(
                """
                WITH expired AS (DELETE FROM web_session WHERE expires_at <= \(session.created))
                INSERT INTO web_session (token_hash, account, csrf_token, created_at, expires_at)
                VALUES (\(session.tokenHash),
                  COALESCE((SELECT name FROM account WHERE lower(name) = lower(\(session.account))), \(session.account)),
                  \(session.csrfToken), \(session.created), \(session.expires))
                """)
        }
    }

    /// The session with this token hash, when it has not expired by `now`.
    func liveSession(tokenHash: String, at now: Date) throws -> WebSession? {
        try connections.withConnection { connection in
            try connection.run(
                """
                SELECT token_hash, account, csrf_token, created_at, expires_at FROM web_session
                WHERE token_hash = \(tokenHash) AND expires_at > \(now)
                """
            ).first.map { row in
                let (token, account, csrf, created, expires) = try row.decode((String, String, String, Date, Date).self)
                return WebSession(
                    tokenHash: token, account: account, csrfToken: csrf, created: created, expires: expires)
            }
        }
    }

    /// The live session and its account in one query: what every web request asks first.
    func liveSignedIn(tokenHash: String, at now: Date) throws -> SignedIn? {
        var binds = PostgresBindings()
        binds.append(tokenHash)
        binds.append(now)
        return try connections.withConnection { connection in
            try connection.run(Prepared<LiveSession>(binds)).first.map { row in
                let (token, account, csrf, created, expires, name, role, partner, password, mustChange, since) =
                    try row.decode(
                        (String, String, String, Date, Date, String, String, String?, String, Int64, Date).self)
                return SignedIn(
                    session: WebSession(
                        tokenHash: token, account: account, csrfToken: csrf, created: created, expires: expires),
                    account: Self.account(
                        name: name, role: role, partner: partner, passwordHash: password, mustChange: mustChange,
                        created: since))
            }
        }
    }

    /// Ends one session.
    func deleteSession(tokenHash: String) throws {
        try connections.withConnection { connection in
            try connection.run("DELETE FROM web_session WHERE token_hash = \(tokenHash)")
        }
    }

    /// Records a failure for `key` and counts its failures since `since`, forgetting older ones: one
    /// statement. Its count reads the table as it was when the statement began, so the new failure
    /// is added to it (when it falls in the window); the failures it forgets fall outside it.
    func addSignInFailure(key: String, at now: Date, since: Date) throws -> Int {
        try connections.withConnection { connection in
            try connection.run(
                """
                WITH forgotten AS (DELETE FROM sign_in_failure WHERE at < \(since)),
                added AS (INSERT INTO sign_in_failure (key, at) VALUES (\(key), \(now)))
                SELECT count(*) + CASE WHEN \(now) >= \(since) THEN 1 ELSE 0 END FROM sign_in_failure
                WHERE lower(key) = lower(\(key)) AND at >= \(since)
                """
            ).first.map { Int(try $0.decode(Int64.self)) } ?? 0
        }
    }

    /// How many failures `key` (ignoring case) has had since `since`.
    func countSignInFailures(key: String, since: Date) throws -> Int {
        try connections.withConnection { connection in
            try connection.run(
                "SELECT count(*) FROM sign_in_failure WHERE lower(key) = lower(\(key)) AND at >= \(since)"
            ).first.map { Int(try $0.decode(Int64.self)) } ?? 0
        }
    }

    /// Forgets `key`'s failures (ignoring case).
    func deleteSignInFailures(key: String) throws {
        try connections.withConnection { connection in
            try connection.run("DELETE FROM sign_in_failure WHERE lower(key) = lower(\(key))")
        }
    }

    // MARK: - Rows

    /// A session and its account, as one value that crosses to the thread pool and back.
    struct SignedIn: Sendable {
        var session: WebSession
        var account: Account
    }

    /// The `account` columns ``account(_:)`` reads, in its order.
    static let accountColumns = "name, role, partner, password_hash, must_change_password, created_at"

    static func account(_ row: PostgresRow) throws -> Account {
        let (name, role, partner, password, mustChange, created) = try row.decode(
            (String, String, String?, String, Int64, Date).self)
        return account(
            name: name, role: role, partner: partner, passwordHash: password, mustChange: mustChange, created: created)
    }

    static func account(
        name: String, role: String, partner: String?, passwordHash: String, mustChange: Int64, created: Date
    ) -> Account {
        Account(
            name: name, role: AccountRole(rawValue: role) ?? .partner, partner: partner, passwordHash: passwordHash,
            mustChangePassword: mustChange != 0, created: created)
    }
}

/// The live session of a token and its account: what every web request asks first.
private enum LiveSession: PreparedText {
    static let name = "voldir_live_session"
    static let sql = """
        SELECT s.token_hash, s.account, s.csrf_token, s.created_at, s.expires_at,
          a.name, a.role, a.partner, a.password_hash, a.must_change_password, a.created_at
        FROM web_session s JOIN account a ON a.name = s.account
        WHERE s.token_hash = $1 AND s.expires_at > $2
        """
    static let parameterTypes: [PostgresDataType] = [.text, .timestamptz]
}
