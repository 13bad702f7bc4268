import Foundation
import Testing
import VolunteerDirectory

/// `voldir placements list` in its three formats.
@Suite("Placements as a table, CSV and JSON")
struct PlacementPresentationTests {
    let placements = [
        Placement(
            id: 7, need: "N-2", volunteer: 41, volunteerName: "=HYPERLINK(\"x\")", score: 0.75, status: .confirmed,
            proposedAt: Date(timeIntervalSince1970: 1_700_000_000),
            decidedAt: Date(timeIntervalSince1970: 1_700_086_400)),
        Placement(
            id: 3, need: "N-1", volunteer: 12, volunteerName: "Amina Rahman", score: 1, status: .proposed,
            proposedAt: Date(timeIntervalSince1970: 1_700_000_000)),
    ]

    @Test("a table in the order given, one row a placement under its headings")
    func table() throws {
        let lines = try Presentation.placements(placements, as: .table).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].split(separator: " ") == ["ID", "NEED", "VOLUNTEER", "NAME", "SCORE", "STATUS"])
        #expect(lines[2].hasPrefix("7 ") && lines[2].hasSuffix("confirmed"))
        #expect(lines[3].hasPrefix("3 ") && lines[3].contains("Amina Rahman") && lines[3].hasSuffix("proposed"))
    }

    @Test("CSV with a header row, and a name a spreadsheet would run as a formula neutralised")
    func csv() throws {
        let csv = try Presentation.placements(placements, as: .csv)
        let rows = csv.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "id,need,volunteer,name,score,status")
        #expect(rows.count == 3)
        #expect(!csv.contains(",=HYPERLINK"))
        #expect(!csv.contains(",\"=HYPERLINK"))
        #expect(rows[2] == "3,N-1,12,Amina Rahman,1.0,proposed")
    }

    @Test("JSON objects with the decision's time when there is one")
    func json() throws {
        let json = try Presentation.placements(placements, as: .json)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(objects.map { $0["id"] as? Int } == [7, 3])
        #expect(objects[0]["status"] as? String == "confirmed")
        #expect(objects[0]["decidedAt"] != nil)
        #expect(objects[1]["decidedAt"] == nil)
        #expect(objects[1]["volunteerName"] as? String == "Amina Rahman")
    }

    @Test("no placements: the headings alone, a header row, or []")
    func none() throws {
        #expect(try Presentation.placements([], as: .json) == "[]")
        #expect(
            try Presentation.placements([], as: .csv).split(separator: "\r\n") == [
                "id,need,volunteer,name,score,status"
            ])
        #expect(try Presentation.placements([], as: .table).contains("STATUS"))
    }
}
