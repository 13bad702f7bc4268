import ArgumentParser
import Foundation
import VolunteerDirectory

/// `voldir backup FILE`: a consistent copy of the directory.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the directory to a new file, while others read and write.",
        discussion: """
            The copy is a snapshot (SQLite's VACUUM INTO): an import running meanwhile is in it \
            whole or not at all. It holds personal data: keep it as safely as the directory, and \
            no longer than the retention period. 'voldir restore' brings it back without bringing \
            back anyone forgotten since.

            Example:
              voldir backup backups/voldir-2026-11-30.sqlite
            """)

    @OptionGroup var directory: DirectoryOptions

    @Argument(help: "The new file to write.")
    var file: String

    func run() throws {
        let store = try directory.openForReading()
        do {
            try store.backup(to: file, actor: AuditEvent.currentUser)
        } catch let error as BackupError {
            note("error: \(error)")
            throw ExitCode(1)
        } catch let error where store.unwritableLocation(in: error) != nil {
            let path = store.unwritableLocation(in: error) ?? directory.shownPath
            note("note: this backup was not recorded in the audit log: '\(path)' cannot be written here")
        }
        emit("Backed up '\(directory.shownPath)' to '\(file)'.")
    }
}

/// `voldir restore FILE`: the directory as a backup held it, minus everyone forgotten since.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract:
            "Replace the directory's contents with a backup, re-applying every erasure and suppression made since.",
        discussion: """
            One transaction: interrupted, it leaves the directory as it was. The directory keeps \
            its own audit log, suppressions, record of erasures and settings; everyone erased \
            after the backup was taken is erased again, and anyone the backup holds whose email or \
            phone a suppression names is erased. Asks for confirmation at a terminal; anywhere \
            else, give --yes.

            Example:
              voldir restore backups/voldir-2026-11-30.sqlite --yes
            """)

    @OptionGroup var directory: DirectoryOptions

    @Argument(help: "The backup file ('voldir backup' wrote it).")
    var file: String

    @Flag(name: .long, help: "Restore without asking.")
    var yes = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: file) else {
            note("error: there is no backup at '\(file)'")
            throw ExitCode(1)
        }
        guard
            try Confirmation.confirm(
                "Replace the contents of '\(directory.shownPath)' with the backup '\(file)'?", yes: yes)
        else {
            note("Not confirmed; nothing was restored.")
            throw ExitCode(1)
        }
        let outcome: RestoreOutcome
        do {
            outcome = try directory.openForWriting().restore(from: file, actor: AuditEvent.currentUser)
        } catch let error as BackupError {
            note("error: \(error)")
            throw ExitCode(1)
        }
        emit(
            "Restored '\(file)'. Erased again: \(outcome.erasuresReapplied) erased after the backup was taken, "
                + "\(outcome.suppressedErased) named by a suppression. \(outcome.suppressions) suppression(s) in force."
        )
    }
}
