import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import Sector3Importer

/// The feed through the directory: sequences, withdrawal, atomicity, merging with rosters.
@Suite("Importing the Sector 3 feed")
struct FeedImportTests {
    let directory: TestDirectory

    init() throws {
        directory = try TestDirectory(importers: [Sector3Importer.self])
    }

    static func feed(sequence: Int, source: String = "Sector 3 Stockport", _ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <s3:feed xmlns:s3="urn:sector3:network-feed:1" version="1.0" sequence="\(sequence)" source="\(source)">
        \(body)
        </s3:feed>
        """
    }

    static let zebedee = """
        <s3:volunteer id="VOL-9">
          <s3:name><s3:given>Zebedee</s3:given><s3:family>Quartermaine</s3:family></s3:name>
          <s3:email>zebedee.q@example.org</s3:email><s3:phone>07700 900999</s3:phone>
          <s3:skills><s3:skill>Xylophone tuition</s3:skill></s3:skills>
          <s3:languages><s3:language code="ti" proficiency="native"/></s3:languages>
          <s3:consent contact="yes" share="partners"/>
        </s3:volunteer>
        <s3:network id="NET-1"><s3:name>Choir</s3:name><s3:member ref="VOL-9" role="tenor"/><s3:member ref="VOL-2"/></s3:network>
        <s3:volunteer id="VOL-2"><s3:name>Someone Else</s3:name><s3:consent contact="yes"/></s3:volunteer>
        """

    @discardableResult
    func load(_ name: String, _ text: String, _ request: ImportRequest = ImportRequest()) throws -> FileImportReport {
        try directory.service.importFile(at: try directory.file(name, text), request: request)
    }

    @Test("withdrawn erases the person: row, memberships, skills, languages, full text, and the bytes on disk")
    func withdrawal() throws {
        try load("feed-1.xml", Self.feed(sequence: 1, Self.zebedee))
        #expect(try directory.everyone().count == 2)
        #expect(try directory.store.networks().first?.memberCount == 2)
        let report = try load("feed-2.xml", Self.feed(sequence: 2, #"<s3:withdrawn ref="VOL-9" on="2025-03-29"/>"#))
        #expect(report.counts.erased == 1)
        #expect(try directory.everyone().map(\.name) == ["Someone Else"])
        #expect(try directory.store.networks().first?.memberCount == 1)
        let hidden = VolunteerQuery(includeWithoutConsent: true)
        for query in [
            VolunteerQuery(text: "Quartermaine", includeWithoutConsent: true),
            VolunteerQuery(skills: ["xylophone"], includeWithoutConsent: true),
            VolunteerQuery(languages: [.resolving("Tigrinya")], includeWithoutConsent: true),
        ] {
            #expect(try directory.store.search(query).isEmpty)
        }
        #expect(try directory.store.search(hidden).count == 1)
        let bytes = try directory.rawBytes()
        for secret in ["Quartermaine", "zebedee.q@example.org", "Xylophone", "900999", "VOL-9"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "'\(secret)' is still in the database files")
        }
    }

    @Test("a stale sequence is refused and writes nothing unless forced; the same feed twice is unchanged")
    func sequences() throws {
        try load(
            "feed-118.xml", Self.feed(sequence: 118, #"<s3:volunteer id="V1"><s3:name>A</s3:name></s3:volunteer>"#))
        do {
            try load(
                "feed-117.xml", Self.feed(sequence: 117, #"<s3:volunteer id="V2"><s3:name>B</s3:name></s3:volunteer>"#))
            Issue.record("a stale feed was imported")
        } catch let error as ImportError {
            #expect(error == .staleFeed(source: "Sector 3 Stockport", sequence: 117, lastImported: 118))
        }
        #expect(try directory.everyone().map(\.name) == ["A"])
        let again = try load(
            "feed-118-again.xml",
            Self.feed(sequence: 118, #"<s3:volunteer id="V1"><s3:name>A</s3:name></s3:volunteer>"#))
        #expect(again.previouslyImported != nil)
        try load(
            "feed-117.xml", Self.feed(sequence: 117, #"<s3:volunteer id="V2"><s3:name>B</s3:name></s3:volunteer>"#),
            ImportRequest(force: true))
        #expect(try directory.everyone().count == 2)
        // Another source has its own sequence.
        try load(
            "other.xml",
            Self.feed(
                sequence: 1, source: "Another District", #"<s3:volunteer id="V1"><s3:name>C</s3:name></s3:volunteer>"#))
        #expect(try directory.everyone().count == 3)
    }

    @Test("a truncated feed writes nothing, even the records before the break")
    func truncatedWritesNothing() throws {
        #expect(throws: ImportError.self) {
            try directory.service.importFile(
                at: fixturesFolder().appendingPathComponent("truncated.xml"), request: ImportRequest())
        }
        #expect(try directory.everyone().isEmpty)
        #expect(try directory.store.batches().isEmpty)
    }

    @Test("members named before their volunteers are linked, in either namespace style")
    func interleavedMembers() throws {
        _ = try directory.service.importFile(
            at: fixturesFolder().appendingPathComponent("default-namespace-interleaved.xml"), request: ImportRequest())
        let networks = try directory.store.networks()
        #expect(networks.map(\.name) == ["Deaf Community", "Second Network"])
        #expect(networks.map(\.memberCount) == [2, 1])
        let tariq = try #require(try directory.everyone().first { $0.name == "Tariq Mahmood" })
        #expect(tariq.memberships.first?.role == "driver")
        #expect(try directory.store.needs().map(\.id) == ["OPP-1"])
    }

    @Test("the feed's people merge with roster people by email and phone")
    func mergesWithRosters() throws {
        try load(
            "f.xml",
            Self.feed(
                sequence: 1,
                """
                <s3:volunteer id="V1"><s3:name>Amina Rahman</s3:name><s3:email>Amina.Rahman@Example.org</s3:email><s3:consent contact="yes"/></s3:volunteer>
                <s3:volunteer id="V2"><s3:name>Dawit Tesfaye</s3:name><s3:phone>+44 7700 901111</s3:phone><s3:consent contact="yes"/></s3:volunteer>
                """))
        try load(
            "g.xml",
            Self.feed(
                sequence: 1, source: "Second Feed",
                """
                <s3:volunteer id="X"><s3:name>Amina R.</s3:name><s3:email>amina.rahman@example.org</s3:email></s3:volunteer>
                <s3:volunteer id="Y"><s3:name>D. Tesfaye</s3:name><s3:phone>07700 901111</s3:phone></s3:volunteer>
                """))
        #expect(try directory.everyone().count == 2)
    }
}
