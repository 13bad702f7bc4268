import Foundation
import GRDB
import VolunteerDirectory

/// The web app's accounts and sessions, through GRDB's async reads and writes.
extension SQLiteDirectoryStore: AccountStore {
    public func accounts() async throws -> [Account] {
        try await reader.read { db in try Row.fetchAll(db, sql: "SELECT * FROM account ORDER BY name").map(Self.account)
        }
    }

    public func account(named name: String) async throws -> Account? {
        try await reader.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM account WHERE name = ?", arguments: [name]).map(Self.account)
        }
    }

    public func addAccount(_ account: Account) async throws {
        try await writeAsync { db in
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [account.name]) == nil
            else {
                throw AccountError.exists(account.name)
            }
            try db.execute(
                sql: """
                    INSERT INTO account (name, role, partner, password_hash, must_change_password, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    account.name, account.role.rawValue, account.partner, account.passwordHash,
                    account.mustChangePassword, account.created,
                ])
        }
    }

    public func removeAccount(named name: String) async throws -> Bool {
        try await writeAsync { db in
            try db.execute(sql: "DELETE FROM account WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    public func setPassword(of name: String, hash: String, mustChange: Bool, keeping session: String?) async throws {
        try await writeAsync { db in
            try db.execute(
                sql: "UPDATE account SET password_hash = ?, must_change_password = ? WHERE name = ?",
                arguments: [hash, mustChange, name])
            guard db.changesCount > 0 else { throw AccountError.noSuchAccount(name) }
            try db.execute(
                sql: "DELETE FROM web_session WHERE account = ? COLLATE NOCASE AND token_hash IS NOT ?",
                arguments: [name, session])
        }
    }

    public func startSession(_ session: WebSession) async throws {
        try await writeAsync { db in
            // Expired sessions go whenever a new one starts: the table holds only live ones.
            try db.execute(sql: "DELETE FROM web_session WHERE expires_at <= ?", arguments: [session.created])
            try db.execute(
                sql: """
                    INSERT INTO web_session (token_hash, account, csrf_token, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [session.tokenHash, session.account, session.csrfToken, session.created, session.expires])
        }
    }

    public func session(tokenHash: String, at now: Date) async throws -> WebSession? {
        try await reader.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT * FROM web_session WHERE token_hash = ? AND expires_at > ?",
                arguments: [tokenHash, now]
            ).map { row in
                WebSession(
                    tokenHash: row["token_hash"], account: row["account"], csrfToken: row["csrf_token"],
                    created: row["created_at"], expires: row["expires_at"])
            }
        }
    }

    public func signedIn(tokenHash: String, at now: Date) async throws -> (session: WebSession, account: Account)? {
        try await reader.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.token_hash, s.account AS session_account, s.csrf_token, s.created_at AS session_created,
                          s.expires_at, a.*
                        FROM web_session s JOIN account a ON a.name = s.account COLLATE NOCASE
                        WHERE s.token_hash = ? AND s.expires_at > ?
                        """, arguments: [tokenHash, now])
            else { return nil }
            let session = WebSession(
                tokenHash: row["token_hash"], account: row["session_account"], csrfToken: row["csrf_token"],
                created: row["session_created"], expires: row["expires_at"])
            return (session, Self.account(row))
        }
    }

    public func endSession(tokenHash: String) async throws {
        try await writeAsync { db in
            try db.execute(sql: "DELETE FROM web_session WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    public func recordSignInFailure(key: String, at now: Date, since: Date) async throws -> Int {
        try await writeAsync { db in
            try db.execute(sql: "DELETE FROM sign_in_failure WHERE at < ?", arguments: [since])
            try db.execute(sql: "INSERT INTO sign_in_failure (key, at) VALUES (?, ?)", arguments: [key, now])
            return try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM sign_in_failure WHERE key = ? AND at >= ?", arguments: [key, since]) ?? 0
        }
    }

    public func signInFailures(key: String, since: Date) async throws -> Int {
        try await reader.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM sign_in_failure WHERE key = ? AND at >= ?", arguments: [key, since]) ?? 0
        }
    }

    public func clearSignInFailures(key: String) async throws {
        try await writeAsync { db in
            try db.execute(sql: "DELETE FROM sign_in_failure WHERE key = ?", arguments: [key])
        }
    }

    /// One write transaction through GRDB's async API, with the same errors a person can act on
    /// as the synchronous writes (``actionable(_:)``).
    func writeAsync<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        guard openedFor == .writing else { throw StoreError.openedForReading(path: writer.path) }
        do {
            return try await writer.write(work)
        } catch let error as DatabaseError {
            throw actionable(error)
        }
    }

    static func account(_ row: Row) -> Account {
        Account(
            name: row["name"], role: AccountRole(rawValue: row["role"]) ?? .partner, partner: row["partner"],
            passwordHash: row["password_hash"], mustChangePassword: row["must_change_password"],
            created: row["created_at"])
    }
}
