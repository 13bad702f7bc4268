import GRDB

extension Schema {
    /// v11: the web app's accounts, sessions and sign-in failures, kept in the directory so that
    /// several servers on one directory share them and a restart signs no one out.
    static func registerAccounts(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11: web app accounts, sessions and sign-in failures") { db in
            // Sessions keep the SHA-256 of the cookie's token, never the token. A sign-in failure
            // is one row per attempt, forgotten after the throttling window.
            try db.execute(
                sql: """
                    CREATE TABLE account (
                        name TEXT PRIMARY KEY COLLATE NOCASE,
                        role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'partner')),
                        partner TEXT,
                        password_hash TEXT NOT NULL,
                        must_change_password INTEGER NOT NULL DEFAULT 0,
                        created_at DATETIME NOT NULL
                    );
                    CREATE TABLE web_session (
                        token_hash TEXT PRIMARY KEY,
                        account TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE,
                        csrf_token TEXT NOT NULL,
                        created_at DATETIME NOT NULL,
                        expires_at DATETIME NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX web_session_account ON web_session(account);
                    CREATE TABLE sign_in_failure (
                        key TEXT NOT NULL COLLATE NOCASE,
                        at DATETIME NOT NULL
                    );
                    CREATE INDEX sign_in_failure_key ON sign_in_failure(key, at);
                    """)
        }
    }
}
