/// Everything the command line and the server need of one directory, whatever engine keeps it:
/// what a store factory returns, so that no command names the engine.
public protocol Directory: DirectoryStore, AuditLog, ErasureStore, RetentionStore, SettingsStore, PortableDirectory,
    SubjectAccessStore, DBSCheckStore, BackupStore, AccountStore
{
    /// What the person who opened the directory should be told, once (a taxonomy that could not
    /// be applied to a directory opened read-only, say).
    var notes: [String] { get }

    /// Where the directory is, when `error` says it cannot be written here (a read-only file,
    /// folder, mount or account): then a read's audit entry was not recorded, which a command
    /// says rather than fails. `nil` for any other error.
    func unwritableLocation(in error: any Error) -> String?

    /// The same directory for a server: reads and small edits that suspend rather than block.
    var asynchronous: any DirectoryReader & DirectoryEditor { get }
}

/// What the opener means to do with a directory, which decides how a store opens it.
public enum DirectoryAccess: Sendable {
    /// Only reading: the directory must exist; nothing is written but the audit log (where it can be).
    case reading
    /// Reading and writing; created when missing.
    case writing
}
