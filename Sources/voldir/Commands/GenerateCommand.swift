import ArgumentParser
import Foundation
import VolunteerDirectory
import VolunteerDirectoryGeneration

/// `voldir generate`: synthetic rosters, needs and feeds for demonstrations and benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write realistic synthetic rosters, needs or a Sector 3 feed (fictional people).",
        discussion: """
            The same seed gives the same file. Output is written as it is generated, so millions of \
            rows need little memory. With --format csv and --needs, the needs sheet is written beside \
            the roster as NAME-needs.csv.

            Examples:
              voldir generate --volunteers 100000 --output roster.csv
              voldir generate --volunteers 1000000 --needs 2000 --format sector3 --output feed.xml
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, sector3
    }

    @Option(name: .long, help: "How many volunteers.")
    var volunteers: Int = 1_000

    @Option(name: .long, help: "How many needs (opportunities in a feed).")
    var needs: Int = 0

    @Option(name: .long, help: "The seed; the same seed gives the same output.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "csv (a roster) or sector3 (a feed).")
    var format: Format = .csv

    @Option(name: .long, help: "The file to write.")
    var output: String

    @Option(name: .long, help: "The feed's sequence number (sector3 only).")
    var sequence: Int = 1

    func validate() throws {
        guard volunteers >= 0, needs >= 0 else { throw ValidationError("--volunteers and --needs cannot be negative") }
    }

    func run() throws {
        let generator = DirectoryGenerator(volunteers: volunteers, needs: needs, seed: seed)
        switch format {
        case .csv:
            let url = URL(fileURLWithPath: output)
            let needsPath = url.deletingPathExtension().path + "-needs.csv"
            try generator.writeCSV(roster: output, needsPath: needs > 0 ? needsPath : nil)
            note("Wrote \(volunteers) volunteers to \(output)\(needs > 0 ? " and \(needs) needs to \(needsPath)" : "")")
        case .sector3:
            try generator.writeFeed(to: output, sequence: sequence)
            note("Wrote a feed of \(volunteers) volunteers and \(needs) opportunities to \(output)")
        }
    }
}
