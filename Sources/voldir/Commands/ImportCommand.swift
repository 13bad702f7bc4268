import ArgumentParser
import Foundation
import VolunteerDirectory

/// `voldir import`: brings rosters, feeds and needs into the directory.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import rosters, feeds and needs files into the directory.",
        discussion: """
            With no file, imports every file in the imports folder (./Imports) that has not been \
            imported yet. Each file is one transaction: it lands whole or not at all. A row that \
            cannot be read is rejected with its line and reason and the rest import, unless --strict. \
            Skills taxonomy files (*.taxonomy.yaml) are not imported: every command reads them from \
            ./Imports (see 'voldir skills --help').

            The same person in several rosters (same email ignoring case, or the same phone number) \
            becomes one volunteer with several memberships.

            A roster is its network's list of members now: whoever a roster no longer lists leaves \
            it (their membership, and the skills, languages and availability that roster gave, end; \
            someone no roster lists any more is kept until the retention rules remove them). \
            --partial says a file lists only some members, and ends nothing. A copy of a roster \
            older (by the file's modification time) than one imported before ends nothing the newer \
            one lists and adds back no one it took off. A row whose ref named someone else before (name, email and phone all differ) \
            is read as a new person, and the one it named leaves the roster. The Sector 3 feed ends \
            people only by 'withdrawn'.

            Exit status: 0 everything imported; 2 imported, but some records were rejected; \
            1 a file could not be imported and nothing was written from it.

            Examples:
              voldir import
              voldir import srep.csv --network "Stockport Race Equality Partnership"
              voldir import roster.csv --map 'Languages we speak=languages' --dry-run
              voldir import members.xlsx --sheet Volunteers
              voldir import new-members.csv --network "Stockport Race Equality Partnership" --partial
            """
    )

    @OptionGroup var directory: DirectoryOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "Files to import; none means every new file in the imports folder.")
    var files: [String] = []

    @Option(name: .long, help: "The folder to import from when no file is given.")
    var folder: String = "Imports"

    @Option(name: .long, help: "Use this importer plugin instead of recognising the file (see 'voldir plugins').")
    var plugin: String?

    @Option(name: .long, help: "The network for a roster that has no network column.")
    var network: String?

    @Option(name: .long, help: "What the file holds when its header does not say: volunteers or needs.")
    var kind: RecordKind?

    @Option(
        name: .long,
        help:
            "The sheet of a workbook (.xlsx, .ods) to read, hidden or not; otherwise the first visible sheet with a roster or needs header."
    )
    var sheet: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Map a column the importer does not know to a field, as 'Column=field'. Repeatable.",
            valueName: "column=field"))
    var map: [String] = []

    @Flag(name: .long, help: "Import nothing from a file if any of its records is rejected.")
    var strict = false

    @Flag(name: .long, help: "Report what would change, and write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Import a feed even when it is not newer than the last one from its source.")
    var force = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How long an external importer plugin may run on one file, in seconds (1 to 86400).", valueName: "seconds"))
    var pluginTimeout: Int = 600

    @Flag(name: .long, help: "The file lists only some members of its rosters: take no one off them.")
    var partial = false

    func validate() throws {
        guard (1...86_400).contains(pluginTimeout) else {
            throw ValidationError(
                "--plugin-timeout '\(pluginTimeout)' is out of range; give a number of seconds from 1 to 86400")
        }
        for entry in map where !entry.contains("=") {
            throw ValidationError(
                "--map '\(entry)' needs the form 'Column=field', such as 'Languages we speak=languages'")
        }
    }

    func run() throws {
        let store = try directory.openForWriting()
        let service = ImportService(store: store, registry: Voldir.importers)
        var columnMap: [String: String] = [:]
        for entry in map {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            columnMap[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        let request = ImportRequest(
            options: ImportOptions(
                network: network, kind: kind, columnMap: columnMap, pluginTimeout: .seconds(pluginTimeout), sheet: sheet
            ),
            plugin: plugin, strict: strict, dryRun: dryRun, force: force, partial: partial)

        let targets: [(url: URL, name: String)]
        if files.isEmpty {
            let folderURL = URL(fileURLWithPath: folder)
            targets = try service.pendingFiles(in: folderURL).map { ($0, "\(folder)/\($0.lastPathComponent)") }
            // Every command reads taxonomy files from ./Imports, so that all see the same skills.
            if folderURL.standardizedFileURL.path != URL(fileURLWithPath: "Imports").standardizedFileURL.path {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                for name in names.sorted()
                where SkillTaxonomy.isExtensionFile(named: name)
                    && !directory.taxonomy.contains(where: {
                        URL(fileURLWithPath: $0).lastPathComponent == name
                    })
                {
                    note(
                        "warning: \(folder)/\(name) is not read from --folder; move it to ./Imports or pass --taxonomy \(folder)/\(name)"
                    )
                }
            }
            if targets.isEmpty { note("Nothing new to import in \(folder)/.") }
        } else {
            targets = files.map { (URL(fileURLWithPath: $0), $0) }
        }
        let outcome = Self.run(service: service, targets: targets, request: request)
        for report in outcome.reports {
            store.audit(dryRun ? "import --dry-run" : "import", target: report.file, detail: AuditText.detail(report))
        }
        // A terminal gets the first few warnings of each kind and a count of the rest; JSON gets them all.
        let shown = output.format == .json ? outcome.reports : outcome.reports.map { WarningDigest.abridged($0) }
        emit(try Presentation.importReports(shown, as: output.format))
        for failure in outcome.failures { note("error: \(failure)") }
        throw ExitCode(outcome.exitStatus)
    }

    /// What importing a list of files came to.
    struct Outcome {
        var reports: [FileImportReport] = []
        var failures: [String] = []

        /// 1 when any file wrote nothing, else 2 when any record was rejected, else 0.
        var exitStatus: Int32 {
            if !failures.isEmpty { return 1 }
            return reports.contains { !$0.rejected.isEmpty } ? 2 : 0
        }
    }

    /// Imports each file in its own transaction, reporting progress on a terminal.
    static func run(service: ImportService, targets: [(url: URL, name: String)], request: ImportRequest) -> Outcome {
        var outcome = Outcome()
        for target in targets {
            let size =
                (try? FileManager.default.attributesOfItem(atPath: target.url.path)[.size] as? NSNumber)?.int64Value
                ?? 0
            let progress = ProgressReporter(label: "Importing \(target.name)", size: size)
            do {
                let report = try service.importFile(
                    at: target.url, displayName: target.name, request: request,
                    progress: { progress.update($0, of: $1) },
                    message: { note($0) })
                progress.finish()
                outcome.reports.append(report)
            } catch {
                progress.finish()
                // The importers' errors name the file; the directory's (a full disk, another writer) do not.
                outcome.failures.append(
                    error is ImportError ? String(describing: error) : "\(target.name) was not imported: \(error)")
            }
        }
        return outcome
    }
}
