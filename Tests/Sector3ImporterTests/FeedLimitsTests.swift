import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import Sector3Importer

/// Feeds that try the limits: a giant element of many text nodes (one giant text node is in
/// HardeningTests), fields over the directory's limits, more places than an opportunity can have.
@Suite("Sector 3 feed limits")
struct FeedLimitsTests {
    let directory: TestDirectory

    init() throws {
        directory = try TestDirectory(importers: [Sector3Importer.self])
    }

    func feed(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <s3:feed xmlns:s3="urn:sector3:network-feed:1" version="1.0" sequence="1" source="Limits">
        <s3:volunteer id="V1"><s3:name>Ada</s3:name></s3:volunteer>
        \(body)
        </s3:feed>
        """
    }

    func load(_ name: String, _ text: String) throws -> FileImportReport {
        try directory.service.importFile(at: try directory.file(name, text), request: ImportRequest())
    }

    @Test("an element of many text nodes past 16 MiB in all fails the feed, naming the line it starts on")
    func hugeElement() throws {
        let area = "<s3:area>" + String(repeating: "a", count: 1 << 20) + "</s3:area>\n"
        let text = feed(
            "<s3:volunteer id=\"V2\"><s3:name>Big</s3:name>\n" + String(repeating: area, count: 17) + "</s3:volunteer>")
        let error = try #require(throws: ImportError.self) { try load("huge-element.xml", text) }
        #expect(error.description.hasPrefix("huge-element.xml:4: the feed holds something far larger"))
        #expect(error.description.contains("runs past 16 MiB"))
    }

    @Test("a name over the directory's limit rejects the volunteer, not the feed")
    func oversizedName() throws {
        let text = feed(
            "<s3:volunteer id=\"V2\"><s3:name>" + String(repeating: "n", count: 2_000) + "</s3:name></s3:volunteer>")
        let report = try load("long-name.xml", text)
        #expect(try directory.everyone().map(\.name) == ["Ada"])
        #expect(report.rejected.map(\.location.line) == [4])
        #expect(report.rejected.first?.reason.hasSuffix("is 2,000 characters long; at most 300 are accepted") == true)
    }

    @Test("an opportunity's places of 2147483648 is rejected with the accepted range")
    func placesOutOfRange() throws {
        let text = feed(
            """
            <s3:opportunity id="OPP-1" partner="Hospital"><s3:title>Reading</s3:title><s3:places>2147483648</s3:places></s3:opportunity>
            <s3:opportunity id="OPP-2" partner="Hospital"><s3:title>Driving</s3:title><s3:places>3</s3:places></s3:opportunity>
            """)
        let report = try load("places.xml", text)
        #expect(try directory.store.needs().map(\.id) == ["OPP-2"])
        #expect(report.rejected.map(\.reason) == ["places '2147483648' is not a whole number from 1 to 1,000"])
    }
}
