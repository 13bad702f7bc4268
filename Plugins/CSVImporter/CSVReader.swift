import Foundation
import VolunteerDirectory

/// One row of a CSV file: its fields and the line it starts on.
struct CSVRow: Sendable {
    /// The fields, decoded.
    var fields: [String]
    /// The 1-based line on which the row starts.
    var line: Int
    /// Set when the record was over a limit of ``CSVReader``: then its fields were not kept
    /// (``fields`` is empty) and the reader went on at the next record.
    var oversize: CSVOversize?

    /// Whether every field is empty or white space (such rows mean nothing). An oversized row is
    /// never blank.
    var isBlank: Bool { oversize == nil && fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}

/// A streaming RFC 4180 reader: quoted fields with separators, doubled quotes and line breaks;
/// CRLF, LF or CR line ends, mixed; comma, semicolon or tab. Reads the file in chunks, so memory
/// does not grow with the file.
///
/// It is lenient where real exports are sloppy: a quote inside an unquoted field is kept as text,
/// and text after a closing quote is appended to the field.
///
/// It never holds more than ``maximumCellBytes`` of one cell or ``maximumRecordBytes`` of one
/// record: a record over either is read to its end without keeping it (quotes and line breaks
/// still followed, so the next record starts where it should) and returned with
/// ``CSVRow/oversize`` set, or, when asked to fail fast, refused at once.
final class CSVReader {
    enum ReadError: Error {
        case unreadable(String)
        case unterminatedQuote(line: Int)
        /// A record over a limit, read with `failingFast`; nothing after the limit was read.
        case oversized(line: Int, CSVOversize)
    }

    /// The most bytes one cell may hold: more than the longest field ``FieldLimits`` accepts
    /// (32,768 characters of notes, up to 128 KiB of UTF-8), so that limit, not this one, speaks
    /// for any real cell.
    static let maximumCellBytes = 256 * 1_024
    /// The most bytes one record (a row, with its separators and quotes) may hold.
    static let maximumRecordBytes = 1_024 * 1_024

    let encoding: TextEncoding
    let delimiter: UInt8
    private let handle: FileHandle
    private let progress: (Int64) -> Void
    private var chunk: [UInt8] = []
    private var position = 0
    private var bytesRead: Int64 = 0
    private var atEnd = false
    private var line = 1
    private var field: [UInt8] = []
    private var fields: [String] = []
    /// The record being read is over a limit: what is read of it is counted, not kept.
    private var oversize: CSVOversize?
    private static let chunkSize = 1 << 20

    /// Opens `url`, detects its encoding (a pass over the bytes, in chunks) and its delimiter.
    init(url: URL, progress: @escaping (Int64) -> Void = { _ in }) throws {
        do {
            handle = try RegularFile.open(url)
        } catch {
            throw ReadError.unreadable(error.reason)
        }
        self.progress = progress
        // Finding the encoding reads the whole file: a first line longer than a record may be is
        // refused before that, having read no more than the limit.
        let head = try handle.read(upToCount: Self.maximumRecordBytes + 1) ?? Data()
        if head.count > Self.maximumRecordBytes, !head.contains(0x0A), !head.contains(0x0D) {
            throw ReadError.oversized(line: 1, CSVOversize(cell: nil))
        }
        try handle.seek(toOffset: 0)
        encoding = try Self.detectEncoding(handle)
        try handle.seek(toOffset: 0)
        chunk = [UInt8](try handle.read(upToCount: Self.chunkSize) ?? Data())
        bytesRead = Int64(chunk.count)
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        delimiter = Self.detectDelimiter(chunk[position...])
    }

    deinit {
        try? handle.close()
    }

    /// The next row, or `nil` at the end of the file.
    ///
    /// A record over ``maximumCellBytes`` or ``maximumRecordBytes`` is read to its end and
    /// returned without its fields, with ``CSVRow/oversize`` saying which limit it broke; with
    /// `failingFast` (for a header, where there is nothing to go on to) it is refused at once with
    /// ``ReadError/oversized(line:_:)``, and the rest of it is never read.
    func next(failingFast: Bool = false) throws -> CSVRow? {
        let startLine = line
        var state = State.fieldStart
        var quoteLine = line
        var recordBytes = 0
        fields.removeAll(keepingCapacity: true)
        field.removeAll(keepingCapacity: true)
        oversize = nil
        while true {
            if position >= chunk.count {
                guard try refill() else {
                    switch state {
                    case .quoted: throw ReadError.unterminatedQuote(line: quoteLine)
                    case .fieldStart where fields.isEmpty && oversize == nil: return nil
                    default:
                        endField()
                        return finishRow(line: startLine, bytes: recordBytes)
                    }
                }
            }
            // A run of bytes that need no decision (no quote, line end, or separator outside
            // quotes) is kept whole: deciding byte by byte had been most of the reader's time.
            // Within the limits: the byte that would break one is left to the decisions below.
            if oversize == nil {
                let room = min(Self.maximumRecordBytes - recordBytes, Self.maximumCellBytes - field.count)
                let run = plainRun(quoted: state == .quoted, atMost: room)
                if run > 0 {
                    field.append(contentsOf: chunk[position..<position + run])
                    position += run
                    recordBytes += run
                    if state != .quoted { state = .unquoted }
                    continue
                }
            }
            let byte = chunk[position]
            position += 1
            recordBytes += 1
            if recordBytes > Self.maximumRecordBytes, oversize == nil {
                try beginOversize(CSVOversize(cell: nil), line: startLine, failingFast: failingFast)
            }
            switch state {
            case .quoted:
                if byte == UInt8(ascii: "\"") {
                    state = .quoteInQuoted
                } else {
                    if byte == 0x0A || (byte == 0x0D && peek() != 0x0A) { line += 1 }
                    try keep(byte, line: startLine, failingFast: failingFast)
                }
            case .fieldStart, .unquoted, .quoteInQuoted:
                if byte == delimiter {
                    endField()
                    state = .fieldStart
                } else if byte == 0x0A || byte == 0x0D {
                    if byte == 0x0D, try peekAcrossChunks() == 0x0A { position += 1 }
                    line += 1
                    endField()
                    return finishRow(line: startLine, bytes: recordBytes)
                } else if byte == UInt8(ascii: "\"") && state == .fieldStart {
                    state = .quoted
                    quoteLine = line
                } else if byte == UInt8(ascii: "\"") && state == .quoteInQuoted {
                    try keep(byte, line: startLine, failingFast: failingFast)  // a doubled quote inside a quoted field
                    state = .quoted
                } else {
                    try keep(byte, line: startLine, failingFast: failingFast)
                    state = .unquoted
                }
            }
        }
    }

