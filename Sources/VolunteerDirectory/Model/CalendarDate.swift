/// A day in the calendar, without a time or a time zone: the dates rosters and feeds carry.
///
/// Written and read as ISO 8601 (`2025-03-28`). UK-style input (`28/03/2025`) is accepted by
/// ``CalendarDate/init(parsing:)``; US-style dates never occur in the formats we read.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, such as 2025.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// Creates a date when the three parts name a real day, or `nil`.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1,
            day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `2025-03-28`, `2025-03-28T09:30:00Z` (the date part), `28/03/2025`, `28-03-2025`
    /// or `28.03.2025`; returns `nil` for anything else, including impossible days.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        let numbers = trimmed.split(whereSeparator: { !$0.isNumber }).map(String.init)
        guard numbers.count >= 3 else { return nil }
        let first = numbers[0]
        if first.count == 4, let y = Int(first), let m = Int(numbers[1]), let d = Int(numbers[2]) {
            // ISO 8601: only the date part counts, and the separators must be dashes.
            guard trimmed.dropFirst(4).first == "-" else { return nil }
            self.init(year: y, month: m, day: d)
        } else if numbers.count == 3, let d = Int(first), let m = Int(numbers[1]), numbers[2].count == 4,
            let y = Int(numbers[2]), first.count <= 2, numbers[1].count <= 2
        {
            self.init(year: y, month: m, day: d)
        } else {
            return nil
        }
    }

    /// The ISO 8601 form, `2025-03-28`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(parsing: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Not a date: '\(text)'"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
