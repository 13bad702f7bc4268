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
        let store = try directory.openForReading()
        guard let volunteer = try store.volunteer(id: id) else {
            note("error: no volunteer with id \(id); 'voldir search' lists the ids")
            throw ExitCode(1)
        }
        store.audit("show", target: "volunteer \(id)", people: [id])
        emit(try Presentation.volunteer(volunteer, as: output.format))
    }
}
