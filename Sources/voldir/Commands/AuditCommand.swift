import ArgumentParser
import Foundation
import VolunteerDirectory

/// `voldir audit`: who read or changed what, and whether anyone tampered with the record of it.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read the audit log of who looked at or changed what, or check it for tampering.",
        discussion: """
            Every command that reads personal data (search, show, networks, match, placements, \
            person export, review, dbs due, forget --list, audit) and every change (import, forget, \
            lift, placements confirm and decline, needs merge, settings, backup, restore) adds an \
            entry: when, who (the operating-system user), what (the command, the filters asked, the \
            ids returned or changed, the counts). The log is append-only and tamper-evident: each \
            entry carries a SHA-256 over its content and the previous entry's hash. 'voldir audit \
            verify' exits 0 when the chain is intact and 1, naming the first broken entry, when an \
            entry was changed or removed. Erasing a person redacts the detail of entries that named \
            them; the chain still verifies.

            Examples:
              voldir audit --since 2026-11-01
              voldir audit --person 12 --format json
              voldir audit verify
            """,
        subcommands: [List.self, Verify.self],
        defaultSubcommand: List.self
    )

    /// `voldir audit list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List audit entries, oldest first.")

        @OptionGroup var directory: DirectoryOptions
        @OptionGroup var output: FormatOptions

        @Option(name: .long, help: ArgumentHelp("Only entries on or after this date (YYYY-MM-DD).", valueName: "date"))
        var since: String?

        @Option(name: .long, help: ArgumentHelp("Only entries about this volunteer.", valueName: "id"))
        var person: Int64?

        @Option(name: .long, help: ArgumentHelp("Only entries by this user.", valueName: "name"))
        var actor: String?

        func validate() throws {
            if let since, Self.date(since) == nil {
                throw ValidationError("--since '\(since)' is not a date; write it as YYYY-MM-DD, such as 2026-11-01")
            }
        }

        static func date(_ text: String) -> Date? {
            guard let day = CalendarDate(parsing: text), text.count == 10 else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
            return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
        }

        func run() throws {
            let store = try directory.openForReading()
            let entries = try store.auditEntries(
                AuditFilter(since: since.flatMap(Self.date), person: person, actor: actor))
            store.audit(
                "audit", target: "\(entries.count) entries", people: person.map { [$0] } ?? [],
                detail: AuditText.detail([("since", since), ("person", person.map(String.init)), ("actor", actor)]))
            emit(try Presentation.auditEntries(entries, as: output.format))
        }
    }

    /// `voldir audit verify`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check the audit log's hash chain: exit 0 intact, 1 changed or removed entries.")

        @OptionGroup var directory: DirectoryOptions

        func run() throws {
            switch try directory.openForReading().verifyAudit() {
            case .intact(let entries):
                emit("The audit log is intact: \(entries) entr\(entries == 1 ? "y" : "ies"), none changed or removed.")
            case .broken(let entry, let reason):
                note("error: the audit log was tampered with at entry \(entry): \(reason).")
                throw ExitCode(1)
            }
        }
    }
}
