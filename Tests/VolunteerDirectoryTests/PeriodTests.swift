import Foundation
import Testing
import VolunteerDirectory

@Suite("Periods for settings and options")
struct PeriodTests {
    @Test(
        "accepted forms", arguments: [("24m", "24m"), ("60d", "60d"), (" 2Y ", "2y"), ("8w", "8w"), ("1200m", "1200m")])
    func accepted(text: String, reads: String) throws {
        #expect(try #require(Period(parsing: text)).description == reads)
    }

    @Test("nonsense is refused", arguments: ["0m", "abc", "24", "m", "-3m", "1201m", "24x", "2.5m", "", "٢m"])
    func refused(text: String) {
        #expect(Period(parsing: text) == nil)
    }

    @Test("months count back by the calendar, in UTC")
    func before() throws {
        let formatter = ISO8601DateFormatter()
        let date = try #require(formatter.date(from: "2026-03-31T12:00:00Z"))
        #expect(formatter.string(from: try #require(Period(parsing: "1m")).before(date)) == "2026-02-28T12:00:00Z")
        #expect(formatter.string(from: try #require(Period(parsing: "24m")).before(date)) == "2024-03-31T12:00:00Z")
        #expect(formatter.string(from: try #require(Period(parsing: "60d")).before(date)) == "2026-01-30T12:00:00Z")
    }
}
