import ArgumentParser
import VolunteerDirectory

/// `voldir plugins`: the installed importer plugins.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins", abstract: "List the importer plugins, built in and external, and what each reads.",
        discussion: """
            External plugins are executables named voldir-import-NAME, found in the folders of \
            $VOLDIR_PLUGIN_PATH, then ./Plugins/bin, then $PATH (see Plugins/README.md). One that \
            cannot be used is listed with the reason.
            """)

    @OptionGroup var output: FormatOptions

    func run() throws {
        struct PluginJSON: Encodable {
            var id: String
            var reads: String
            var extensions: [String]
            /// `built in`, or the executable's path.
            var location: String
            /// Why an external plugin cannot be used; absent when it can.
            var unusable: String?
        }
        let registry = Voldir.importers
        var plugins = registry.plugins.map {
            PluginJSON(
                id: $0.identifier, reads: $0.summary, extensions: $0.fileExtensions.sorted(),
                location: $0.location ?? "built in")
        }
        plugins += registry.unusable.map {
            PluginJSON(id: $0.name, reads: "", extensions: [], location: $0.location, unusable: $0.reason)
        }
        switch output.format {
        case .json:
            emit(try Presentation.json(plugins))
        case .table:
            emit(
                TextTable(
                    headers: ["ID", "EXTENSIONS", "READS", "WHERE"],
                    rows: plugins.map {
                        [
                            $0.id, $0.extensions.joined(separator: ", "),
                            $0.unusable.map { "unusable: \($0)" } ?? $0.reads, $0.location,
                        ]
                    }
                ).rendered(maximumWidth: 120))
        case .csv:
            emit(
                CSVWriter.document(
                    headers: ["id", "extensions", "reads", "location", "unusable"],
                    rows: plugins.map {
                        [$0.id, $0.extensions.joined(separator: " "), $0.reads, $0.location, $0.unusable ?? ""]
                    }))
        }
    }
}
