import Foundation
import Testing
import VolunteerDirectory

@Suite("How long a DBS check counts")
struct DBSValidityTests {
    let today = ISO8601DateFormatter().date(from: "2026-03-15T10:00:00Z") ?? Date()

    func validity() throws -> DBSValidity {
        DBSValidity(validFor: try #require(Period(parsing: "36m")), today: today)
    }

    func check(_ issued: String, updateService: Bool? = nil) throws -> DBSCheck {
        let day: CalendarDate = try #require(CalendarDate(parsing: issued))
        return DBSCheck(level: .enhanced, issued: day, updateService: updateService)
    }

    @Test("a check counts through the day the period ends, and not the day after")
    func boundary() throws {
        #expect(try validity().counts(check("2023-03-15")))
        #expect(try !validity().counts(check("2023-03-14")))
        #expect(
            try validity().status(of: check("2023-03-14"))
                == .expired(
                    issued: try #require(CalendarDate(parsing: "2023-03-14")),
                    expired: try #require(CalendarDate(parsing: "2026-03-14"))))
    }

    @Test("the DBS Update Service keeps an old check valid; an undated check cannot be aged and counts")
    func updateServiceAndUndated() throws {
        #expect(try validity().status(of: check("2019-01-01", updateService: true)) == .keptByUpdateService)
        #expect(try !validity().counts(check("2019-01-01", updateService: false)))
        #expect(try validity().status(of: DBSCheck(level: .basic)) == .undated)
    }

    @Test("the renewal is said in words")
    func words() throws {
        #expect(
            DBSValidity.renewalText(issued: try #require(CalendarDate(parsing: "2022-03-01")))
                == "DBS check from March 2022 needs renewing")
    }
}
