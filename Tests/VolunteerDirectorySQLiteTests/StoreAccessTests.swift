import Foundation
import GRDB
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import VolunteerDirectorySQLite

/// How the store opens a directory for reading or writing, waits for other writers, and keeps
/// what happens after a commit from turning a committed import into a failure.
@Suite("Directory store: access, other writers, upkeep")
struct StoreAccessTests {
    /// The test's own folder, removed when the test ends.
    let temporary: TemporaryFolder
    var folder: URL { temporary.url }

    init() throws {
        temporary = try TemporaryFolder(prefix: "voldir-access")
    }

    /// A directory holding Amina, made and closed again, so that no connection holds it open.
    func closedDirectory(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("voldir.sqlite").path
        let store = try SQLiteDirectoryStore(path: path)
        let service = ImportService(store: store, registry: ImporterRegistry([ScriptedImporter.self]))
        let file = folder.appendingPathComponent("amina.jsonl")
        try Data(
            try ScriptedImporter.script([
                DirectoryStoreTests.person("Amina Rahman", id: "1", skills: [Skill(written: "Accountancy")])
            ]).utf8
        ).write(to: file)
        _ = try service.importFile(at: file, request: ImportRequest())
        return path
    }

    /// Writes a script of `lines` for the scripted importer to `name` in the test's folder.
    func script(_ name: String, _ lines: [ScriptedImporter.Line]) throws -> URL {
        let file = folder.appendingPathComponent(name)
        try Data(try ScriptedImporter.script(lines).utf8).write(to: file)
        return file
    }

    /// A store at `path` whose upkeep fails where `faults` says, with an import service over it.
    func failing(_ path: String, _ faults: MaintenanceFaults) throws -> (SQLiteDirectoryStore, ImportService) {
        let store = try SQLiteDirectoryStore(
            path: path, taxonomy: nil, access: .writing, lockTimeout: 1, faults: faults)
        return (store, ImportService(store: store, registry: ImporterRegistry([ScriptedImporter.self])))
    }

    func people(_ count: Int, from first: Int = 1) -> [ScriptedImporter.Line] {
        (first..<(first + count)).map {
            DirectoryStoreTests.person("Person \($0)", id: "\($0)", email: "p\($0)@example.org")
        }
    }

    @Test("opening for reading writes nothing to the file and needs no lock, even with another program writing")
    func readingWritesNothing() throws {
        let path = try closedDirectory(in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let reader = try SQLiteDirectoryStore(path: path, access: .reading, lockTimeout: 0)
            #expect(try reader.search(VolunteerQuery()).map(\.volunteer.name) == ["Amina Rahman"])
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect((SQLiteDirectoryStore.fileSize(path + "-wal") ?? 0) == 0)

        let writer = try SQLiteDirectoryStore(path: path)
        _ = try writer.write { _ in
            let reader = try SQLiteDirectoryStore(path: path, access: .reading, lockTimeout: 0)
            #expect(try reader.search(VolunteerQuery()).count == 1)
        }
    }

    @Test("a store opened for reading refuses to write, and a missing file is no directory")
    func readingNeedsAFileAndDoesNotWrite() throws {
        let path = try closedDirectory(in: folder)
        let reader = try SQLiteDirectoryStore(path: path, access: .reading)
        #expect(throws: StoreError.self) { try reader.propose([]) }
        let missing = folder.appendingPathComponent("typo.sqlite").path
        #expect {
            try SQLiteDirectoryStore(path: missing, access: .reading)
        } throws: { error in
            "\(error)" == "there is no directory at '\(missing)'"
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test("a writer that finds another writing waits, and when its wait runs out says another is writing")
    func anotherWriterIsNamed() throws {
        let path = try closedDirectory(in: folder)
        let first = try SQLiteDirectoryStore(path: path)
        let second = try SQLiteDirectoryStore(path: path, lockTimeout: 0.2)
        _ = try first.write { _ in
            #expect {
                _ = try second.write { writer in try writer.createNetwork(named: "Late") }
            } throws: { error in
                let text = "\(error)"
                return text.contains("another import or command is writing to the directory '\(path)'")
                    && text.contains("nothing was written. Try again when it finishes.")
            }
        }
        // Once the first has finished, the second writes.
        _ = try second.write { writer in try writer.createNetwork(named: "Late") }
        #expect(try first.networks().map(\.name).contains("Late"))
    }

    @Test(
        "on a read-only mount a pending migration says what to run, and a changed taxonomy is a note",
        .enabled(if: ScratchMount.isAllowed, "skipped: mounting a tmpfs needs root"))
    func readOnlyMount() throws {
        let mount = try ScratchMount(size: "4m")
        let old = mount.folder.appendingPathComponent("old.sqlite").path
        let previous = try #require(Schema.migrator.migrations.dropLast().last)
        do {
            let queue = try DatabaseQueue(path: old)
            try Schema.migrator.migrate(queue, upTo: previous)
        }
        let current = try closedDirectory(in: mount.folder)
        try mount.makeReadOnly()

        #expect {
            try SQLiteDirectoryStore(path: old, access: .reading)
        } throws: { error in
            let text = "\(error)"
            return text.contains("needs its schema brought up to date (\(Schema.migrator.migrations.last ?? ""))")
                && text.contains("Run 'voldir import' once as someone who can write it")
        }

        let reader = try SQLiteDirectoryStore(path: current, access: .reading)
        #expect(reader.notes.isEmpty)
        #expect(try reader.search(VolunteerQuery(skills: ["accountancy"])).map(\.volunteer.name) == ["Amina Rahman"])

        let extended = try SkillTaxonomy.standard().extended(
            withYAML: "version: 1\nskills:\n  - key: beekeeping\n    label: Beekeeping\n    synonyms: [apiarist]\n",
            file: "bees.taxonomy.yaml")
        let stale = try SQLiteDirectoryStore(path: current, taxonomy: extended, access: .reading)
        #expect(stale.notes.count == 1)
        #expect(stale.notes.first?.contains("skills are searched as last mapped") == true)
        #expect(try stale.search(VolunteerQuery()).count == 1)

        #expect(throws: StoreError.self) { try SQLiteDirectoryStore(path: current) }
    }

