import ArgumentParser
import Foundation
import VolunteerDirectory

/// `voldir person`: what the directory holds about one person, for their own requests.
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Answer a person's own requests: export everything held about them.",
        subcommands: [Export.self]
    )

    /// `voldir person export ID`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Everything held about one person: for a subject-access request.",
            discussion: """
                The merged profile; what each roster or feed said (the id it listed them under, the \
                first and last import that listed them, skills and languages as written and as \
                understood); consent as each recorded it; memberships; placements; and the audit \
                entries about them. HTML is in words a member of the public can read; JSON is in \
                full (keys volunteer, sources, consent, memberships, placements, audit).

                Examples:
                  voldir person export 12 --format html --output amina.html
                  voldir person export 12 --format json
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, html
        }

        @OptionGroup var directory: DirectoryOptions

        @Argument(help: "The volunteer's id.")
        var id: Int64

        @Option(name: .long, help: "json or html.")
        var format: Format = .json

        @Option(name: .long, help: "Write to this file instead of standard output.")
        var output: String?

        func run() throws {
            let store = try directory.openForReading()
            guard let report = try SubjectAccessReport.gather(id, from: store) else {
                note("error: no volunteer with id \(id); 'voldir search' lists the ids")
                throw ExitCode(1)
            }
            store.audit(
                "person export", target: "volunteer \(id)", people: [id],
                detail: AuditText.detail([("format", format.rawValue), ("output", output)]))
            let text = format == .json ? try report.json() + "\n" : report.html()
            if let output {
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: output))
                } catch {
                    throw ValidationError("cannot write '\(output)': \(error.localizedDescription)")
                }
                note("Wrote everything held about volunteer \(id) to \(output).")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
