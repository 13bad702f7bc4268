import Foundation

/// A length of time a setting or an option is given in: `24m` (months), `60d` (days), `8w`
/// (weeks), `3y` (years), from 1 to 1200 of the unit.
public struct Period: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The unit a period counts.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        case days = "d"
        case weeks = "w"
        case months = "m"
        case years = "y"
    }

    /// How many units.
    public let count: Int
    /// Which unit.
    public let unit: Unit

    /// The forms accepted, for messages.
    public static let acceptedForms =
        "a whole number from 1 to 1200 followed by d (days), w (weeks), m (months) or y (years), such as 24m or 60d"

    /// Creates a period; `nil` unless `count` is from 1 to 1200.
    public init?(count: Int, unit: Unit) {
        guard (1...1200).contains(count) else { return nil }
        self.count = count
        self.unit = unit
    }

    /// A period written in the code, known to be in range.
    init(constant count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Reads `24m`, `60d`, `8w`, `3y` (spaces and case ignored); `nil` for anything else.
    public init?(parsing text: String) {
        let compact = text.lowercased().filter { !$0.isWhitespace }
        guard let last = compact.last, let unit = Unit(rawValue: String(last)),
            compact.dropLast().allSatisfy(\.isASCII), let count = Int(compact.dropLast())
        else { return nil }
        self.init(count: count, unit: unit)
    }

    public var description: String { "\(count)\(unit.rawValue)" }

    /// In words: `24 months`.
    public var words: String {
        let name = ["d": "day", "w": "week", "m": "month", "y": "year"][unit.rawValue] ?? ""
        return "\(count) \(name)\(count == 1 ? "" : "s")"
    }

    /// The moment this period before `date` (calendar months and years, in UTC).
    public func before(_ date: Date) -> Date { shift(date, by: -1) }

    /// The moment this period after `date` (calendar months and years, in UTC).
    public func after(_ date: Date) -> Date { shift(date, by: 1) }

    private func shift(_ date: Date, by sign: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components: DateComponents =
            switch unit {
            case .days: DateComponents(day: sign * count)
            case .weeks: DateComponents(day: sign * 7 * count)
            case .months: DateComponents(month: sign * count)
            case .years: DateComponents(year: sign * count)
            }
        return calendar.date(byAdding: components, to: date) ?? date
    }
}
