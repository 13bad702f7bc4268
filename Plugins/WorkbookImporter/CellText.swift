import Foundation

/// Turns spreadsheet cell values into the text a roster cell holds: numbers without a spurious
/// `.0`, date serial numbers as ISO dates, booleans as `TRUE`/`FALSE`.
enum CellText {
    /// A number as a spreadsheet shows it in the General format: `3`, not `3.0`.
    static func number(_ raw: String) -> String {
        guard let value = Double(raw) else { return raw.trimmingCharacters(in: .whitespaces) }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A boolean cell (`1`/`0` in .xlsx, `true`/`false` in .ods).
    static func boolean(_ raw: String) -> String {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        return text == "1" || text == "true" ? "TRUE" : "FALSE"
    }

    /// The date part of an ISO date or date-time (`2024-03-05T10:00:00` → `2024-03-05`).
    static func isoDate(_ raw: String) -> String {
        String(raw.trimmingCharacters(in: .whitespaces).prefix { $0 != "T" && $0 != " " })
    }

    /// The ISO date of a date serial number: days since 30 December 1899 in the 1900 system, with
    /// Lotus 1-2-3's phantom 29 February 1900 (serial 60) that Excel keeps, or since 1 January
    /// 1904 in the 1904 system. The time of day is dropped.
    static func date(serial raw: String, uses1904: Bool) -> String? {
        guard let value = Double(raw), value.isFinite, value >= 0, value < 2_958_466 else { return nil }
        let whole = Int(value.rounded(.down))
        if uses1904 { return iso(daysSinceEpoch: daysFrom1970(year: 1904, month: 1, day: 1) + whole) }
        switch whole {
        case 0: return nil  // Excel's "0 January 1900"
        case 60: return "1900-02-29"  // the phantom day: kept as written, so reading the date fails plainly
        case ..<60: return iso(daysSinceEpoch: daysFrom1970(year: 1899, month: 12, day: 31) + whole)
        default: return iso(daysSinceEpoch: daysFrom1970(year: 1899, month: 12, day: 30) + whole)
        }
    }

    /// Days from 1 January 1970 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFrom1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `yyyy-mm-dd` for a day count from 1 January 1970.
    static func iso(daysSinceEpoch days: Int) -> String? {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard year > 0, year < 10_000 else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
