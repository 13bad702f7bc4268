import Foundation
import Testing
import VolunteerDirectoryTestSupport

/// Issue 14 through the command line: forget, the audit log, subject access, retention, DBS
/// rechecks, backups.
@Suite("voldir and personal data")
struct PrivacyCommandTests {
    let cli: CommandLineTests

    init() throws {
        cli = try CommandLineTests()
    }

    /// Imports Amina Rahman (id 1) and Grace Okafor (id 2).
    func twoPeople() throws {
        let roster = try cli.write(
            "a.csv",
            "Name,Email,Phone,Languages,Consent\nAmina Rahman,amina@example.org,07700 900123,Urdu,yes\n"
                + "Grace Okafor,grace@example.org,,Yoruba,yes\n")
        let imported = try cli.voldir("import", roster, "--network", "Stockport Race Equality Partnership")
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    /// Starts `voldir` with `environment`, its standard error going to a file that is returned.
    func start(_ arguments: [String], environment: [String: String]) throws -> (Process, URL) {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = cli.folder
        var env = ProcessInfo.processInfo.environment
        env["VOLDIR_DB"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let errors = cli.folder.appendingPathComponent("\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, errors)
    }

    /// Kills `arguments` once it says it paused before its commit.
    func killBeforeCommit(_ arguments: [String]) throws {
        let (process, errors) = try start(arguments, environment: ["VOLDIR_TEST_PAUSE_BEFORE_COMMIT": "60"])
        var paused = false
        for _ in 0..<600 where !paused {
            paused = (try? String(contentsOf: errors, encoding: .utf8))?.contains("paused before commit") ?? false
            if !paused { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(paused, "the command never reached its commit")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
    }

    @Test("forget refuses without --yes off a terminal, names an unknown id, and with --yes erases and suppresses")
    func forget() throws {
        try twoPeople()
        let refused = try cli.voldir("forget", "1", "--reason", "asked by email")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--yes"))
        #expect(try cli.voldir("show", "1").status == 0)

        let unknown = try cli.voldir("forget", "99", "--reason", "asked", "--yes")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no volunteer with id 99"))
        #expect(try cli.voldir("forget", "1").status != 0)

        for named in ["Amina asked", "email from amina@example.org", "rang from 07700 900123"] {
            let refused = try cli.voldir("forget", "1", "--reason", named, "--yes")
            #expect(refused.status != 0, "\(named)")
            #expect(refused.stderr.contains("--reason names the person"), "\(named)")
        }
        let forgot = try cli.voldir("forget", "1", "--reason", "asked by email", "--yes")
        #expect(forgot.status == 0, "\(forgot.stderr)")
        #expect(forgot.stdout.contains("Suppression 1"))
        #expect(try cli.voldir("show", "1").status == 1)

        let list = try cli.voldir("forget", "--list", "--format", "json")
        let suppressions = try #require(try cli.json(list.stdout) as? [[String: Any]])
        #expect(suppressions.first?["reason"] as? String == "asked by email")
        #expect(!list.stdout.contains("amina"))

        let again = try cli.write(
            "b.csv", "Name,Email,Languages,Consent\nAmina R,AMINA@example.org,Urdu,yes\nTariq,t@example.org,,yes\n")
        let report = try cli.voldir("import", again, "--network", "Other", "--format", "json")
        #expect(report.status == 0, "\(report.stderr)")
        let files = try #require((try cli.json(report.stdout) as? [String: Any])?["files"] as? [[String: Any]])
        #expect(files.first?["suppressed"] as? Int == 1)
        let suppressedRows = try #require(files.first?["suppressedRecords"] as? [[String: Any]])
        #expect(suppressedRows.first?["file"] as? String == "b.csv")
        #expect(suppressedRows.first?["line"] as? Int == 2)
        let summary = try cli.voldir(
            "import", try cli.write("c.csv", "Name,Phone,Consent\nA. Rahman,+447700900123,yes\n"), "--network", "O")
        #expect(summary.stdout.contains("1 suppressed"))
        #expect(summary.stdout.contains("suppressed c.csv:2: this person was forgotten at their request"))

        #expect(try cli.voldir("forget", "--lift", "7").status == 1)
        let lifted = try cli.voldir("forget", "--lift", "1")
        #expect(lifted.status == 0, "\(lifted.stderr)")
        let back = try cli.voldir(
            "import", try cli.write("d.csv", "Name,Phone,Consent\nAmina Rahman,+447700900123,yes\n"), "--network", "O")
        #expect(back.stdout.contains("1 created"))
    }

    @Test("a forget killed before its commit leaves the directory as it was")
    func interruptedForget() throws {
        try twoPeople()
        try killBeforeCommit(["forget", "1", "--reason", "asked", "--yes"])
        let shown = try cli.voldir("show", "1")
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Amina Rahman"))
        #expect(try cli.voldir("forget", "--list", "--format", "json").stdout.contains("[]"))
    }

    /// The audit log as `voldir audit --format json` prints it.
    func auditEntries(_ arguments: String...) throws -> [[String: Any]] {
        let result = try cli.voldir(["audit", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try cli.json(result.stdout) as? [[String: Any]])
    }

    @Test("reads and changes are audited with who, what and which people; forget redacts a search for the name")
    func auditLog() throws {
        try twoPeople()
        #expect(try cli.voldir("search", "--text", "Rahman").stdout.contains("Amina Rahman"))
        #expect(try cli.voldir("show", "2").status == 0)
        let entries = try auditEntries()
        #expect(entries.map { $0["action"] as? String } == ["import", "search", "show"])
        let user = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        #expect(entries.allSatisfy { $0["actor"] as? String == user })
        #expect(entries[1]["detail"] as? String == "text: Rahman; results: 1")
        #expect(entries[1]["target"] as? String == "volunteer 1")
        #expect(entries[2]["people"] as? [Int] == [2])
        #expect(try auditEntries("--person", "2").map { $0["action"] as? String } == ["show"])
        #expect(try auditEntries("--actor", "nobody-else").isEmpty)
        #expect(try cli.voldir("audit", "--since", "yesterday").status != 0)

        #expect(try cli.voldir("forget", "1", "--reason", "asked", "--yes").status == 0)
        let verified = try cli.voldir("audit", "verify")
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains("intact"))
        let after = try auditEntries("--person", "1")
        #expect(after.map { $0["action"] as? String } == ["search", "forget"])
        #expect(after[0]["detail"] == nil || after[0]["detail"] is NSNull)
        #expect(after[0]["redacted"] as? Bool == true)
        let bytes = try Data(contentsOf: cli.folder.appendingPathComponent("voldir.sqlite"))
        for secret in ["Rahman", "amina@example.org", "900123"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "'\(secret)' is still in the file")
        }
    }

    @Test("audit verify exits 1 naming the entry whose bytes were changed in the file")
    func tamperedFile() throws {
        try twoPeople()
        #expect(try cli.voldir("search", "--text", "Okafor").status == 0)
        #expect(try cli.voldir("show", "2").status == 0)
        #expect(try cli.voldir("audit", "verify").status == 0)
        // A command that opens the directory for writing closes it last, folding the log into the file.
        #expect(try cli.voldir("forget", "--lift", "99").status == 1)
        let file = cli.folder.appendingPathComponent("voldir.sqlite")
        var bytes = try Data(contentsOf: file)
        let found = try #require(bytes.range(of: Data("text: Okafor".utf8)))
        bytes[found.lowerBound + 6] = UInt8(ascii: "X")
        try bytes.write(to: file)
        let broken = try cli.voldir("audit", "verify")
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("entry 2"))
    }

    @Test("a read of a directory nobody may write still answers, with a note that it was not audited")
    func readOnlyReadIsNotAudited() throws {
        try twoPeople()
        let file = cli.folder.appendingPathComponent("voldir.sqlite")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path) }
        let found = try cli.voldir("search", "--language", "Urdu")
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("Amina Rahman"))
        #expect(found.stderr.contains("note: this search was not recorded in the audit log"))
    }

