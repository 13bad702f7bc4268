import ArgumentParser
import Foundation
import Sector3Importer
import VolunteerDirectory

/// `voldir validate`: checks a Sector 3 feed against version 1 as `voldir import` reads it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a Sector 3 feed against the XML Schema for feed version 1.",
        discussion: """
            Prints every problem as file:line:column: message, where its element or attribute begins, \
            and exits 1 when any is an error, 0 otherwise. Errors are what import would refuse (not \
            well-formed, not version 1.x, a DOCTYPE declaring entities) or reject (a record the schema \
            and the importer both find wrong). Warnings are what import reads all the same: elements \
            and attributes version 1 does not define, in the feed's namespace or another, anywhere in \
            a record (later versions add fields), and departures from the schema the importer \
            tolerates. Both namespace styles, ISO 8601 and UK dates, and any version 1.x are valid.

            Example:
              voldir validate Imports/sector3-feed.xml
            """
    )

    @Argument(help: "The feed to check.")
    var file: String

    func run() throws {
        let problems: [XMLProblem]
        do {
            // The validator reads the file twice: a named pipe would wait for ever, a folder fail obscurely.
            try RegularFile.check(URL(fileURLWithPath: file))
            problems = try Sector3FeedValidator.validate(URL(fileURLWithPath: file))
        } catch {
            note("error: \(error)")
            throw ExitCode(1)
        }
        for problem in problems {
            emit("\(file):\(problem.line):\(problem.column): \(problem.isError ? "" : "warning: ")\(problem.message)")
        }
        let warnings = problems.filter { !$0.isError }.count
        if problems.contains(where: \.isError) {
            note("\(file): not valid against the Sector 3 feed schema, version 1")
            throw ExitCode(1)
        }
        note(
            "\(file): valid\(warnings == 0 ? "" : " (\(warnings) warning\(warnings == 1 ? "" : "s"): parts import skips or reads leniently)")"
        )
    }
}
