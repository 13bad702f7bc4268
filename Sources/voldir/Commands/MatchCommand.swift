import ArgumentParser
import Foundation
import VolunteerDirectory

/// `voldir match`: pairs volunteers with needs and writes the coordinator's report.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Pair volunteers with partnership needs, explain each pair, and show what cannot be met.",
        discussion: """
            A volunteer is a candidate for a need only when they have every required skill and \
            language (at the minimum proficiency), a DBS check at least the need's level, a slot in \
            common when the need has slots, consent to be contacted, and room under \
            --max-per-volunteer after confirmed placements. Among candidates, as many places as \
            possible are filled, and among those fillings the total score is the highest (solved \
            exactly). The score is a weighted sum of criteria:

            \(MatchCriteria.all.map { "  \(type(of: $0).key) (default \(Int(type(of: $0).defaultWeight))): \(type(of: $0).summary)" }.joined(separator: "\n"))

            Change weights with --weight name=value (repeatable) or --weights FILE (name = value per \
            line). --save records the proposals; 'voldir placements' confirms or declines them.

            Examples:
              voldir match --format html --output report.html
              voldir match --need N-101 --alternates 5
              voldir match --partner "Stepping Hill Hospital" --audience partner --format html --output for-hospital.html
              voldir match --format json --weight fairness=4 --save
            """
    )

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case html, md, csv, json
    }

    @OptionGroup var directory: DirectoryOptions

    @Option(name: .long, help: "Only this need (repeatable).")
    var need: [String] = []

    @Option(name: .long, help: "Only needs from this partner.")
    var partner: String?

    @Option(
        name: .long,
        help: "How many needs one volunteer may take at once (\(Self.range(Matcher.Options.maxPerVolunteerRange))).")
    var maxPerVolunteer: Int = 1

    @Option(name: .long, help: "How many alternates to list for each need (\(Self.range(Self.alternatesRange))).")
    var alternates: Int = 3

    /// The alternates a report may list per need: more than a page of them helps no one.
    static let alternatesRange = 0...100

    @Option(name: .long, help: "html, md, csv or json.")
    var format: ReportFormat = .md

    @Option(name: .long, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(
        name: .long,
        help: "coordinator (everything) or partner (no contact details; only people who agreed to be shared).")
    var audience: Audience = .coordinator

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A criterion's weight, as name=value, the value from 0 to 1000. Repeatable.", valueName: "name=value"))
    var weight: [String] = []

    @Option(name: .long, help: "A file of weights, one 'name = value' per line.")
    var weights: String?

    @Flag(name: .long, help: "Record the proposals, replacing earlier undecided ones.")
    var save = false

    enum Audience: String, ExpressibleByArgument, CaseIterable {
        case coordinator, partner
    }

    func validate() throws {
        guard Matcher.Options.maxPerVolunteerRange.contains(maxPerVolunteer) else {
            throw ValidationError(
                "--max-per-volunteer '\(maxPerVolunteer)' is out of range; "
                    + "give a number from \(Self.range(Matcher.Options.maxPerVolunteerRange))")
        }
        guard Self.alternatesRange.contains(alternates) else {
            throw ValidationError(
                "--alternates '\(alternates)' is out of range; give a number from \(Self.range(Self.alternatesRange))")
        }
        for entry in weight {
            do {
                _ = try MatchCriteria.weight(parsing: entry)
            } catch {
                throw ValidationError("--weight: \(error)")
            }
        }
    }

    /// `1 to 1000`, for help and messages.
    private static func range(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound) to \(range.upperBound)" }

    func run() throws {
        var chosenWeights: [String: Double] = [:]
        if let weights {
            let text: String
            do {
                text = try RegularFile.text(at: URL(fileURLWithPath: weights))
            } catch {
                throw ValidationError("cannot read the weights file \(error)")
            }
            chosenWeights = try MatchCriteria.weights(parsing: text, file: weights)
        }
        for entry in weight {
            let parsed = try MatchCriteria.weight(parsing: entry)
            chosenWeights[parsed.name] = parsed.value
        }
        let store = try save ? directory.openForWriting() : directory.openForReading()
        let started = Date()
        let run = try MatchRun(
            store: store, needIDs: need, partner: partner, weights: chosenWeights,
            options: Matcher.Options(maxPerVolunteer: maxPerVolunteer),
            dbsValidity: DBSValidity(validFor: try store.settings().dbsValidFor))
        let report = run.report(alternates: alternates, audience: audience == .partner ? .partner : .coordinator)
        var listed: [VolunteerID] = []
        let named = run.result.assignments.map(\.volunteer) + run.result.candidates.map(\.volunteer)
        for id in named where !listed.contains(id) {
            listed.append(id)
        }
        store.audit(
            save ? "match --save" : "match", target: AuditText.target(listed), people: listed,
            detail: AuditText.detail([
                ("need", need.joined(separator: ", ")), ("partner", partner), ("audience", audience.rawValue),
                ("format", format.rawValue), ("output", output), ("assigned", String(run.result.assignments.count)),
            ]))
        let text: String =
            switch format {
            case .html: report.html()
            case .md: report.markdown()
            case .csv: report.csv()
            case .json: try report.json() + "\n"
            }
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw ValidationError("cannot write '\(output)': \(error.localizedDescription)")
            }
            note(
                "Wrote the \(format.rawValue) report to \(output) (\(String(format: "%.1f", Date().timeIntervalSince(started))) s)."
            )
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if save {
            let saved = try store.propose(run.result.assignments.map { ($0.need, $0.volunteer, $0.score) })
            note(
                "Recorded \(saved.count) proposal\(saved.count == 1 ? "" : "s"); confirm them with 'voldir placements confirm ID'."
            )
        }
    }
}

