import Foundation
import Testing

@testable import VolunteerDirectoryPostgres

/// The text `COPY` sends: every value comes back as it went in, and a moment is the one
/// postgres-nio would have bound.
@Suite("COPY rows")
struct CopyRowsTests {
    @Test("fields are separated by tabs, NULL is \\N, and the bytes COPY reads specially are escaped")
    func escaping() {
        var rows = CopyRows(table: "t", columns: ["a", "b", "c", "d"])
        rows.field("plain")
        rows.field(nil as String?)
        rows.field("tab\there\nnew\r\\N")
        rows.field(-42 as Int64?)
        rows.endRow()
        rows.field(flag: true)
        rows.field(flag: nil)
        rows.field("Ünïcødé 名前")
        rows.field(flag: false)
        rows.endRow()
        #expect(rows.count == 2)
        #expect(
            rows.data.getString(at: 0, length: rows.data.readableBytes)
                == "plain\t\\N\ttab\\there\\nnew\\r\\\\N\t-42\n1\t\\N\tÜnïcødé 名前\t0\n")
        rows.removeAll()
        #expect(rows.isEmpty && rows.data.readableBytes == 0)
    }

    @Test(
        "a moment is written in UTC to the microsecond postgres-nio binds, truncated",
        arguments: [
            (1_764_491_299.125, "2025-11-30 08:28:19.125000+00"),
            (946_684_800, "2000-01-01 00:00:00.000000+00"),
            (-1.5, "1969-12-31 23:59:58.500000+00"),
        ])
    func timestamps(seconds: Double, written: String) {
        #expect(CopyRows.timestamp(Date(timeIntervalSince1970: seconds)) == written)
    }
}
