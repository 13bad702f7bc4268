import ArgumentParser
import Foundation
import VolunteerDirectory

/// `voldir settings`: the directory's data-protection settings.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change the data-protection settings: retention and dbs-valid-for.",
        discussion: """
            retention: how long someone no roster or feed lists is kept before 'voldir review' \
            lists them for erasure (default 24m). dbs-valid-for: how long a DBS check counts in \
            matching and 'voldir dbs due' (default 36m); a source that says the volunteer \
            subscribes to the DBS Update Service keeps the check valid whatever its age. Periods \
            are \(Period.acceptedForms).

            Examples:
              voldir settings
              voldir settings retention 24m
              voldir settings dbs-valid-for 36m
            """
    )

    @OptionGroup var directory: DirectoryOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "retention or dbs-valid-for; none shows them all.")
    var name: String?

    @Argument(help: "The new value, such as 24m.")
    var value: String?

    func validate() throws {
        if let name, DirectorySettings.Name(rawValue: name) == nil {
            throw ValidationError("unknown setting '\(name)'; the settings are retention and dbs-valid-for")
        }
        if let value, Period(parsing: value) == nil {
            throw ValidationError("'\(value)' is not a period for \(name ?? "a setting"); give \(Period.acceptedForms)")
        }
    }

    func run() throws {
        if let name = name.flatMap(DirectorySettings.Name.init(rawValue:)),
            let period = value.flatMap(Period.init(parsing:))
        {
            try directory.openForWriting().update(name, to: period, actor: AuditEvent.currentUser)
            emit("\(name.rawValue) is now \(period.description) (\(period.words)).")
            return
        }
        let settings = try directory.openForReading().settings()
        let names = name.flatMap(DirectorySettings.Name.init(rawValue:)).map { [$0] } ?? DirectorySettings.Name.allCases
        switch output.format {
        case .json:
            emit(
                try Presentation.json(
                    Dictionary(uniqueKeysWithValues: names.map { ($0.rawValue, settings[$0].description) })))
        case .table:
            emit(
                names.map { "\($0.rawValue): \(settings[$0].description) (\(settings[$0].words))" }.joined(
                    separator: "\n"))
        case .csv:
            emit(
                CSVWriter.document(
                    headers: ["name", "value"], rows: names.map { [$0.rawValue, settings[$0].description] }))
        }
    }
}
