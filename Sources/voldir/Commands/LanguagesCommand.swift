import ArgumentParser
import VolunteerDirectory

/// `voldir languages`: how a language string is understood, or the directory's language coverage.
struct LanguagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "languages",
        abstract: "Show how a language is understood, or which languages the directory's volunteers speak.",
        discussion: """
            With a QUERY, shows how voldir reads it: a code (ur, urd), a name (Urdu, Farsi), an endonym \
            (Polski, اردو), a BCP 47 tag (pa-Arab) or a near miss of a well-known name (Portugese); and \
            which languages a search for it also finds: the members of a macrolanguage (Kurdish: \
            Sorani, Kurmanji) as narrower, and its macrolanguage and close varieties as related. Words \
            for peoples and places (Iranian, Eritrean) are never taken as languages.

            Without a QUERY, lists every language held in the directory with how many volunteers speak \
            it at each proficiency and how many interpret it: the coordinator's coverage view.

            With --format json and a QUERY, prints {"query", "code", "name", "match", "related"}; code, \
            name and match are null when the string is not understood. The exit status is 0 either way.

            Examples:
              voldir languages Farsi
              voldir languages "pa-Arab" --format json
              voldir languages --format csv > coverage.csv
            """
    )

    @OptionGroup var directory: DirectoryOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "A language as someone might write it.")
    var query: String?

    @Option(name: .long, help: "coordinator (exact counts) or partner (counts from 1 to 4 shown as 'fewer than 5').")
    var audience: MatchCommand.Audience = .coordinator

    func run() throws {
        if let query {
            emit(try Presentation.language(query: query, as: output.format))
            return
        }
        let coverage = try directory.openForReading().languageCoverage()
        if coverage.isEmpty, output.format == .table {
            note("No languages held yet: import rosters first ('voldir import').")
            return
        }
        emit(try Presentation.languageCoverage(coverage, as: output.format, forPartners: audience == .partner))
    }
}
