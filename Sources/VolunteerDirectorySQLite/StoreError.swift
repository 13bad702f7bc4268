import Foundation

/// Why the store could not be used. Each case names the directory's file and says what to do.
public enum StoreError: Error, LocalizedError, CustomStringConvertible {
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// A command that only reads was pointed at a file that does not exist.
    case noDirectory(path: String)
    /// A command that writes was pointed at a file (or folder) that cannot be written.
    case cannotWrite(path: String)
    /// The directory's schema is older than this voldir's, and the file cannot be written to
    /// bring it up to date.
    case needsUpgrade(path: String, pending: [String])
    /// Another connection held the directory's write lock for longer than the store waits.
    case busy(path: String, waited: TimeInterval)
    /// The disk filled during a write; the transaction was rolled back. `logBytes` is how large
    /// the write-ahead log had grown when it did, and `logReclaimed` whether it has been
    /// truncated since.
    case diskFull(path: String, logBytes: Int64, logReclaimed: Bool)
    /// A write was asked of a store opened for reading (a programming error).
    case openedForReading(path: String)
    /// A dry run finished without a result (a programming error).
    case rehearsalProducedNothing

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the directory database '\(path)': \(reason). "
                + "Check the path (--db or $VOLDIR_DB) and its permissions."
        case .noDirectory(let path):
            "there is no directory at '\(path)'"
        case .cannotWrite(let path):
            "the directory '\(path)' cannot be written here (a read-only file, folder or mount); searches and "
                + "the other reading commands still work, but imports, saved matches and placements need someone "
                + "who can write it"
        case .needsUpgrade(let path, let pending):
            "the directory '\(path)' was written by an older voldir and needs its schema brought up to date "
                + "(\(pending.joined(separator: "; "))), which means writing to it, and it cannot be written here. "
                + "Run 'voldir import' once as someone who can write it, then this command again."
        case .busy(let path, let waited):
            "another import or command is writing to the directory '\(path)' and still was after "
                + "\(Int(waited.rounded())) s; nothing was written. Try again when it finishes."
        case .diskFull(let path, let logBytes, let logReclaimed):
            "the disk holding '\(path)' is full: the write had put \(Self.megabytes(logBytes)) in the directory's "
                + "write-ahead log when space ran out, so it needs more than that free beside the directory. "
                + "Nothing was written"
                + (logReclaimed
                    ? ", and the space has been given back."
                    : "; another program was reading the directory, so the log could not be cut back yet: "
                        + "the next write to the directory cuts it to "
                        + "\(SQLiteDirectoryStore.logSizeLimit >> 20) MB at most.")
        case .openedForReading(let path):
            "the directory '\(path)' was opened for reading, and something tried to write to it"
        case .rehearsalProducedNothing:
            "the dry run produced no result"
        }
    }

    public var errorDescription: String? { description }

    private static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
