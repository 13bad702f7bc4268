import Foundation
import VolunteerDirectory

/// Backups of a PostgreSQL directory are the server's business: `pg_dump` or base backups, which
/// its IT team already runs, replicates and monitors. voldir writes no file of it and restores
/// none; both say what to run instead (``PostgresStoreError/serverBackups(_:file:restoring:)``),
/// including what a restore must re-apply: the erasures made since the dump, which the numbered
/// `erasure` journal lists, as the SQLite store's restore re-applies them by itself.
extension PostgresDirectoryStore: BackupStore {
    public func backup(to path: String, actor: String) throws {
        throw PostgresStoreError.serverBackups(location, file: path, restoring: false)
    }

    public func restore(from path: String, actor: String) throws -> RestoreOutcome {
        throw PostgresStoreError.serverBackups(location, file: path, restoring: true)
    }
}
