import ArgumentParser
import Foundation
import Sector3Importer
import VolunteerDirectory

/// `voldir validate`: checks a Sector 3 feed against the version 1 schema.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a Sector 3 feed against the XML Schema for feed version 1.",
        discussion: """
            Prints every problem as file:line:column: message (column 0 where libxml2 does not know \
            it, as for schema errors, which name the element instead) and exits 1 when there is any, \
            0 when the feed is valid. Importing does not need a valid feed (real feeds are sloppy), only a \
            well-formed one; this is for publishers and for finding out why data is missing.

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
        if problems.contains(where: \.isError) {
            note("\(file): not valid against the Sector 3 feed schema, version 1")
            throw ExitCode(1)
        }
        note("\(file): valid")
    }
}
