import ArgumentParser
import Foundation
import VolunteerDirectory

/// `voldir demo`: the main job, end to end, on the bundled samples and a throwaway database.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Import the bundled sample rosters into a fresh database and run a coordinator's searches.",
        discussion: """
            Uses a new database in a temporary folder (removed afterwards unless --keep), so it never \
            touches your directory. The samples are in the Imports folder of the package.
            """
    )

    @Option(name: .long, help: "The folder of samples to import.")
    var folder: String?

    @Flag(name: .long, help: "Keep the demo database and print where it is.")
    var keep = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Build the demo directory in this new database file instead of a temporary one.", valueName: "path"))
    var db: String?

    func validate() throws {
        if let db, FileManager.default.fileExists(atPath: db) {
            throw ValidationError("--db '\(db)' already exists; the demo builds a fresh directory, so name a new file")
        }
    }

    func run() throws {
        let samples = try samplesFolder()
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent(
            "voldir-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(at: workspace) } }
        let databasePath = db ?? workspace.appendingPathComponent("voldir.sqlite").path
        let store = try DirectoryFactory.open(
            databasePath, taxonomy: try SkillTaxonomy.loading(extensionsIn: samples), access: .writing,
            missing: { DirectoryOptions.NoDirectory(path: $0, source: "--db") })
        let service = ImportService(store: store, registry: Voldir.importers)

        section("Importing the samples in \(samples.path)")
        let targets = try service.pendingFiles(in: samples).map { ($0, $0.lastPathComponent) }
        let outcome = ImportCommand.run(service: service, targets: targets, request: ImportRequest())
        emit(try Presentation.importReports(outcome.reports, as: .table))
        for failure in outcome.failures { emit("error: \(failure)") }

        section("Networks")
        emit(try Presentation.networks(store.networks(), as: .table))

        let searches: [(String, VolunteerQuery)] = [
            (
                "Polish speakers with an enhanced DBS check, for the schools reading scheme",
                VolunteerQuery(languages: [.resolving("Polish")], minimumDBS: .enhanced)
            ),
            (
                "Punjabi speakers (rosters wrote 'Punjabi' and 'pa-Arab')",
                VolunteerQuery(languages: [.resolving("Punjabi")])
            ),
            (
                "Fluent Urdu speakers who can help on a Tuesday evening",
                VolunteerQuery(
                    languages: [.resolving("ur")], minimumProficiency: .fluent,
                    availability: [Slot(day: .tue, part: .evening)])
            ),
            (
                "Accountancy skills anywhere (exact first, then other names, narrower and related skills)",
                VolunteerQuery(skills: ["accountancy"])
            ),
            (
                "Kurdish speakers (Kurmanji and Sorani are members of the Kurdish macrolanguage)",
                VolunteerQuery(languages: [.resolving("Kurdish")])
            ),
            (
                "Cantonese speakers, asked for as '粵語'",
                VolunteerQuery(languages: [.resolving("粵語")])
            ),
            (
                "Interpreters (a skill written down, or a language marked 'interprets')",
                VolunteerQuery(skills: ["interpreting"])
            ),
            ("British Sign Language users", VolunteerQuery(languages: [.resolving("BSL")])),
            ("Anyone in postcode district SK4", VolunteerQuery(area: "SK4")),
            ("Full text: 'interpreter'", VolunteerQuery(text: "interpreter")),
        ]
        for (title, query) in searches {
            section("Search: \(title)")
            let matches = try store.search(query)
            emit(matches.isEmpty ? "(no one)" : try Presentation.volunteers(matches, as: .table))
        }

        section("How languages are read as people write them (voldir languages QUERY)")
        let written = [
            "Polski", "ਪੰਜਾਬੀ", "pa-Arab", "Shahmukhi", "Farsi", "Portugese", "B.S.L.", "Chinese (Mandarin)", "Iranian",
        ]
        emit(
            TextTable(
                headers: ["WRITTEN", "CODE", "LANGUAGE", "HOW"],
                rows: written.map { text in
                    let understood = Presentation.LanguageQueryJSON(text)
                    return [
                        text, understood.code ?? "-", understood.name ?? "not a language: left as written",
                        understood.match ?? "",
                    ]
                }
            ).rendered())

        section("How a skill is read: voldir skills \"ACCA qualified\"")
        emit(try Presentation.skill(query: "ACCA qualified", taxonomy: store.taxonomy, as: .table))

        section("Skills the taxonomy does not understand yet (voldir skills --unmapped)")
        let unmapped = try store.unmappedSkills(limit: 10)
        emit(unmapped.isEmpty ? "(none)" : try Presentation.unmappedSkills(unmapped, as: .table))

        section("Language coverage (voldir languages)")
        emit(try Presentation.languageCoverage(store.languageCoverage(), as: .table))

        if let amina = try store.search(VolunteerQuery(text: "Amina Rahman")).first?.volunteer {
            section(
                "One person in \(amina.memberships.count) networks, from rosters and the feed: voldir show \(amina.id)")
            emit(try Presentation.volunteer(amina, as: .table))
        }

        section("Partnership needs")
        emit(try Presentation.needs(store.needs(), as: .table))

        section("Matching report (voldir match)")
        let run = try MatchRun(store: store)
        emit(run.report(alternates: 2, audience: .coordinator).markdown())
        if keep || db != nil {
            emit(
                "\nThe demo directory is in \(databasePath); try: voldir search --db \(databasePath) --language Tigrinya"
            )
        }
    }

    private func section(_ title: String) {
        emit("\n== \(title)\n")
    }

    /// `--folder`, else ./Imports, else the Imports folder of the package this was built from.
    private func samplesFolder() throws -> URL {
        try Self.samplesFolder(given: folder)
    }

    /// The samples: `given`, else ./Imports, else the package's Imports folder.
    static func samplesFolder(given folder: String?) throws -> URL {
        if let folder { return URL(fileURLWithPath: folder) }
        let local = URL(fileURLWithPath: "Imports")
        if FileManager.default.fileExists(atPath: local.path) { return local }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let bundled = packageRoot.appendingPathComponent("Imports")
        guard FileManager.default.fileExists(atPath: bundled.path) else {
            throw ValidationError("cannot find the sample folder; run from the package folder or give --folder")
        }
        return bundled
    }
}
