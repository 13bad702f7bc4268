import ArgumentParser
import VolunteerDirectory

/// `voldir show`: everything held about one volunteer.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything held about one volunteer.",
        discussion: "The ID is the number 'voldir search' prints.\n\nExample:\n  voldir show 12 --format json"
    )

    @OptionGroup var directory: DirectoryOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "The volunteer's id.")
    var id: Int64

    func run() throws {
        guard let volunteer = try directory.openStore().volunteer(id: id) else {
            note("error: no volunteer with id \(id); 'voldir search' lists the ids")
            throw ExitCode(1)
        }
        emit(try Presentation.volunteer(volunteer, as: output.format))
    }
}

/// `voldir networks`: the networks held.
struct NetworksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "networks", abstract: "List the community networks in the directory, with their member counts.")

    @OptionGroup var directory: DirectoryOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        emit(try Presentation.networks(try directory.openStore().networks(), as: output.format))
    }
}

/// `voldir plugins`: the installed importer plugins.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins", abstract: "List the installed importer plugins and what each reads.")

    @OptionGroup var output: FormatOptions

    func run() throws {
        struct PluginJSON: Encodable {
            var id: String
            var reads: String
            var extensions: [String]
        }
        var plugins: [PluginJSON] = []
        for importer in Voldir.importers.importers {
            plugins.append(PluginJSON(id: importer.identifier, reads: importer.summary, extensions: importer.fileExtensions.sorted()))
        }
        switch output.format {
        case .json:
            emit(try Presentation.json(plugins))
        case .table:
            emit(TextTable(headers: ["ID", "EXTENSIONS", "READS"], rows: plugins.map { [$0.id, $0.extensions.joined(separator: ", "), $0.reads] }).rendered(maximumWidth: 100))
        case .csv:
            emit(CSVWriter.document(headers: ["id", "extensions", "reads"], rows: plugins.map { [$0.id, $0.extensions.joined(separator: " "), $0.reads] }))
        }
    }
}
