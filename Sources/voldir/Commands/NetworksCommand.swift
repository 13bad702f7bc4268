import ArgumentParser
import VolunteerDirectory

/// `voldir networks`: the networks held.
struct NetworksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "networks", abstract: "List the community networks in the directory, with their member counts.")

    @OptionGroup var directory: DirectoryOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let store = try directory.openForReading()
        let networks = try store.networks()
        // Networks carry their contacts' names, emails and phones.
        store.audit("networks", target: "\(networks.count) networks")
        emit(try Presentation.networks(networks, as: output.format))
    }
}
