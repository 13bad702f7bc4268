import ArgumentParser
import VolunteerDirectory

/// `voldir networks`: the networks held.
struct NetworksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "networks", abstract: "List the community networks in the directory, with their member counts.")

    @OptionGroup var directory: DirectoryOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        emit(try Presentation.networks(try directory.openForReading().networks(), as: output.format))
    }
}
