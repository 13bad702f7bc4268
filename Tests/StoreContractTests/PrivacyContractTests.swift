import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryPostgres
import VolunteerDirectoryTestSupport

/// The audit log, the data-protection settings, retention, subject access and DBS checks, on the
/// stores that keep them; and what a PostgreSQL directory says to `voldir backup` and `restore`.
@Suite("Store contract: audit log and data protection")
struct PrivacyContractTests {
    @Test(
        "entries appended at once from many tasks and two stores on one directory keep the chain whole",
        arguments: StoreKind.keepingPrivacy)
    func concurrentAppends(kind: StoreKind) async throws {
        let directory = try kind.make()
        defer { withExtendedLifetime(directory) {} }
        let first = try #require(directory.privacy)
        let open = try #require(directory.another)
        let second = try open()
        let logs: [any AuditLog] = [first, second]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<16 {
                group.addTask {
                    let log = logs[number % 2]
                    try log.record(
                        AuditEvent(
                            actor: "server\(number % 2)", action: "show", target: "volunteer \(number)",
                            people: [Int64(number)], detail: number.isMultiple(of: 3) ? "asked by \(number)" : nil))
                    try log.record([
                        AuditEvent(actor: "server\(number % 2)", action: "search", target: "batch \(number) a"),
                        AuditEvent(
                            actor: "server\(number % 2)", action: "search", target: "batch \(number) b",
                            origin: "web"),
                    ])
                }
            }
            try await group.waitForAll()
        }
        #expect(try first.verifyAudit() == .intact(entries: 48))
        #expect(try second.verifyAudit() == .intact(entries: 48))
        let entries = try first.auditEntries(AuditFilter())
        #expect(entries.map(\.id) == Array(1...48))
        // A batch lands in one piece, in order.
        for (index, entry) in entries.enumerated() where entry.target.hasSuffix(" a") {
            #expect(entries[index + 1].target == entry.target.dropLast() + "b")
            #expect(entries[index + 1].origin == "web")
        }
        #expect(try first.auditEntries(AuditFilter(person: 7)).map(\.target) == ["volunteer 7"])
        #expect(try first.auditEntries(AuditFilter(actor: "server1")).count == 24)
        #expect(try first.auditEntries(AuditFilter(person: 3)).first?.detail == "asked by 3")
        #expect(try first.auditEntries(AuditFilter(since: Date().addingTimeInterval(3_600))).isEmpty)
    }

    @Test(
        "the settings start at their defaults, and a change is read by every store and audited",
        arguments: StoreKind.keepingPrivacy)
    func settings(kind: StoreKind) throws {
        let directory = try kind.make()
        defer { withExtendedLifetime(directory) {} }
        let store = try #require(directory.privacy)
        let open = try #require(directory.another)
        #expect(try store.settings() == DirectorySettings.defaults)
        let sixMonths = try #require(Period(parsing: "6m"))
        try store.update(.retention, to: sixMonths, actor: "admin")
        #expect(try open().settings().retention == sixMonths)
        #expect(try store.settings().dbsValidFor == DirectorySettings.defaults.dbsValidFor)
        let entry = try #require(try store.auditEntries(AuditFilter(actor: "admin")).last)
        #expect([entry.action, entry.target, entry.detail] == ["settings", "retention", "set to 6m"])
        #expect(try store.verifyAudit() == .intact(entries: 1))
    }

    @Test(
        "retention, subject access and DBS checks read the same on every store, and retention erases without suppressing",
        arguments: StoreKind.keepingPrivacy)
    func retentionSubjectAccessAndDBS(kind: StoreKind) throws {
        let directory = try kind.make()
        defer { withExtendedLifetime(directory) {} }
        let store = try #require(directory.privacy)
        try directory.importText("north.csv", ErasureContractTests.roster)
        let reference = try StoreKind.sqlite.make()
        let referenceStore = try #require(reference.privacy)
        try reference.importText("north.csv", ErasureContractTests.roster)

        // Found through retention's own read, so that this contract holds for the stores' privacy
        // reads whatever their search does.
        let later = Date().addingTimeInterval(86_400)
        #expect(try store.notSeen(since: Date().addingTimeInterval(-86_400)).isEmpty)
        let unseen = try store.notSeen(since: later)
        #expect(unseen.map(\.name) == ["Ann Able", "Ben Bright"])
        #expect(unseen.map(\.networks) == [["North Network"], ["North Network"]])
        let ann = try #require(unseen.first).id

        let listings = try store.sourceListings(of: ann)
        #expect(listings.map(\.source) == ["roster:north network"])
        #expect(listings.first?.skills.map(\.written) == ["Interpreting"])
        #expect(listings.first?.firstImport?.file == "north.csv")
        #expect(listings.map(Self.undated) == (try referenceStore.sourceListings(of: ann)).map(Self.undated))
        #expect(try store.dbsChecks() == referenceStore.dbsChecks())
        #expect(try store.dbsChecks().map(\.check.level) == [.enhanced, .basic])

        #expect(try store.eraseUnseen([ann, ann, 999_999], actor: "admin") == 1)
        #expect(try store.notSeen(since: later).map(\.name) == ["Ben Bright"])
        #expect(try store.sourceListings(of: ann).isEmpty)
        #expect(try store.dbsChecks().map(\.name) == ["Ben Bright"])
        #expect(try directory.erasure.suppressions().isEmpty)
        let erasure = try #require(try store.auditEntries(AuditFilter(person: ann)).last)
        #expect([erasure.action, erasure.detail] == ["review --erase", "reason: retention"])
        #expect(try store.verifyAudit() == .intact(entries: 1))
        // Not suppressed: a roster that lists her again is current, and may.
        let again = try directory.importText(
            "north-2.csv", "Name,Email,Phone,Organisation,Consent\nAnn Able,ann@example.org,,North Network,yes")
        #expect(again.counts.created == 1)
    }

    @Test(
        "forgetting redacts the audit entries that name the person, keeps the chain whole, and suppresses their keys",
        arguments: StoreKind.keepingPrivacy)
    func forgetRedactsAndSuppresses(kind: StoreKind) throws {
        let directory = try kind.make()
        defer { withExtendedLifetime(directory) {} }
        let store = try #require(directory.privacy)
        try directory.importText("north.csv", ErasureContractTests.roster)
        let ann = try #require(try store.notSeen(since: Date().addingTimeInterval(86_400)).first).id
        try store.record([
            AuditEvent(actor: "coordinator", action: "show", target: "volunteer \(ann)", detail: "rang Ann about Sat"),
            AuditEvent(actor: "coordinator", action: "show", target: "volunteer 2", detail: "rang Ben about Sat"),
            AuditEvent(actor: "coordinator", action: "export", target: "list", detail: "sent to ann@example.org"),
        ])

        let suppression = try #require(try directory.erasure.forget(volunteer: ann, reason: "asked", actor: "admin"))
        #expect(suppression.keys == 2)
        #expect(try directory.erasure.forget(volunteer: ann, reason: "asked", actor: "admin") == nil)
        let entries = try store.auditEntries(AuditFilter())
        #expect(
            entries.map(\.detail) == [nil, "rang Ben about Sat", nil, "reason: asked; suppression \(suppression.id)"])
        #expect(entries.map(\.redacted) == [true, false, true, false])
        #expect(entries.last?.redacts == [1, 3])
        #expect(entries.last?.people == [ann])
        #expect(try store.verifyAudit() == .intact(entries: 4))
        #expect(try store.notSeen(since: Date().addingTimeInterval(86_400)).map(\.name) == ["Ben Bright"])
        #expect(try store.sourceListings(of: ann).isEmpty)

        // Her email again, in another roster: suppressed, not imported.
        let again = try directory.importText(
            "south.csv", "Name,Email,Phone,Organisation,Consent\nA. Able,ANN@example.org,,South Network,yes")
        #expect(again.counts.suppressed == 1)
        #expect(try directory.erasure.liftSuppression(id: suppression.id, actor: "admin"))
        #expect(try store.auditEntries(AuditFilter(actor: "admin")).last?.action == "forget --lift")
        #expect(try store.verifyAudit() == .intact(entries: 5))
    }

    /// A listing without the moments of its imports, which differ from one directory to another.
    static func undated(_ listing: SourceListing) -> SourceListing {
        var listing = listing
        listing.firstImport?.importedAt = .distantPast
        listing.lastImport?.importedAt = .distantPast
        return listing
    }
}

