import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import Sector3Importer

/// `voldir validate` accepts every feed that `import` reads as version 1: unknown elements and
/// attributes anywhere (the spec says later versions add fields) are warnings with their place,
/// never errors; both namespace styles, every date form the spec allows, any version 1.x.
@Suite("Validation accepts what import accepts")
struct ValidationLeniencyTests {
    let directory: TestDirectory

    init() throws {
        directory = try TestDirectory(importers: [Sector3Importer.self])
    }

    func validate(_ text: String) throws -> [XMLProblem] {
        try Sector3FeedValidator.validate(try directory.file("feed.xml", text))
    }

    func imported(_ text: String) throws -> RecordingSink {
        let sink = RecordingSink()
        try Sector3Importer().read(
            ImportInput(url: try directory.file("feed.xml", text), displayName: "feed.xml", size: 0),
            options: ImportOptions(),
            into: sink)
        return sink
    }

    static func prefixed(version: String = "1.0", _ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <s3:feed xmlns:s3="urn:sector3:network-feed:1" xmlns:x="urn:example:export" version="\(version)" sequence="4" source="S">
        \(body)
        </s3:feed>
        """
    }

    @Test("a foreign element between two of a record's elements is a warning with its line and column")
    func foreignElementMidRecord() throws {
        let problems = try validate(
            Self.prefixed(
                """
                  <s3:volunteer id="V1">
                    <s3:name>Amina Rahman</s3:name>
                    <s3:age-band>65+</s3:age-band>
                    <x:shoe-size>7</x:shoe-size>
                    <s3:skills><s3:skill>Accountancy</s3:skill></s3:skills>
                    <s3:consent contact="yes"/>
                  </s3:volunteer>
                """))
        #expect(problems.filter(\.isError).isEmpty, "\(problems)")
        let warning = try #require(problems.first)
        #expect(problems.count == 1, "\(problems)")
        #expect((warning.line, warning.column) == (6, 5))
        #expect(warning.message.contains("'volunteer/shoe-size'") && warning.message.contains("x:shoe-size"))
        #expect(
            try imported(
                Self.prefixed(
                    "<s3:volunteer id=\"V1\"><s3:name>A</s3:name><x:shoe-size>7</x:shoe-size><s3:skills/></s3:volunteer>"
                )
            ).rejections.isEmpty)
    }

    @Test("an element of the feed's own namespace from a later version 1.x is a warning")
    func laterVersionElement() throws {
        let problems = try validate(
            Self.prefixed(
                version: "1.2",
                """
                  <s3:volunteer id="V1"><s3:name>Amina Rahman</s3:name><s3:hobby>Chess</s3:hobby><s3:email>a@example.org</s3:email></s3:volunteer>
                  <s3:opportunity id="O1" partner="P"><s3:title>Reading</s3:title><s3:funding>lottery</s3:funding><s3:places>2</s3:places></s3:opportunity>
                  <s3:newsletter id="N1"><s3:title>Spring</s3:title></s3:newsletter>
                """))
        #expect(problems.filter(\.isError).isEmpty, "\(problems)")
        try #require(problems.count == 3, "\(problems)")
        #expect(problems.map(\.line) == [3, 4, 5])
        #expect(problems.map(\.column) == [56, 67, 3])
        #expect(problems[0].message.contains("'volunteer/hobby'"))
        #expect(problems[1].message.contains("'opportunity/funding'"))
        #expect(problems[2].message.contains("'feed/newsletter'"))
    }

    @Test("unknown attributes, unqualified or in another namespace, are warnings at the attribute")
    func unknownAttributes() throws {
        let problems = try validate(
            Self.prefixed(
                """
                  <s3:volunteer id="V1" mood="sunny" x:colour="green"><s3:name>Amina</s3:name>
                    <s3:languages><s3:language code="ur" dialect="Mirpuri" proficiency="native"/></s3:languages></s3:volunteer>
                """))
        #expect(problems.filter(\.isError).isEmpty, "\(problems)")
        try #require(problems.count == 3, "\(problems)")
        #expect(problems.map(\.line) == [3, 3, 4])
        #expect(problems.map(\.column) == [25, 38, 42])
        #expect(problems.map { $0.message.contains("unknown attribute") } == [true, true, true])
        #expect(problems[2].message.contains("'volunteer/languages/language/@dialect'"))
    }

    @Test("the default-namespace style and the prefixed style are both valid, unknown parts and all")
    func namespaceStyles() throws {
        let defaultStyle = """
            <?xml version="1.0"?>
            <feed xmlns="urn:sector3:network-feed:1" version="1.1" sequence="9">
              <volunteer id="V1"><name>Grace</name><pronouns>she/her</pronouns><consent contact="yes" channel="sms"/></volunteer>
            </feed>
            """
        let problems = try validate(defaultStyle)
        #expect(problems.filter(\.isError).isEmpty, "\(problems)")
        #expect(problems.map(\.column) == [40, 91])
        #expect(try imported(defaultStyle).volunteers.map(\.name) == ["Grace"])

        let prefixed = try validate(
            Self.prefixed(
                #"<s3:volunteer id="V1"><s3:name>Grace</s3:name><s3:pronouns>she/her</s3:pronouns></s3:volunteer>"#))
        #expect(prefixed.filter(\.isError).isEmpty, "\(prefixed)")
        #expect(prefixed.count == 1)
    }

    @Test(
        "every date form the specification allows is valid",
        arguments: ["2025-03-28", "28/03/2025", "2025-03-28Z", "2025-03-28T10:15:00Z", "2025-03-28T10:15:00+01:00"])
    func dateForms(date: String) throws {
        let problems = try validate(
            Self.prefixed(
                """
                  <s3:network id="N1" updated="\(date)"><s3:name>Choir</s3:name><s3:member ref="V1" since="\(date)"/></s3:network>
                  <s3:volunteer id="V1" updated="\(date)"><s3:name>Amina</s3:name>
                    <s3:checks><s3:dbs level="enhanced" issued="\(date)"/></s3:checks><s3:consent contact="yes" recorded="\(date)"/></s3:volunteer>
                  <s3:withdrawn ref="V9" on="\(date)"/>
                """))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test(
        "every form of the generated timestamp is valid",
        arguments: [
            "2025-04-02T09:30:00Z", "2025-04-02T09:30:00+01:00", "2025-04-02T09:30:00.250Z", "2025-04-02T09:30:00",
            "2025-04-02",
        ])
    func generatedForms(generated: String) throws {
        let text = """
            <?xml version="1.0"?>
            <s3:feed xmlns:s3="urn:sector3:network-feed:1" version="1.0" sequence="1" generated="\(generated)" source="S"/>
            """
        #expect(try validate(text).isEmpty)
    }

    @Test("version 1.2 is accepted; version 2 is refused as import refuses it", arguments: ["1.2", "1.10", "1.0.3"])
    func laterMinorVersion(version: String) throws {
        #expect(
            try validate(Self.prefixed(version: version, #"<s3:volunteer id="V1"><s3:name>A</s3:name></s3:volunteer>"#))
                .isEmpty)
    }

    @Test("version 2 is refused, at the root element", arguments: ["2.0", "2", "1", "10.1"])
    func otherVersion(version: String) throws {
        let problems = try validate(
            Self.prefixed(version: version, #"<s3:volunteer id="V1"><s3:name>A</s3:name></s3:volunteer>"#))
        let error = try #require(problems.filter(\.isError).first, "\(problems)")
        #expect((error.line, error.column) == (2, 1))
        #expect(error.message.contains("'\(version)'"))
    }

    @Test("a genuinely invalid feed still reports each error at its line and column, unknown parts aside")
    func genuinelyInvalid() throws {
        let problems = try validate(
            Self.prefixed(
                """
                  <s3:volunteer id="V1">
                    <s3:name>Amina</s3:name>
                    <x:shoe-size>7</x:shoe-size>
                    <s3:age-band>sixty</s3:age-band>
                    <s3:checks><s3:dbs level="enhnaced" issued="2024-01-12"/></s3:checks>
                  </s3:volunteer>
                  <s3:volunteer id="V2"><s3:name>Bad date</s3:name><s3:checks><s3:dbs level="basic" issued="31/02/2024"/></s3:checks></s3:volunteer>
                """))
        let errors = problems.filter(\.isError)
        try #require(errors.count == 3, "\(problems)")
        #expect(errors.map(\.line) == [6, 7, 9], "\(problems)")
        #expect(errors.map(\.column) == [5, 24, 3])
        #expect(errors[0].message.contains("sixty"))
        #expect(errors[1].message.contains("enhnaced"))
        #expect(errors[2].message.contains("31/02/2024"))
        let warnings = problems.filter { !$0.isError }
        #expect(warnings.map(\.line) == [5])
    }

    @Test("a flood of warnings is cut at a thousand and counted, and cannot hide an error after it")
    func manyWarnings() throws {
        let records = (1...1_005).map {
            #"<s3:volunteer id="V\#($0)"><s3:name>N</s3:name><s3:hobby>Chess</s3:hobby></s3:volunteer>"#
        }
        let problems = try validate(
            Self.prefixed(
                records.joined(separator: "\n") + "\n"
                    + #"<s3:volunteer id="BAD"><s3:name>N</s3:name><s3:age-band>old</s3:age-band></s3:volunteer>"#))
        #expect(problems.filter { !$0.isError }.count == 1_001)
        #expect(problems.last?.message == "5 more warnings, not listed")
        let error = try #require(problems.filter(\.isError).first)
        #expect((error.line, error.column) == (1_008, 44))
    }

    @Test("validation warns about exactly the parts import skips")
    func sameUnknownPartsAsImport() throws {
        let url = fixturesFolder().appendingPathComponent("unknown-parts.xml")
        let problems = try Sector3FeedValidator.validate(url)
        #expect(problems.filter(\.isError).isEmpty, "\(problems)")
        let sink = RecordingSink()
        try Sector3Importer().read(
            ImportInput(url: url, displayName: "unknown-parts.xml", size: 0), options: ImportOptions(), into: sink)
        func path(_ message: String) -> String? {
            guard let start = message.firstIndex(of: "'") else { return nil }
            let rest = message[message.index(after: start)...]
            return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
        }
        #expect(Set(problems.compactMap { path($0.message) }) == Set(sink.warnings.compactMap { path($0.message) }))
        #expect(problems.count == 9)
    }
}

/// Departures from the schema that import reads all the same: warnings, so `validate` passes.
@Suite("Validation warns where import is more lenient than the schema")
struct ValidationDepartureTests {
    @Test("elements out of the schema's order, yes for true and a dashed UK date are read by import: warnings only")
    func departures() throws {
        let directory = try TestDirectory(importers: [Sector3Importer.self])
        let url = try directory.file(
            "feed.xml",
            """
            <?xml version="1.0"?>
            <s3:feed xmlns:s3="urn:sector3:network-feed:1" version="1.0" sequence="1">
              <s3:volunteer id="V1" updated="28-03-2025"><s3:email>a@example.org</s3:email><s3:name>Amina</s3:name></s3:volunteer>
              <s3:volunteer id="V2"><s3:name>Tariq</s3:name>
                <s3:languages><s3:language code="ur" interprets="yes"/></s3:languages></s3:volunteer>
            </s3:feed>
            """)
        let problems = try Sector3FeedValidator.validate(url)
        #expect(problems.filter(\.isError).isEmpty, "\(problems)")
        #expect(problems.count == 3, "\(problems)")
        #expect(
            problems.allSatisfy { $0.message.hasPrefix("import reads this, but it departs from the version 1 schema") })
        #expect(problems.map(\.line) == [3, 3, 5])
        #expect(problems.map(\.column) == [25, 46, 42])
    }
}

/// The scan that places problems: every start tag in document order, outside markup that is not a tag.
@Suite("Tag positions")
struct TagPositionsTests {
    @Test("start tags and attributes are placed past comments, CDATA, instructions, a DOCTYPE and CRLF line ends")
    func positions() throws {
        let directory = try TestDirectory(importers: [])
        let text =
            "<?xml version=\"1.0\"?>\r\n<!DOCTYPE feed [ <!ELEMENT feed ANY> ]>\r\n<feed a=\"x>y\">"
            + "<!-- <fake/> --><![CDATA[ <fake/> ]]><?pi <fake/> ?>\r\n  <é/><b\n   c='1'\td=\"2\"/></feed>"
        let url = try directory.file("tags.xml", text)
        let scan = try TagPositions(scanning: url, wanted: [0, 1, 2], utf8: true)
        #expect(scan.tags[0]?.place == TagPositions.Place(line: 3, column: 1))
        #expect(scan.tags[0]?.attributes["a"] == TagPositions.Place(line: 3, column: 7))
        #expect(scan.tags[1]?.place == TagPositions.Place(line: 4, column: 3))
        #expect(scan.tags[2]?.place == TagPositions.Place(line: 4, column: 7))
        #expect(scan.tags[2]?.attributes["c"] == TagPositions.Place(line: 5, column: 4))
        #expect(scan.tags[2]?.attributes["d"] == TagPositions.Place(line: 5, column: 10))
    }
}
