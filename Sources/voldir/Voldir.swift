import ArgumentParser
import CSVImporter
import ExternalImporters
import Foundation
import Sector3Importer
import VolunteerDirectory
import WorkbookImporter

/// The `voldir` command: the community directory of networks, volunteers, skills and languages.
@main
struct Voldir: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voldir",
        abstract: "A directory of community networks, volunteers, skills and languages.",
        discussion: """
            Import the rosters that networks send (CSV files, Excel and LibreOffice workbooks) and the Sector 3 feed (XML) into one directory, then find \
            volunteers by skill, language, area, availability and DBS check.

            Start with 'voldir demo' to see it work on the bundled samples. The directory is kept in \
            the SQLite file named by --db, $VOLDIR_DB, or ./voldir.sqlite.
            """,
        subcommands: [
            ImportCommand.self, SearchCommand.self, ShowCommand.self, NetworksCommand.self, NeedsCommand.self,
            LanguagesCommand.self, SkillsCommand.self,
            MatchCommand.self, PlacementsCommand.self, PluginsCommand.self, ValidateCommand.self, GenerateCommand.self,
            DemoCommand.self,
            ForgetCommand.self,
            AuditCommand.self,
            PersonCommand.self,
            ReviewCommand.self,
            SettingsCommand.self,
            DBSCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
            MigrateCommand.self,
            CopyCommand.self,
            ServeCommand.self,
            UsersCommand.self,
        ]
    )

    /// Every importer plugin built in: the one place built-in plugins are registered.
    static let builtInImporters: [any DirectoryImporter.Type] = [
        CSVImporter.self,
        Sector3Importer.self,
        WorkbookImporter.self,
    ]

    /// The built-in plugins and the external ones found on this machine (`voldir-import-NAME` in
    /// `$VOLDIR_PLUGIN_PATH`, `./Plugins/bin`, `$PATH`), each asked to describe itself.
    static var importers: ImporterRegistry {
        let found = ExternalImporterDiscovery(
            environment: ProcessInfo.processInfo.environment, importsFolder: URL(fileURLWithPath: "Imports")
        ).discover()
        return ImporterRegistry(builtInImporters, external: found.usable, unusable: found.unusable)
    }
}
