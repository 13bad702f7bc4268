import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectorySQLite
import VolunteerDirectoryTestSupport

/// An import that does not fit on the disk, on a tmpfs of a few MB.
@Suite("voldir on a full disk")
struct DiskFullTests {
    let cli: CommandLineTests

    init() throws {
        cli = try CommandLineTests()
    }

    @Test(
        "an import too large for the disk fails with exit 1 and the space it needed, and gives the space back",
        .enabled(if: ScratchMount.isAllowed, "skipped: mounting a tmpfs needs root"))
    func importTooLargeForTheDisk() throws {
        let mount = try ScratchMount(size: "3m")
        let database = try cli.directoryWithAmina(in: mount.folder)
        let generated = try cli.voldir("generate", "--volunteers", "10000", "--output", "large.csv")
        #expect(generated.status == 0, "\(generated.stderr)")
        let before = try cli.voldir("search", "--db", database, "--format", "json")
        #expect(before.status == 0)

        // Another program keeps the directory open, as a web app would: SQLite then never deletes
        // the write-ahead log when the importer exits.
        let holder = try SQLiteDirectoryStore(path: database, access: .reading)
        #expect(try holder.search(VolunteerQuery()).count == 1)
        let free = try mount.freeBytes()
        // The search's audit entry sits in the write-ahead log (the search's read-only connection
        // closed last and could not fold it into the file); the failed import truncates the log,
        // giving that space back too.
        let logAttributes = try? FileManager.default.attributesOfItem(atPath: database + "-wal")
        let logBefore = (logAttributes?[.size] as? NSNumber)?.int64Value ?? 0

        let failed = try cli.voldir("import", "large.csv", "--db", database)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("large.csv was not imported: the disk holding"))
        #expect(failed.stderr.contains("is full"))
        #expect(failed.stderr.contains(" MB in the directory's write-ahead log when space ran out"))
        #expect(failed.stderr.contains("so it needs more than that free beside the directory"))
        #expect(failed.stderr.contains("the space has been given back"))

        let freeAfter = try mount.freeBytes()
        #expect(
            abs(freeAfter - free - logBefore) <= 2 * 4096, "free before \(free), after \(freeAfter), log \(logBefore)")
        let after = try cli.voldir("search", "--db", database, "--format", "json")
        #expect(after.status == 0)
        #expect(after.stdout == before.stdout)
        #expect(try holder.search(VolunteerQuery()).map(\.volunteer.name) == ["Amina Rahman"])
    }
}
