import ArgumentParser
import Foundation
import VolunteerDirectory
import VolunteerDirectoryWeb

/// `voldir users`: the web app's accounts.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add, list or remove the web app's accounts.",
        discussion: """
            Roles: admin (everything, including accounts), coordinator (volunteers, needs, imports \
            and matching), partner (what 'voldir match --audience partner' shows, for its own \
            organisation's needs only).

            Examples:
              voldir users add amina --role admin --password-stdin
              voldir users add hospital --role partner --partner "Stepping Hill Hospital" --password-stdin
              voldir users list
              voldir users remove hospital
            """,
        subcommands: [Add.self, List.self, Remove.self],
        defaultSubcommand: List.self
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an account.")
        @OptionGroup var directory: DirectoryOptions
        @Argument(help: "The account name (letters, digits, '.', '-', '_', '@').") var name: String
        @Option(name: .long, help: "admin, coordinator or partner.") var role: String
        @Option(name: .long, help: "The partner organisation, for a partner account, as its needs name it.")
        var partner: String?
        @Flag(
            name: .long, help: "Read the password from the first line of standard input (else one is made and printed)."
        )
        var passwordStdin = false

        func run() async throws {
            guard let chosenRole = AccountRole(rawValue: role.lowercased()) else {
                throw ValidationError("--role '\(role)': expected admin, coordinator or partner")
            }
            var password = Passwords.generate()
            if passwordStdin {
                guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                    throw ValidationError("--password-stdin: standard input held no password")
                }
                password = line
            }
            let store = try directory.openForWriting()
            do {
                try await AccountService(accounts: store).add(
                    name: name, role: chosenRole, partner: partner, password: password,
                    mustChangePassword: !passwordStdin)
            } catch let error as AccountError {
                throw ValidationError("\(error)")
            } catch let error as AccountService.PasswordError {
                throw ValidationError("\(error)")
            }
            store.audit("users add", target: "account \(name)", detail: "role: \(chosenRole.rawValue)")
            if passwordStdin {
                emit("Added \(chosenRole.rawValue) account '\(name)'.")
            } else {
                emit("Added \(chosenRole.rawValue) account '\(name)' with the password \(password)")
                note("Pass it on privately; it must be changed at first sign-in.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")
        @OptionGroup var directory: DirectoryOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let store = try directory.openForReading()
            let accounts = try await store.accounts()
            switch output.format {
            case .json:
                struct Row: Encodable {
                    var name: String
                    var role: String
                    var partner: String?
                }
                emit(
                    try Presentation.json(
                        accounts.map { Row(name: $0.name, role: $0.role.rawValue, partner: $0.partner) }))
            case .table, .csv:
                if accounts.isEmpty {
                    note("No accounts yet: add one with 'voldir users add NAME --role admin --password-stdin'.")
                    return
                }
                let rows = accounts.map { [$0.name, $0.role.rawValue, $0.partner ?? ""] }
                emit(
                    output.format == .csv
                        ? CSVWriter.document(headers: ["name", "role", "partner"], rows: rows)
                        : TextTable(headers: ["NAME", "ROLE", "PARTNER"], rows: rows).rendered())
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove an account and end its sessions.")
        @OptionGroup var directory: DirectoryOptions
        @Argument(help: "The account name.") var name: String

        func run() async throws {
            let store = try directory.openForWriting()
            guard try await store.removeAccount(named: name) else {
                throw ValidationError("there is no account named '\(name)'; 'voldir users list' lists them")
            }
            store.audit("users remove", target: "account \(name)")
            emit("Removed account '\(name)'.")
        }
    }
}
