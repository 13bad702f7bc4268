import Foundation
import Testing
import VolunteerDirectory

/// The JSON every `--format json` and API answer is written with.
@Suite struct PresentationJSONTests {
    struct Sample: Encodable {
        var empty: [String] = []
        var nested: [[Int]] = [[], [1, 2], []]
        var text = "[ ] and \"[\n]\" stay as written"
        var tail: [String] = []
    }

    @Test func emptyArraysAreWrittenAsBracketsAndStringsAreLeftAlone() throws {
        let json = try Presentation.json(Sample())
        #expect(json.contains("\"empty\" : []"))
        #expect(json.contains("\"tail\" : []"))
        #expect(json.contains("[\n    [],\n    [\n      1,\n      2\n    ],\n    []\n  ]"))
        #expect(json.contains(#""text" : "[ ] and \"[\n]\" stay as written""#))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(decoded?["text"] as? String == "[ ] and \"[\n]\" stay as written")
        #expect(try Presentation.json([String]()) == "[]")
    }
}
