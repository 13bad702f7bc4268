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
        guard let volunteer = try directory.openForReading().volunteer(id: id) else {
            note("error: no volunteer with id \(id); 'voldir search' lists the ids")
            throw ExitCode(1)
        }
        emit(try Presentation.volunteer(volunteer, as: output.format))
    }
}
