import Foundation

/// A moment written as text in UTC, by its calendar fields: for stamps whose exact text matters
/// (the audit log's, compared as text; a `COPY` row's, read by PostgreSQL), without making a
/// date formatter for each.
public enum UTCFields {
    /// `units` since 1970 (at `perSecond` units a second: 1,000 for milliseconds) written by
    /// `format`, which is given the year, month, day, hour, minute and second (`Int32` each),
    /// then the part of a second in units (`Int64`, `%lld`).
    public static func text(units: Int64, perSecond: Int64, format: String) -> String {
        let (seconds, fraction) = units.quotientAndRemainder(dividingBy: perSecond)
        let (wholeSeconds, part) = fraction < 0 ? (seconds - 1, fraction + perSecond) : (seconds, fraction)
        var time = time_t(wholeSeconds)
        var fields = tm()
        gmtime_r(&time, &fields)
        return String(
            format: format, fields.tm_year + 1900, fields.tm_mon + 1, fields.tm_mday, fields.tm_hour, fields.tm_min,
            fields.tm_sec, part)
    }
}
