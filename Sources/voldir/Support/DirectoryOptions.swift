import ArgumentParser
import Foundation
import VolunteerDirectory

/// The `--db` and `--taxonomy` options every subcommand that opens the directory takes.
struct DirectoryOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The directory: a database file, created by the first command that writes (import), or a PostgreSQL URL.",
            discussion:
                "Defaults to $VOLDIR_DB, else ./voldir.sqlite. A shared directory is postgres://USER:PASSWORD@HOST:PORT/DATABASE (postgresql:// too; ?sslmode=disable|prefer|require|verify-full).",
            valueName: "path-or-url"))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A skills taxonomy file (YAML) that adds to the shipped one. Repeatable.",
            discussion: "Files named *.taxonomy.yaml in ./Imports are always read too. See 'voldir skills --help'.",
            valueName: "file"))
    var taxonomy: [String] = []

    /// The path in force: `--db`, else `$VOLDIR_DB`, else `./voldir.sqlite`.
    var path: String {
        db ?? ProcessInfo.processInfo.environment["VOLDIR_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "voldir.sqlite"
    }

    /// ``path`` as messages show it: a PostgreSQL URL without its password.
    var shownPath: String { DirectoryFactory.shown(path) }

    /// The skills taxonomy in force: the shipped one, extended by ./Imports/*.taxonomy.yaml and --taxonomy.
    func loadTaxonomy() throws -> SkillTaxonomy {
        try SkillTaxonomy.loading(
            extensionsIn: URL(fileURLWithPath: "Imports"), files: taxonomy.map { URL(fileURLWithPath: $0) })
    }

    /// Opens the directory for a command that only reads: read-only, so it never waits for or
    /// blocks a writer and works on a file nobody may write. A missing file is an error that says
    /// where voldir looked, rather than a new, empty directory.
    func openForReading() throws -> any Directory {
        let store = try DirectoryFactory.open(
            path, taxonomy: try loadTaxonomy(), access: .reading,
            missing: { NoDirectory(path: $0, source: source) })
        for text in store.notes { note("note: \(text)") }
        return store
    }

    /// Opens the directory for a command that writes, creating it when missing. Its writes wait
    /// for another command's to finish.
    func openForWriting() throws -> any Directory {
        try DirectoryFactory.open(
            path, taxonomy: try loadTaxonomy(), access: .writing, missing: { NoDirectory(path: $0, source: source) })
    }

    /// Where ``path`` came from, for messages.
    private var source: String {
        if db != nil { return "given by --db" }
        let environment = ProcessInfo.processInfo.environment["VOLDIR_DB"] ?? ""
        return environment.isEmpty ? "the default" : "from $VOLDIR_DB"
    }

    /// A reading command's directory does not exist.
    struct NoDirectory: Error, CustomStringConvertible {
        var path: String
        var source: String

        var description: String {
            "there is no directory at '\(path)' (\(source)). voldir uses --db, else $VOLDIR_DB, else ./voldir.sqlite; "
                + "check the path, or create a directory with 'voldir import'."
        }
    }
}

/// The `--format` option of commands that print data.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "How to print: table, json or csv.")
    var format: OutputFormat = .table
}

extension OutputFormat: ExpressibleByArgument {}
extension RecordKind: ExpressibleByArgument {}
extension Proficiency: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}
extension DBSLevel: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}

/// Prints data to standard output, ending with exactly one newline.
func emit(_ text: String) {
    if text.isEmpty { return }
    print(text.hasSuffix("\n") ? String(text.dropLast()) : text)
}

/// Prints a message for people to standard error.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
