import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import Sector3Importer

/// A feed is known by the SHA-256 of its bytes. The digest now comes from swift-crypto; a directory
/// written by an earlier voldir holds digests from voldir's own implementation, and must still know them.
@Suite("A feed's identity across versions")
struct FileIdentityTests {
    static let feed =
        #"<?xml version="1.0"?><s3:feed xmlns:s3="urn:sector3:network-feed:1" version="1.0" sequence="7" source="S">"#
        + #"<s3:volunteer id="V1"><s3:name>Amina Rahman</s3:name><s3:consent contact="yes"/></s3:volunteer></s3:feed>"#
        + "\n"

    /// The feed's SHA-256 as `sha256sum` prints it, and as voldir 0.1 stored it in `import_batch.sha256`.
    static let storedDigest = "4ef2f860fac0342adb09b082ad412f2247294934031be274f70cb76bd5c73ee3"

    @Test("a feed imported by an earlier version is still recognised as already imported")
    func earlierBatchRecognised() throws {
        let directory = try TestDirectory(importers: [Sector3Importer.self])
        let url = try directory.file("feed-7.xml", Self.feed)
        #expect(try ImportService.sha256(of: url, displayName: "feed-7.xml") == Self.storedDigest)

        let importedAt = Date(timeIntervalSince1970: 1_700_000_000)
        var counts = ImportCounts()
        counts.created = 1
        try directory.store.write { writer in
            try writer.record(
                ImportBatch(
                    fileName: "feed-7.xml", sha256: Self.storedDigest, plugin: Sector3Importer.identifier,
                    importedAt: importedAt,
                    counts: counts, source: "S", sequence: 7))
        }
        let report = try directory.service.importFile(at: url, request: ImportRequest())
        #expect(report.previouslyImported == importedAt)
        #expect(report.counts.unchanged == 1)
        #expect(try directory.everyone().isEmpty, "nothing is read again from a file already imported")
    }
}
