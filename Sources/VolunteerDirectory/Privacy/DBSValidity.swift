import Foundation

/// How long a DBS check counts, as of a day: a check older than ``validFor`` does not meet a DBS
/// requirement and is due for renewal, unless a source says the volunteer subscribes to the DBS
/// Update Service, which keeps it valid whatever its age. A check with no issue date cannot be
/// aged, and counts.
public struct DBSValidity: Sendable, Hashable {
    /// What a check's age means today.
    public enum Status: Sendable, Hashable {
        /// Younger than the period (or issued on its first day).
        case valid(expires: CalendarDate)
        /// Older, but kept valid by the DBS Update Service.
        case keptByUpdateService
        /// Older than the period: needs renewing.
        case expired(issued: CalendarDate, expired: CalendarDate)
        /// No issue date was given.
        case undated
    }

    /// How long a check counts (`voldir settings dbs-valid-for`).
    public var validFor: Period
    /// The day it is judged on.
    public var today: Date

    /// `today` defaults to now, read as a UTC calendar day; `validFor` is the `dbs-valid-for` setting.
    public init(validFor: Period, today: Date = Date()) {
        self.validFor = validFor
        self.today = today
    }

    /// What `check`'s age means today.
    public func status(of check: DBSCheck) -> Status {
        guard let issued = check.issued, let issuedDate = Self.date(issued),
            let expires = Self.day(validFor.after(issuedDate)),
            let today = Self.day(today)
        else { return .undated }
        if expires >= today { return .valid(expires: expires) }
        if check.updateService == true { return .keptByUpdateService }
        return .expired(issued: issued, expired: expires)
    }

    /// Whether `check` still meets a DBS requirement today.
    public func counts(_ check: DBSCheck) -> Bool {
        if case .expired = status(of: check) { return false }
        return true
    }

    /// "DBS check from March 2022 needs renewing".
    public static func renewalText(issued: CalendarDate) -> String {
        "DBS check from \(monthAndYear(issued)) needs renewing"
    }

    /// "March 2022".
    public static func monthAndYear(_ date: CalendarDate) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November",
            "December",
        ]
        return "\(months[max(0, min(11, date.month - 1))]) \(date.year)"
    }

    static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }

    static func date(_ day: CalendarDate) -> Date? {
        utc.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
    }

    static func day(_ date: Date) -> CalendarDate? {
        let parts = utc.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
    }
}
