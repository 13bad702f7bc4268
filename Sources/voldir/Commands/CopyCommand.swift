import ArgumentParser
import Foundation
import VolunteerDirectory

/// `voldir copy --from A --to B`: a whole directory moved between stores, its counts checked.
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole directory into a new, empty one: SQLite to PostgreSQL, or back.",
        discussion: """
            Everything moves: volunteers and what each source said of them, networks, needs, \
            imports and their fingerprints, placements, accounts and sessions, suppressions, the \
            record of erasures and the audit log (whose chain stays verifiable). The source is \
            read in one snapshot and the copy written in one transaction; each table's rows are \
            counted on both sides, and when the counts differ nothing is kept. The directory \
            copied into must hold nothing yet (a PostgreSQL database must exist: createdb).

            Examples:
              voldir copy --from voldir.sqlite --to postgres://voldir@db.internal/voldir
              voldir copy --from postgres://voldir@db.internal/voldir --to laptop-copy.sqlite
            """)

    @Option(
        name: .long, help: ArgumentHelp("The directory to copy: a file or a postgres:// URL.", valueName: "path-or-url")
    )
    var from: String

    @Option(
        name: .long,
        help: ArgumentHelp("The new, empty directory: a file or a postgres:// URL.", valueName: "path-or-url"))
    var to: String

    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard from != to else { throw ValidationError("--from and --to name the same directory") }
    }

    func run() throws {
        let taxonomy = try SkillTaxonomy.loading(extensionsIn: URL(fileURLWithPath: "Imports"), files: [])
        let (shownSource, shownTarget) = (DirectoryFactory.shown(from), DirectoryFactory.shown(to))
        let source = try DirectoryFactory.open(
            from, taxonomy: taxonomy, access: .reading,
            missing: { DirectoryOptions.NoDirectory(path: $0, source: "given by --from") })
        let target = try DirectoryFactory.open(
            to, taxonomy: taxonomy, access: .writing,
            missing: { DirectoryOptions.NoDirectory(path: $0, source: "given by --to") })
        let outcome: DirectoryCopy.Outcome
        do {
            outcome = try DirectoryCopy().copy(from: source, to: target)
        } catch let error as DirectoryCopy.TargetNotEmpty {
            note("error: '\(shownTarget)': \(error)")
            throw ExitCode(1)
        }
        let people = outcome.rows.first { $0.table == "volunteer" }?.held ?? 0
        let detail = outcome.rows.map { "\($0.table) \($0.held)" }.joined(separator: ", ")
        try target.record(
            AuditEvent(actor: AuditEvent.currentUser, action: "copy", target: "from \(shownSource)", detail: detail))
        do {
            try source.record(
                AuditEvent(actor: AuditEvent.currentUser, action: "copy", target: "to \(shownTarget)", detail: detail))
        } catch  where source.unwritableLocation(in: error) != nil {
            note("note: the copy was not recorded in the source's audit log: it cannot be written here")
        }
        switch output.format {
        case .json:
            struct Row: Encodable {
                var table: String
                var read: Int
                var copied: Int
            }
            emit(try Presentation.json(outcome.rows.map { Row(table: $0.table, read: $0.read, copied: $0.held) }))
        default:
            var lines = [
                "Copied '\(shownSource)' to '\(shownTarget)': \(people) volunteers; every table's rows counted on both sides:"
            ]
            let width = outcome.rows.map(\.table.count).max() ?? 0
            for row in outcome.rows {
                lines.append("  \(row.table.padding(toLength: width, withPad: " ", startingAt: 0))  \(row.held)")
            }
            emit(lines.joined(separator: "\n"))
        }
    }
}
