import ArgumentParser
import Foundation

/// `voldir migrate`: brings a directory's schema up to date without doing anything else.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create the directory, or bring its schema up to date, and do nothing else.",
        discussion: """
            Every command that writes does this on first use; 'migrate' lets a deployment do it \
            on its own, before the app servers start. Migrations are applied in order, each \
            once; running it again changes nothing.

            Example:
              voldir migrate --db postgres://voldir@db.internal/voldir
            """)

    @OptionGroup var directory: DirectoryOptions

    func run() throws {
        _ = try directory.openForWriting()
        emit("The directory at '\(directory.shownPath)' is up to date.")
    }
}
