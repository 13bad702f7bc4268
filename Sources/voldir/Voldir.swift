import ArgumentParser
import CSVImporter
import Sector3Importer
import VolunteerDirectory

/// The `voldir` command: the community directory of networks, volunteers, skills and languages.
@main
struct Voldir: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voldir",
        abstract: "A directory of community networks, volunteers, skills and languages.",
        discussion: """
            Import the rosters that networks send (CSV spreadsheets) and the Sector 3 feed (XML) into one directory, then find \
            volunteers by skill, language, area, availability and DBS check.

            Start with 'voldir demo' to see it work on the bundled samples. The directory is kept in \
            the SQLite file named by --db, $VOLDIR_DB, or ./voldir.sqlite.
            """,
        subcommands: [
            ImportCommand.self, SearchCommand.self, ShowCommand.self, NetworksCommand.self, NeedsCommand.self,
            LanguagesCommand.self, SkillsCommand.self,
            MatchCommand.self, PlacementsCommand.self, PluginsCommand.self, ValidateCommand.self, GenerateCommand.self,
            DemoCommand.self,
        ]
    )

    /// Every importer plugin this build knows: the one place plugins are registered.
    static let importers = ImporterRegistry([
        CSVImporter.self,
        Sector3Importer.self,
    ])
}