    /// Adds a byte to the cell being read, unless the record is already over a limit or this
    /// byte takes the cell over one.
    private func keep(_ byte: UInt8, line: Int, failingFast: Bool) throws {
        guard oversize == nil else { return }
        guard field.count < Self.maximumCellBytes else {
            try beginOversize(CSVOversize(cell: fields.count + 1), line: line, failingFast: failingFast)
            return
        }
        field.append(byte)
    }

    /// Stops keeping the record: what was kept of it is let go, and the rest is only counted.
    private func beginOversize(_ found: CSVOversize, line: Int, failingFast: Bool) throws {
        if failingFast { throw ReadError.oversized(line: line, found) }
        oversize = found
        fields = []
        field = []
    }

    private func endField() {
        if oversize == nil {
            fields.append(decodeField())
        }
    }

    private func finishRow(line: Int, bytes: Int) -> CSVRow {
        guard var found = oversize else { return CSVRow(fields: fields, line: line) }
        found.recordBytes = bytes
        return CSVRow(fields: [], line: line, oversize: found)
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private func decodeField() -> String {
        defer { field.removeAll(keepingCapacity: true) }
        return field.withUnsafeBufferPointer { encoding.decode($0) }
    }

    /// How many bytes from ``position`` on, `limit` at most, need no decision: up to the next
    /// quote or line end, or, outside quotes, separator.
    private func plainRun(quoted: Bool, atMost limit: Int) -> Int {
        let (start, delimiter) = (position, quoted ? UInt8(ascii: "\"") : delimiter)
        return chunk.withUnsafeBufferPointer { bytes in
            var end = start
            let last = min(bytes.count, start + max(limit, 0))
            while end < last {
                let byte = bytes[end]
                if byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D || byte == delimiter { break }
                end += 1
            }
            return end - start
        }
    }

    private func peek() -> UInt8? {
        position < chunk.count ? chunk[position] : nil
    }

    private func peekAcrossChunks() throws -> UInt8? {
        if position >= chunk.count, !(try refill()) { return nil }
        return chunk[position]
    }

    private func refill() throws -> Bool {
        guard !atEnd else { return false }
        let data: Data?
        do {
            data = try handle.read(upToCount: Self.chunkSize)
        } catch {
            throw ReadError.unreadable("reading failed (\(error.localizedDescription))")
        }
        guard let data, !data.isEmpty else {
            atEnd = true
            return false
        }
        chunk = [UInt8](data)
        position = 0
        bytesRead += Int64(chunk.count)
        progress(bytesRead)
        return true
    }

    private static func detectEncoding(_ handle: FileHandle) throws -> TextEncoding {
        var validator = UTF8Validator()
        var first = true
        while let data = try handle.read(upToCount: chunkSize), !data.isEmpty {
            if first, data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
                throw ReadError.unreadable(
                    "it is UTF-16; save it from the spreadsheet as \"CSV UTF-8\" and import it again")
            }
            first = false
            data.withUnsafeBytes { validator.feed($0.bindMemory(to: UInt8.self)) }
            if !validator.isValid { return .windows1252 }
        }
        return validator.isValid && !validator.endsMidCharacter ? .utf8 : .windows1252
    }

    /// The separator that occurs most, outside quotes, on the first non-blank line.
    private static func detectDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        var seenContent = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, byte == 0x0A || byte == 0x0D {
                if seenContent { break } else { continue }
            }
            if byte != 0x20 { seenContent = true }
            if !quoted, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        let order: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        return order.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? UInt8(ascii: ",")
    }
}

/// Which limit of ``CSVReader`` a record broke, and how large it turned out to be.
struct CSVOversize: Sendable, Hashable {
    /// The 1-based column of the cell over ``CSVReader/maximumCellBytes``, or `nil` when the
    /// record as a whole went over ``CSVReader/maximumRecordBytes``.
    var cell: Int?
    /// The bytes in the whole record, once read to its end (unknown, 0, when failing fast).
    var recordBytes = 0
}
