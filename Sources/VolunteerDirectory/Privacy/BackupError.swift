/// Why a backup or a restore was refused. Each names the file and says what to do.
public enum BackupError: Error, CustomStringConvertible, Sendable {
    /// The backup's file already exists.
    case exists(path: String)
    /// The file to restore from does not exist or is not a voldir directory.
    case notABackup(path: String, reason: String)
    /// The backup was written by a voldir with another schema.
    case otherSchema(path: String)
    /// The backup is of another directory (its suppression secret differs).
    case otherDirectory(path: String)

    public var description: String {
        switch self {
        case .exists(let path):
            "'\(path)' already exists; give a new file name for the backup"
        case .notABackup(let path, let reason):
            "'\(path)' is not a voldir backup: \(reason)"
        case .otherSchema(let path):
            "'\(path)' was written by another version of voldir; open it once with this one "
                + "('voldir search --db \(path)' as someone who can write it), then restore it"
        case .otherDirectory(let path):
            "'\(path)' is a backup of another directory (its suppression key differs), so the suppressions here "
                + "could not be re-applied to it; nothing was restored"
        }
    }
}
