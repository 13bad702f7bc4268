import Foundation
import NIOCore
import VolunteerDirectory

/// Rows for one table, written in the text format of PostgreSQL's `COPY … FROM STDIN`: fields
/// separated by tabs, rows ended by newlines, `\N` for NULL, and a backslash before every
/// backslash, tab, newline and carriage return a value holds (so no value can end a field or
/// a row early, whatever it contains).
struct CopyRows {
    /// The table the rows are for, and its columns in the order each row gives them: trusted
    /// SQL names, never data.
    let table: String
    let columns: [String]
    /// The rows so far.
    private(set) var data = ByteBuffer()
    /// How many rows ``data`` holds.
    private(set) var count = 0
    /// Whether the row being written has a field yet.
    private var rowStarted = false

    init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
    }

    var isEmpty: Bool { count == 0 }

    /// Appends a text field (NULL when `nil`).
    mutating func field(_ value: String?) {
        separate()
        guard let value else {
            data.writeStaticString("\\N")
            return
        }
        if !value.utf8.contains(where: Self.needsEscape) {
            data.writeString(value)
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): data.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): data.writeStaticString("\\t")
            case UInt8(ascii: "\n"): data.writeStaticString("\\n")
            case UInt8(ascii: "\r"): data.writeStaticString("\\r")
            default: data.writeInteger(byte)
            }
        }
    }

    /// Appends an integer field (NULL when `nil`).
    mutating func field(_ value: Int64?) {
        separate()
        guard let value else {
            data.writeStaticString("\\N")
            return
        }
        data.writeString(String(value))
    }

    /// Appends a flag as the stores keep flags: 1, 0 or NULL.
    mutating func field(flag: Bool?) {
        field(flag.map { Int64($0 ? 1 : 0) })
    }

    /// Ends the row being written.
    mutating func endRow() {
        data.writeStaticString("\n")
        count += 1
        rowStarted = false
    }

    /// Forgets every row, keeping the memory for the next.
    mutating func removeAll() {
        data.clear()
        count = 0
        rowStarted = false
    }

    private mutating func separate() {
        if rowStarted { data.writeStaticString("\t") }
        rowStarted = true
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    /// A moment as a `timestamptz` field: the microseconds postgres-nio would send for `date`
    /// (truncated, as its binding does), written in UTC, so that a row copied and a row bound
    /// hold the same instant.
    static func timestamp(_ date: Date) -> String {
        let sincePostgresEpoch = Int64(date.timeIntervalSince(postgresEpoch) * 1_000_000)
        return UTCFields.text(
            units: sincePostgresEpoch + 946_684_800 * 1_000_000, perSecond: 1_000_000, separator: " ",
            fractionDigits: 6, suffix: "+00")
    }

    /// PostgreSQL's epoch, from which postgres-nio counts a `timestamptz`'s microseconds.
    private static let postgresEpoch = Date(timeIntervalSince1970: 946_684_800)
}
