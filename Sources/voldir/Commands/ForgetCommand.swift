import ArgumentParser
import Foundation
import VolunteerDirectory

/// `voldir forget`: erases a person who asked, for good, and keeps later rosters from adding them back.
struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase a person at their request, and keep any later roster or feed from adding them back.",
        discussion: """
            Erases the volunteer from every table, index, the full-text index and the database \
            files, redacts audit entries whose detail names them, and records a suppression: keyed \
            hashes (HMAC-SHA-256 under a secret kept in the directory) of every email and phone any \
            source gave for them, the date and the reason; never their name or the plain values. A \
            later roster or feed row with one of those emails or phones is not imported: the import \
            reports it as suppressed with its file and line. Write the reason without the person's \
            name, email or phone (such as "asked by phone, 3 March").

            Asks for confirmation at a terminal; anywhere else, give --yes.

            Examples:
              voldir forget 12 --reason "asked by email"
              voldir forget --list
              voldir forget --lift 3
            """
    )

    @OptionGroup var directory: DirectoryOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "The volunteer's id ('voldir search' prints it).")
    var id: Int64?

    @Option(name: .long, help: "Why (required with an id): kept with the suppression. No name, email or phone.")
    var reason: String?

    @Flag(name: .long, help: "Go ahead without asking.")
    var yes = false

    @Flag(name: .long, help: "List the suppressions: id, date, reason, how many keys; no personal data.")
    var list = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Remove a suppression: the person came back of their own accord.", valueName: "suppression-id"))
    var lift: Int64?

    func validate() throws {
        let modes = [id != nil, list, lift != nil].filter { $0 }.count
        guard modes == 1 else {
            throw ValidationError("give one of: a volunteer id (with --reason), --list, or --lift SUPPRESSION-ID")
        }
        if id != nil, (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--reason is required: say why the person is forgotten (such as \"asked by email\")")
        }
    }

    func run() throws {
        if list {
            let store = try directory.openForReading()
            let suppressions = try store.suppressions()
            store.audit("forget --list", target: "\(suppressions.count) suppressions")
            emit(try Presentation.suppressions(suppressions, as: output.format))
            return
        }
        let store = try directory.openForWriting()
        if let lift {
            guard try store.liftSuppression(id: lift, actor: AuditEvent.currentUser) else {
                note("error: no suppression with id \(lift); 'voldir forget --list' lists them")
                throw ExitCode(1)
            }
            emit("Lifted suppression \(lift): a roster or feed that lists the person again imports them.")
            return
        }
        guard let id, let reason else { return }
        guard let person = try store.volunteer(id: id) else {
            note("error: no volunteer with id \(id); 'voldir search' lists the ids")
            throw ExitCode(1)
        }
        if Erasure.reason(reason, names: person) {
            throw ValidationError(
                "--reason names the person (their name, email or phone); it is kept with the suppression, "
                    + "which holds no "
                    + "personal data: write it without them, such as \"asked by phone, 3 March\"")
        }
        guard try Confirmation.confirm("Forget \(person.name) (volunteer \(id)) for good?", yes: yes) else {
            note("Not confirmed; nothing was erased.")
            throw ExitCode(1)
        }
        guard let suppression = try store.forget(volunteer: id, reason: reason, actor: AuditEvent.currentUser) else {
            note("error: no volunteer with id \(id); 'voldir search' lists the ids")
            throw ExitCode(1)
        }
        Erasure.makeFinal(store)
        emit(
            "Forgot volunteer \(id): erased from the directory and its files. Suppression \(suppression.id) keeps "
                + "\(suppression.keys) keyed hash\(suppression.keys == 1 ? "" : "es") of their email and phone, "
                + "so no roster "
                + "or feed adds them back.")
        if suppression.keys == 0 {
            note("warning: they had no email or phone, so a roster that lists them again cannot be recognised as them")
        }
    }
}

/// After an erasure has committed: makes it final in the files (full-text segments, write-ahead log).
enum Erasure {
    /// Whether `reason` holds a word of the person's name (3 letters or more), their email or their phone.
    static func reason(_ reason: String, names person: Volunteer) -> Bool {
        let words = Set(reason.matchingKey.split(separator: " ").map(String.init))
        if person.name.matchingKey.split(separator: " ").contains(where: { $0.count >= 3 && words.contains(String($0)) }
        ) {
            return true
        }
        let lowered = reason.lowercased()
        if let email = person.email?.lowercased(), !email.isEmpty, lowered.contains(email) { return true }
        let digits = reason.filter(\.isNumber)
        if let phone = person.phone?.filter(\.isNumber), phone.count >= 6, digits.contains(phone.suffix(6)) {
            return true
        }
        return false
    }

    static func makeFinal(_ store: some DirectoryStore) {
        do {
            try store.compact()
        } catch {
            note(
                "warning: the erasure is committed, but could not be made final in the files yet (\(error)); "
                    + "traces may stay in the directory's files until the next erasure")
        }
    }
}
