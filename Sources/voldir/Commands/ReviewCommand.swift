import ArgumentParser
import Foundation
import VolunteerDirectory

/// `voldir review`: the retention rules: who has not been listed for too long, and erasing them.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List people no roster or feed has listed for the retention period, and erase them.",
        discussion: """
            A person's "last seen" is the latest import that listed them. With no --not-seen-since, \
            the directory's retention period applies ('voldir settings retention', 24 months unless \
            set). --erase erases those listed as 'voldir forget' does (reason "retention", in one \
            transaction), but keeps no suppression: a roster that lists them again later may. It \
            asks for confirmation at a terminal; anywhere else, give --yes.

            Examples:
              voldir review
              voldir review --not-seen-since 24m --format csv
              voldir review --erase --yes
            """
    )

    @OptionGroup var directory: DirectoryOptions
    @OptionGroup var output: FormatOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How long unlisted, such as 24m, 60d, 2y (default: the retention setting).", valueName: "period"))
    var notSeenSince: String?

    @Flag(name: .long, help: "Erase the people listed.")
    var erase = false

    @Flag(name: .long, help: "Erase without asking.")
    var yes = false

    func validate() throws {
        if let notSeenSince, Period(parsing: notSeenSince) == nil {
            throw ValidationError("--not-seen-since '\(notSeenSince)' is not understood; give \(Period.acceptedForms)")
        }
        if yes, !erase { throw ValidationError("--yes goes with --erase") }
    }

    func run() throws {
        let store = try erase ? directory.openForWriting() : directory.openForReading()
        let period = try notSeenSince.flatMap(Period.init(parsing:)) ?? store.settings().retention
        let cutoff = period.before(Date())
        let people = try store.notSeen(since: cutoff)
        guard erase else {
            store.audit(
                "review", target: AuditText.target(people.map(\.id)), people: people.map(\.id),
                detail: "not seen since \(period.description)")
            emit(try Presentation.unseen(people, as: output.format))
            return
        }
        guard !people.isEmpty else {
            note("No one has gone unlisted for \(period.words); nothing to erase.")
            return
        }
        let question =
            "Erase \(people.count) \(people.count == 1 ? "person" : "people") no roster or feed has listed "
            + "for \(period.words)?"
        guard try Confirmation.confirm(question, yes: yes) else {
            note("Not confirmed; nothing was erased.")
            throw ExitCode(1)
        }
        let erased = try store.eraseUnseen(people.map(\.id), actor: AuditEvent.currentUser)
        Erasure.makeFinal(store)
        emit(
            "Erased \(erased) \(erased == 1 ? "person" : "people") not listed for \(period.words) (reason: retention).")
    }
}
