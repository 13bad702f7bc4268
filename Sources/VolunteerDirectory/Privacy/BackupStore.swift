import Foundation

/// Backups that never bring back someone who asked to be forgotten.
///
/// A backup is a consistent copy of the directory taken while others read and write. A restore
/// replaces the directory's contents with the backup's in one transaction, but keeps the
/// directory's own audit log, suppressions, erasure record and data-protection settings, and
/// re-applies every erasure and suppression made after the backup was taken.
public protocol BackupStore: Sendable {
    /// Writes a consistent copy of the directory to a new file at `path` (which must not exist),
    /// recording an audit entry by `actor`.
    func backup(to path: String, actor: String) throws
    /// Replaces the directory's contents with the backup at `path`, as above, recording an audit
    /// entry by `actor`.
    func restore(from path: String, actor: String) throws -> RestoreOutcome
}

/// What a restore did besides copying the backup in.
public struct RestoreOutcome: Sendable, Hashable {
    /// Volunteers the backup held whom an erasure made after it had erased: erased again.
    public var erasuresReapplied: Int
    /// Volunteers the backup held whose email or phone a suppression names: erased.
    public var suppressedErased: Int
    /// The suppressions in force (kept from the directory, not taken from the backup).
    public var suppressions: Int

    /// What ``BackupStore/restore(from:actor:)`` returns; `suppressions` are the directory's own, not the backup's.
    public init(erasuresReapplied: Int, suppressedErased: Int, suppressions: Int) {
        self.erasuresReapplied = erasuresReapplied
        self.suppressedErased = suppressedErased
        self.suppressions = suppressions
    }
}