    @Test("opening for reading a file that can be written brings a pending migration up to date once")
    func readingMigratesWhenItMay() throws {
        let path = folder.appendingPathComponent("old.sqlite").path
        let previous = try #require(Schema.migrator.migrations.dropLast().last)
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: previous)
        }
        let reader = try SQLiteDirectoryStore(path: path, access: .reading)
        #expect(try reader.search(VolunteerQuery()).isEmpty)
        let applied = try DatabaseQueue(path: path).read { db in try Schema.migrator.hasCompletedMigrations(db) }
        #expect(applied)
    }

    @Test("the planner's statistics are refreshed inside the import: when that fails, nothing was written")
    func statisticsInsideTheTransaction() throws {
        let path = folder.appendingPathComponent("voldir.sqlite").path
        let (store, service) = try failing(path, MaintenanceFaults(statistics: StoreError.busy(path: path, waited: 1)))
        // Imports that change a thousand records or more refresh them (Schema.statisticsThreshold).
        let file = try script("many.jsonl", people(1_000))
        #expect(throws: StoreError.self) { try service.importFile(at: file, request: ImportRequest()) }
        #expect(try store.search(VolunteerQuery(limit: 10)).isEmpty)
        #expect(try store.batches().isEmpty)

        let working = try SQLiteDirectoryStore(path: path)
        _ = try ImportService(store: working, registry: ImporterRegistry([ScriptedImporter.self]))
            .importFile(at: file, request: ImportRequest())
        let statistics = try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_stat1")
        }
        #expect((statistics ?? 0) > 0)
    }

    @Test("when making erasures final fails after the commit, the import stands and says so as a warning")
    func failureAfterTheCommitIsAWarning() throws {
        let path = folder.appendingPathComponent("voldir.sqlite").path
        let (store, service) = try failing(path, MaintenanceFaults(compaction: StoreError.busy(path: path, waited: 1)))
        _ = try service.importFile(at: try script("first.jsonl", people(2)), request: ImportRequest())
        let second = try script(
            "second.jsonl",
            [
                .withdrawal(Withdrawal(source: "feed:test", volunteerRef: "1")),
                DirectoryStoreTests.person("Person 3", id: "3"),
            ])

        let report = try service.importFile(at: second, request: ImportRequest())
        #expect(report.counts.erased == 1)
        #expect(report.counts.created == 1)
        #expect(
            report.warnings.map(\.message).contains {
                $0.hasPrefix("the import is committed, but the erasures could not be made final yet")
            })
        #expect(try store.search(VolunteerQuery()).map(\.volunteer.name).sorted() == ["Person 2", "Person 3"])
        #expect(try store.batches().count == 2)
    }
}