/// `voldir placements`: proposals from `match --save`, and what was decided.
struct PlacementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placements",
        abstract: "List, confirm or decline placements proposed by 'voldir match --save'.",
        discussion: """
            Confirmed placements count against a volunteer's capacity and for fairness in later \
            matching runs.

            Examples:
              voldir placements
              voldir placements confirm 12
              voldir placements decline 13
            """,
        subcommands: [List.self, Confirm.self, Decline.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List placements, newest first.")

        @OptionGroup var directory: DirectoryOptions
        @OptionGroup var output: FormatOptions

        @Option(name: .long, help: "Only placements with this status: proposed, confirmed or declined.")
        var status: String?

        func run() throws {
            let store = try directory.openForReading()
            var placements = try store.placements()
            if let status {
                guard let wanted = Placement.Status(rawValue: status.lowercased()) else {
                    throw ValidationError("--status '\(status)': expected proposed, confirmed or declined")
                }
                placements = placements.filter { $0.status == wanted }
            }
            let people = placements.map(\.volunteer)
            store.audit(
                "placements", target: AuditText.target(people), people: people,
                detail: AuditText.detail([("status", status)]))
            emit(try Presentation.placements(placements, as: output.format))
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm", abstract: "Confirm a proposed placement.")
        @OptionGroup var directory: DirectoryOptions
        @Argument(help: "The placement's id.") var id: Int64

        func run() throws { try decide(id, .confirmed, directory) }
    }

    struct Decline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decline", abstract: "Decline a proposed placement.")
        @OptionGroup var directory: DirectoryOptions
        @Argument(help: "The placement's id.") var id: Int64

        func run() throws { try decide(id, .declined, directory) }
    }
}

private func decide(_ id: Int64, _ status: Placement.Status, _ directory: DirectoryOptions) throws {
    let store = try directory.openForWriting()
    let decided: Placement?
    do {
        decided = try store.decide(placement: id, as: status)
    } catch let error as PlacementError {
        note("error: \(error)")
        throw ExitCode(1)
    }
    guard let placement = decided else {
        note("error: no placement with id \(id); 'voldir placements' lists them")
        throw ExitCode(1)
    }
    store.audit(
        status == .confirmed ? "placements confirm" : "placements decline", target: "placement \(id)",
        people: [placement.volunteer], detail: "need \(placement.need)")
    emit("Placement \(placement.id): \(placement.volunteerName) for \(placement.need) is \(placement.status.rawValue).")
}
