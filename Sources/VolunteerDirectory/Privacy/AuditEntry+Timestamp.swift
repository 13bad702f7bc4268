import Foundation

extension AuditEntry {
    /// How an entry's moment is written: ISO 8601, UTC, with milliseconds, so that text order is
    /// time order and `--since` compares as text.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