/// What a PostgreSQL directory says to `voldir backup` and `voldir restore`: run the server's tools.
@Suite("PostgreSQL: backups are the server's", .enabled(if: PostgresTestServer.location != nil))
struct PostgresBackupTests {
    @Test("backup and restore refuse, naming the pg_dump and pg_restore to run and what to re-apply")
    func refuses() throws {
        let directory = try StoreKind.postgres.make()
        let store = try #require(directory.store as? PostgresDirectoryStore)
        let location = store.location
        #expect(throws: PostgresStoreError.serverBackups(location, file: "nightly.dump", restoring: false)) {
            try store.backup(to: "nightly.dump", actor: "admin")
        }
        #expect(throws: PostgresStoreError.serverBackups(location, file: "nightly.dump", restoring: true)) {
            _ = try store.restore(from: "nightly.dump", actor: "admin")
        }
        #expect(!FileManager.default.fileExists(atPath: "nightly.dump"))
    }
}

/// What the PostgreSQL store's backup and restore errors tell a person to run.
@Suite("PostgreSQL: what to run for backups")
struct PostgresBackupMessageTests {
    @Test("the messages say what to run, with the directory's URL and never its password")
    func messages() throws {
        let location = try PostgresLocation(url: "postgres://voldir:s3cret@db.internal:5433/partnership")
        let backup = PostgresStoreError.serverBackups(location, file: "nightly.dump", restoring: false).description
        #expect(
            backup.contains(
                "pg_dump --format=custom --file='nightly.dump' 'postgres://voldir@db.internal:5433/partnership'"))
        #expect(backup.contains("nothing was written"))
        let restore = PostgresStoreError.serverBackups(location, file: "nightly.dump", restoring: true).description
        #expect(
            restore.contains(
                "pg_restore --clean --if-exists --dbname='postgres://voldir@db.internal:5433/partnership' 'nightly.dump'"
            ))
        #expect(restore.contains("SELECT DISTINCT volunteer_id FROM erasure"))
        #expect(restore.contains("voldir forget ID"))
        #expect(restore.contains("Nothing was restored"))
        #expect(!backup.contains("s3cret") && !restore.contains("s3cret"))
    }
}
