import ArgumentParser
import Foundation
import VolunteerDirectory
import VolunteerDirectoryWeb

/// `voldir serve`: the coordinators' web app.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web app for coordinators and partners.",
        discussion: """
            Serves search, volunteers, networks, needs, imports, matching, languages and skills to \
            signed-in accounts (see 'voldir users'), with a JSON API described at /api/openapi.json. \
            Listens on 127.0.0.1 unless --host says otherwise; put it behind a reverse proxy with TLS \
            (and --behind-tls-proxy) to serve other machines.

            --demo serves a fresh directory loaded with the samples and prints a first admin's \
            password, which must be changed at first sign-in. The directory is a temporary one, \
            deleted when the server stops, unless --db names where to keep it.

            Examples:
              voldir serve --demo
              voldir serve --db /srv/voldir/voldir.sqlite --port 8080 --behind-tls-proxy
            """
    )

    @OptionGroup var directory: DirectoryOptions

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("The largest upload accepted, in MB.", valueName: "MB"))
    var uploadLimit = 50

    @Flag(
        name: .long, help: "Served over TLS by a reverse proxy: cookies are Secure, and X-Forwarded-Proto is believed.")
    var behindTLSProxy = false

    @Flag(name: .long, help: "Serve a fresh directory loaded with the samples, with a first admin account.")
    var demo = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port \(port) is not a port (0 to 65535)") }
        guard (1...10_240).contains(uploadLimit) else { throw ValidationError("--upload-limit is from 1 to 10240 MB") }
    }

    func run() async throws {
        var path = directory.path
        var firstAdmin: (name: String, password: String)?
        // The demo's own directory, made up people and all, goes when the server stops.
        var throwaway: URL?
        defer { if let throwaway { try? FileManager.default.removeItem(at: throwaway) } }
        if demo {
            if let db = directory.db {
                path = db
            } else {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "voldir-serve-demo-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                throwaway = folder
                path = folder.appendingPathComponent("voldir.sqlite").path
            }
            let samples = try DemoCommand.samplesFolder(given: nil)
            let store = try DirectoryFactory.open(
                path, taxonomy: try SkillTaxonomy.loading(extensionsIn: samples), access: .writing,
                missing: { DirectoryOptions.NoDirectory(path: $0, source: "--demo") })
            let service = ImportService(store: store, registry: Voldir.importers)
            let targets = try service.pendingFiles(in: samples).map { ($0, $0.lastPathComponent) }
            let outcome = ImportCommand.run(service: service, targets: targets, request: ImportRequest())
            for failure in outcome.failures { note("error: \(failure)") }
            let password = Passwords.generate()
            try await AccountService(accounts: store).add(
                name: "admin", role: .admin, partner: nil, password: password, mustChangePassword: true)
            firstAdmin = ("admin", password)
        }
        let store = try DirectoryFactory.open(
            path, taxonomy: try directory.loadTaxonomy(), access: .writing,
            missing: { DirectoryOptions.NoDirectory(path: $0, source: "--db") })
        let web = WebDirectory(
            reader: store.asynchronous, editor: store.asynchronous, accounts: store, audit: store, settings: store,
            store: store, importers: Voldir.importers)
        let accounts = try await store.accounts()
        let app = WebApp(
            directory: web,
            configuration: WebConfiguration(
                host: host, port: port, uploadLimit: uploadLimit * 1_048_576, behindTLSProxy: behindTLSProxy))
        let host = self.host
        let (shownPath, admin) = (DirectoryFactory.shown(path), firstAdmin)
        try await app.run(onListening: { port in
            let path = shownPath
            let firstAdmin = admin
            var lines = ["voldir serve: http://\(host):\(port)/ (directory: \(path))"]
            if let firstAdmin {
                lines.append("First admin: \(firstAdmin.name), one-time password: \(firstAdmin.password)")
                lines.append("(you will choose your own password at first sign-in)")
            } else if accounts.isEmpty {
                lines.append(
                    "No accounts yet: create the first admin with 'voldir users add NAME --role admin --password-stdin --db \(path)'"
                )
            }
            lines.append("Press Ctrl-C to stop.")
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        })
    }
}