    @Test("person export: the profile as show prints it, each source with what it said, consent, and who looked")
    func subjectAccess() throws {
        try twoPeople()
        let second = try cli.write(
            "b.csv",
            "Name,Email,Skills,Languages,Consent\nAmina <b>Rahman</b>,AMINA@example.org,Accountancy,Bengali (fluent),no\n"
        )
        #expect(try cli.voldir("import", second, "--network", "Other Network").status == 0)
        let shown = try cli.voldir("show", "1", "--format", "json")
        let exported = try cli.voldir("person", "export", "1", "--format", "json")
        #expect(exported.status == 0, "\(exported.stderr)")
        let report = try #require(try cli.json(exported.stdout) as? [String: Any])
        #expect(Set(report.keys) == ["volunteer", "sources", "consent", "memberships", "placements", "audit"])
        let profile = try #require(report["volunteer"] as? NSDictionary)
        #expect(profile == (try cli.json(shown.stdout) as? NSDictionary))
        let sources = try #require(report["sources"] as? [[String: Any]])
        #expect(sources.count == 2)
        #expect((sources[0]["firstImport"] as? [String: Any])?["file"] as? String == "a.csv")
        #expect((sources[1]["lastImport"] as? [String: Any])?["file"] as? String == "b.csv")
        let skills = try #require(sources[1]["skills"] as? [[String: Any]])
        #expect(skills.first?["written"] as? String == "Accountancy")
        #expect((skills.first?["understood"] as? [String])?.isEmpty == false)
        let languages = try #require(sources[1]["languages"] as? [[String: Any]])
        #expect(languages.first?["code"] as? String == "ben")
        let consent = try #require(report["consent"] as? [[String: Any]])
        #expect(consent.map { $0["contact"] as? Bool } == [true, false])
        let audit = try #require(report["audit"] as? [[String: Any]])
        #expect(audit.map { $0["action"] as? String } == ["show"])

        let page = try cli.voldir("person", "export", "1", "--format", "html", "--output", "amina.html")
        #expect(page.status == 0, "\(page.stderr)")
        let html = try String(contentsOf: cli.folder.appendingPathComponent("amina.html"), encoding: .utf8)
        #expect(html.contains("Amina &lt;b&gt;Rahman&lt;/b&gt;"))
        #expect(!html.contains("<b>Rahman"))
        #expect(html.contains("did not agree to be contacted"))
        #expect(html.contains("The roster of Stockport Race Equality Partnership"))
        #expect(
            try auditEntries("--person", "1").map { $0["action"] as? String } == [
                "show", "person export", "person export",
            ])
        let unknown = try cli.voldir("person", "export", "9")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no volunteer with id 9"))
    }

    /// Whether the sqlite3 program is here, for the tests that age a directory by hand.
    static let hasSQLite3 = FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")

    func sqlite3(_ statement: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [cli.folder.appendingPathComponent("voldir.sqlite").path, statement]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("settings refuse nonsense with the accepted forms, and keep what is set")
    func settings() throws {
        try twoPeople()
        for bad in [["retention", "0m"], ["retention", "abc"], ["dbs-valid-for", "36"], ["colour", "24m"]] {
            let refused = try cli.voldir(["settings"] + bad)
            #expect(refused.status != 0)
            #expect(
                refused.stderr.contains(bad[0] == "colour" ? "retention and dbs-valid-for" : "such as 24m or 60d"),
                "\(bad)")
        }
        #expect(try cli.voldir("settings").stdout == "retention: 24m (24 months)\ndbs-valid-for: 36m (36 months)\n")
        #expect(try cli.voldir("settings", "retention", "12m").status == 0)
        #expect(try cli.voldir("settings", "retention").stdout == "retention: 12m (12 months)\n")
        #expect(try auditEntries().last?["action"] as? String == "settings")
        let review = try cli.voldir("review", "--format", "json")
        #expect(review.status == 0, "\(review.stderr)")
        #expect(try cli.json(review.stdout) as? [Any] != nil)
        #expect(try cli.voldir("review", "--not-seen-since", "0m").status != 0)
    }

    @Test(
        "review lists people not seen in the period with their networks; --erase refuses off a terminal, survives a kill, then erases",
        .enabled(if: hasSQLite3, "skipped: ages the directory with the sqlite3 program"))
    func review() throws {
        try twoPeople()
        try sqlite3("UPDATE volunteer_seen SET at = '2020-01-01 00:00:00.000' WHERE volunteer_id = 1")
        let listed = try cli.voldir("review", "--format", "json")
        let people = try #require(try cli.json(listed.stdout) as? [[String: Any]])
        #expect(people.map { $0["name"] as? String } == ["Amina Rahman"])
        #expect(people.first?["networks"] as? [String] == ["Stockport Race Equality Partnership"])
        #expect(try cli.voldir("review", "--erase").status != 0)
        try killBeforeCommit(["review", "--erase", "--yes"])
        #expect(try cli.voldir("show", "1").status == 0)
        let erased = try cli.voldir("review", "--erase", "--yes")
        #expect(erased.status == 0, "\(erased.stderr)")
        #expect(erased.stdout.contains("Erased 1 person"))
        #expect(try cli.voldir("show", "1").status == 1)
        #expect(try cli.voldir("show", "2").status == 0)
    }

    @Test(
        "an old DBS check does not meet a requirement and the report says it needs renewing; the Update Service keeps one valid"
    )
    func dbsRechecks() throws {
        let roster = try cli.write(
            "dbs.csv",
            "Name,Email,Skills,DBS,DBS Update Service,Consent\n"
                + "Amina Rahman,amina@example.org,Teaching,enhanced 2022-03-01,no,yes\n"
                + "Grace Okafor,grace@example.org,Teaching,enhanced 2019-06-01,yes,yes\n"
                + "Tariq Aziz,tariq@example.org,Teaching,enhanced 2099-01-01,,yes\n")
        #expect(try cli.voldir("import", roster, "--network", "Schools Network").status == 0)
        let needs = try cli.write(
            "n.csv", "ID,Partner,Title,Required Skills,Places,DBS\nN-1,Schools,Reading,Teaching,3,enhanced\n")
        #expect(try cli.voldir("import", needs).status == 0)

        let matched = try cli.voldir("match", "--format", "json")
        #expect(matched.status == 0, "\(matched.stderr)")
        let report = try #require(try cli.json(matched.stdout) as? [String: Any])
        let text = matched.stdout
        #expect(text.contains("volunteer 1: DBS check from March 2022 needs renewing"), "\(report)")
        #expect(!text.contains("June 2019"))
        let markdown = try cli.voldir("match")
        #expect(markdown.stdout.contains("DBS check from March 2022 needs renewing"))

        let due = try cli.voldir("dbs", "due", "--format", "json")
        #expect(due.status == 0, "\(due.stderr)")
        let listed = try #require(try cli.json(due.stdout) as? [[String: Any]])
        #expect(listed.map { $0["name"] as? String } == ["Amina Rahman"])
        #expect(listed.first?["status"] as? String == "DBS check from March 2022 needs renewing")
        #expect(try cli.voldir("dbs", "due", "--within", "0d").status != 0)

        #expect(try cli.voldir("settings", "dbs-valid-for", "10y").status == 0)
        #expect(try cli.voldir("dbs", "due", "--format", "json").stdout.contains("[]"))
        #expect(!(try cli.voldir("match", "--format", "json").stdout.contains("needs renewing")))
    }

    func everyone(_ database: String = "voldir.sqlite") throws -> [String] {
        let result = try cli.voldir(
            "search", "--db", database, "--include-no-consent", "--limit", "10000", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try cli.json(result.stdout) as? [[String: Any]]).compactMap { $0["name"] as? String }
            .sorted()
    }

    @Test(
        "a restore re-applies an erasure made after the backup, keeps the audit log and suppressions, and writes no trace"
    )
    func restoreReappliesErasure() throws {
        try twoPeople()
        let backedUp = try cli.voldir("backup", "b1.sqlite")
        #expect(backedUp.status == 0, "\(backedUp.stderr)")
        let again = try cli.voldir("backup", "b1.sqlite")
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        #expect(try cli.voldir("forget", "1", "--reason", "asked", "--yes").status == 0)
        #expect(
            try cli.voldir(
                "import", try cli.write("t.csv", "Name,Email,Consent\nTariq Aziz,t@example.org,yes\n"), "--network", "B"
            ).status == 0)

        #expect(try cli.voldir("restore", "b1.sqlite").status != 0)
        let restored = try cli.voldir("restore", "b1.sqlite", "--yes")
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("Erased again: 1 erased after the backup was taken"))
        #expect(try everyone() == ["Grace Okafor"])
        #expect(try cli.voldir("show", "1").status == 1)
        #expect(try cli.voldir("forget", "--list", "--format", "json").stdout.contains("asked"))
        let actions = try auditEntries().compactMap { $0["action"] as? String }
        #expect(Array(actions.suffix(5)) == ["forget", "import", "restore", "search", "forget --list"])
        #expect(try cli.voldir("audit", "verify").status == 0)
        var bytes = try Data(contentsOf: cli.folder.appendingPathComponent("voldir.sqlite"))
        let log = cli.folder.appendingPathComponent("voldir.sqlite-wal")
        if FileManager.default.fileExists(atPath: log.path) { bytes.append(try Data(contentsOf: log)) }
        for secret in ["Rahman", "amina@example.org", "900123"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "'\(secret)' is in the restored directory's files")
        }
        let again2 = try cli.voldir(
            "import", try cli.write("a2.csv", "Name,Email,Consent\nAmina R,amina@example.org,yes\n"), "--network", "C")
        #expect(again2.stdout.contains("1 suppressed"))

        _ = try cli.write("junk.sqlite", "not a database at all, just text long enough to be read as a header........")
        let junk = try cli.voldir("restore", "junk.sqlite", "--yes")
        #expect(junk.status == 1)
        #expect(junk.stderr.contains("is not a voldir backup"))
        #expect(try cli.voldir("restore", "missing.sqlite", "--yes").status == 1)
    }

    @Test("a restore killed before its commit leaves the directory as it was")
    func interruptedRestore() throws {
        try twoPeople()
        #expect(try cli.voldir("backup", "b1.sqlite").status == 0)
        #expect(
            try cli.voldir(
                "import", try cli.write("t.csv", "Name,Email,Consent\nTariq Aziz,t@example.org,yes\n"), "--network", "B"
            ).status == 0)
        try killBeforeCommit(["restore", "b1.sqlite", "--yes"])
        #expect(try everyone() == ["Amina Rahman", "Grace Okafor", "Tariq Aziz"])
        #expect(try cli.voldir("audit", "verify").status == 0)
    }

    @Test("a backup taken during an import holds the directory from before it or after it, never half of it")
    func backupDuringImport() throws {
        try twoPeople()
        var text = "Name,Email,Languages,Consent\n"
        for index in 1...3000 { text += "Person \(index),p\(index)@example.org,Polish,yes\n" }
        let roster = try cli.write("large.csv", text)
        let (importing, _) = try start(["import", roster, "--network", "Large"], environment: [:])
        var backups: [String] = []
        for index in 1...4 {
            let name = "during-\(index).sqlite"
            let result = try cli.voldir("backup", name)
            #expect(result.status == 0, "\(result.stderr)")
            backups.append(name)
        }
        importing.waitUntilExit()
        #expect(importing.terminationStatus == 0)
        for backup in backups {
            let count = try everyone(backup).count
            #expect(count == 2 || count == 3002, "\(backup) holds \(count) people")
        }
    }

    @Test("languages and skills for partners show counts from 1 to 4 as 'fewer than 5'")
    func partnerAggregates() throws {
        try twoPeople()
        let partner = try cli.voldir("languages", "--audience", "partner", "--format", "csv")
        #expect(partner.status == 0, "\(partner.stderr)")
        #expect(partner.stdout.contains("fewer than 5"))
        #expect(!(try cli.voldir("languages", "--format", "csv").stdout.contains("fewer than 5")))
        let skills = try cli.voldir("skills", "--audience", "partner", "--format", "json")
        #expect(skills.status == 0, "\(skills.stderr)")
    }
}
