import ArgumentParser
import Foundation
import VolunteerDirectory

/// `voldir dbs`: DBS checks due for renewal.
struct DBSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dbs",
        abstract: "DBS checks that are past or near the age the directory counts them for.",
        subcommands: [Due.self]
    )

    /// `voldir dbs due`.
    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "due",
            abstract: "List DBS checks past or within a period of the 'dbs-valid-for' setting (36 months unless set).",
            discussion: """
                A check older than the setting does not meet a need's DBS requirement in matching. A \
                source that says the volunteer subscribes to the DBS Update Service keeps the check \
                valid whatever its age: those are not listed. Checks with no issue date cannot be \
                aged and are not listed either.

                Examples:
                  voldir dbs due
                  voldir dbs due --within 60d --format csv
                """)

        @OptionGroup var directory: DirectoryOptions
        @OptionGroup var output: FormatOptions

        @Option(
            name: .long,
            help: ArgumentHelp("Also list checks that lapse within this period, such as 60d.", valueName: "period"))
        var within: String?

        func validate() throws {
            if let within, Period(parsing: within) == nil {
                throw ValidationError("--within '\(within)' is not understood; give \(Period.acceptedForms)")
            }
        }

        func run() throws {
            let store = try directory.openForReading()
            let today = Date()
            let validity = DBSValidity(validFor: try store.settings().dbsValidFor, today: today)
            let horizon = within.flatMap(Period.init(parsing:)).map {
                DBSValidity(validFor: validity.validFor, today: $0.after(today))
            }
            var due: [DueCheck] = []
            for held in try store.dbsChecks() {
                switch validity.status(of: held.check) {
                case .expired(let issued, let expired):
                    due.append(
                        DueCheck(
                            held: held, issued: issued, lapses: expired, status: DBSValidity.renewalText(issued: issued)
                        ))
                case .valid(let expires):
                    guard let horizon, let issued = held.check.issued, case .expired = horizon.status(of: held.check)
                    else { continue }
                    due.append(DueCheck(held: held, issued: issued, lapses: expires, status: "lapses on \(expires)"))
                case .keptByUpdateService, .undated:
                    continue
                }
            }
            let people = due.map(\.held.volunteer)
            store.audit(
                "dbs due", target: AuditText.target(people), people: people,
                detail: AuditText.detail([("within", within), ("valid-for", validity.validFor.description)]))
            emit(try DueCheck.render(due, as: output.format))
        }
    }

    /// One check due, for printing.
    struct DueCheck: Encodable {
        var held: HeldDBSCheck
        var issued: CalendarDate
        var lapses: CalendarDate
        var status: String

        private enum CodingKeys: String, CodingKey { case id, name, level, issued, lapses, status }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(held.volunteer, forKey: .id)
            try container.encode(held.name, forKey: .name)
            try container.encode(held.check.level.description, forKey: .level)
            try container.encode(issued.description, forKey: .issued)
            try container.encode(lapses.description, forKey: .lapses)
            try container.encode(status, forKey: .status)
        }

        var cells: [String] {
            [
                String(held.volunteer), held.name, held.check.level.description, issued.description, lapses.description,
                status,
            ]
        }

        static func render(_ due: [DueCheck], as format: OutputFormat) throws -> String {
            switch format {
            case .json: return try Presentation.json(due)
            case .table:
                if due.isEmpty { return "No DBS checks are due." }
                return TextTable(
                    headers: ["ID", "NAME", "LEVEL", "ISSUED", "LAPSES", "STATUS"], rows: due.map(\.cells)
                ).rendered()
            case .csv:
                return CSVWriter.document(
                    headers: ["id", "name", "level", "issued", "lapses", "status"], rows: due.map(\.cells))
            }
        }
    }
}
