import Foundation
import Testing

@testable import VolunteerDirectory

@Suite("Audit timestamps")
struct AuditTimestampTests {
    /// The form every directory written so far holds, as `ISO8601DateFormatter` wrote it.
    private static func written(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    @Test("a timestamp is written as entries written before were: UTC, milliseconds, Z")
    func sameAsBefore() {
        var generator = SystemRandomNumberGenerator()
        let fixed = [0, 0.0005, 0.9995, 0.999_999, 951_782_400.123_456, 1_796_000_000.5, 4_102_444_799.999]
        let random = (0..<2_000).map { _ in Double.random(in: 0..<4_102_444_800, using: &generator) }
        for seconds in fixed + random {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(AuditEntry.timestamp(date) == Self.written(date), "at \(seconds)")
        }
        #expect(AuditEntry.timestamp(Date(timeIntervalSince1970: 1_796_000_000.25)) == "2026-11-30T00:53:20.250Z")
    }
}
