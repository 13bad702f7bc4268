import Foundation

/// A moment written as text in UTC, by its calendar fields: for stamps whose exact text matters
/// (the audit log's, compared as text; a `COPY` row's, read by PostgreSQL), without making a
/// date formatter for each.
public enum UTCFields {
    /// `units` since 1970 (at `perSecond` units a second: 1,000 for milliseconds) written as
    /// `YYYY-MM-DD`, `separator`, `hh:mm:ss.` and the part of a second in `fractionDigits` digits,
    /// then `suffix`: `2026-12-01T04:55:00.123Z` for the audit log.
    ///
    /// The digits are written here rather than by `String(format:)`, whose variadic arguments
    /// cost a run-time protocol look-up each on first use (1% of a one-shot `voldir search`,
    /// which writes one audit entry).
    public static func text(
        units: Int64, perSecond: Int64, separator: Character, fractionDigits: Int, suffix: String
    ) -> String {
        let (seconds, fraction) = units.quotientAndRemainder(dividingBy: perSecond)
        let (wholeSeconds, part) = fraction < 0 ? (seconds - 1, fraction + perSecond) : (seconds, fraction)
        var time = time_t(wholeSeconds)
        var fields = tm()
        gmtime_r(&time, &fields)
        var text = ""
        text.reserveCapacity(20 + fractionDigits + suffix.utf8.count)
        append(Int64(fields.tm_year) + 1900, width: 4, to: &text)
        text.append("-")
        append(Int64(fields.tm_mon) + 1, width: 2, to: &text)
        text.append("-")
        append(Int64(fields.tm_mday), width: 2, to: &text)
        text.append(separator)
        append(Int64(fields.tm_hour), width: 2, to: &text)
        text.append(":")
        append(Int64(fields.tm_min), width: 2, to: &text)
        text.append(":")
        append(Int64(fields.tm_sec), width: 2, to: &text)
        text.append(".")
        append(part, width: fractionDigits, to: &text)
        text.append(suffix)
        return text
    }

    /// `value` in decimal, padded with zeros to `width` characters (a minus sign counting as
    /// one, as `%0*d` counts it), all of its digits when it has more.
    static func append(_ value: Int64, width: Int, to text: inout String) {
        let digits = String(value.magnitude)
        let sign = value < 0 ? 1 : 0
        if sign == 1 { text.append("-") }
        let padding = width - sign - digits.utf8.count
        if padding > 0 { text.append(String(repeating: "0", count: padding)) }
        text.append(digits)
    }
}
