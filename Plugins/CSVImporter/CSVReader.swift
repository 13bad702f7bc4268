import Foundation
import RosterRows
import VolunteerDirectory

/// One row of a CSV file: its fields and the line it starts on.
struct CSVRow: Sendable {
    /// The fields as UTF-8, packed as the reader found them: a row read before is passed over
    /// without its fields being made into strings.
    var cells: PackedCells
    /// The 1-based line on which the row starts.
    var line: Int
    /// Set when the record was over a limit of ``CSVReader``: then its fields were not kept
    /// (``fields`` is empty) and the reader went on at the next record.
    var oversize: CSVOversize?

    /// The fields, decoded.
    var fields: [String] { cells.cells }

    /// Whether every field is empty or white space (such rows mean nothing). An oversized row is
    /// never blank.
    var isBlank: Bool { oversize == nil && cells.isBlank }
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

    /// The file's encoding.
    var encoding: TextEncoding { scanner.encoding }
    /// The file's separator.
    var delimiter: UInt8 { scanner.delimiter }
    private let handle: FileHandle
    /// Everything reading changes, in one value: the per-byte work touches no property of this
    /// class, each touch of which was a check at run time that nothing else was changing it.
    private var scanner: Scanner
    fileprivate static let chunkSize = 1 << 20

    /// Opens `url`, detects its encoding (a pass over the bytes, in chunks) and its delimiter.
    init(url: URL, progress: @escaping (Int64) -> Void = { _ in }) throws {
        do {
            handle = try RegularFile.open(url)
        } catch {
            throw ReadError.unreadable(error.reason)
        }
        // Finding the encoding reads the whole file: a first line longer than a record may be is
        // refused before that, having read no more than the limit.
        let head = try handle.read(upToCount: Self.maximumRecordBytes + 1) ?? Data()
        if head.count > Self.maximumRecordBytes, !head.contains(0x0A), !head.contains(0x0D) {
            throw ReadError.oversized(line: 1, CSVOversize(cell: nil))
        }
        try handle.seek(toOffset: 0)
        let encoding = try Self.detectEncoding(handle)
        try handle.seek(toOffset: 0)
        let chunk = [UInt8](try handle.read(upToCount: Self.chunkSize) ?? Data())
        let position = chunk.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        scanner = Scanner(
            handle: handle, progress: progress, encoding: encoding, delimiter: Self.detectDelimiter(chunk[position...]),
            chunk: chunk, position: position)
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
        try scanner.next(failingFast: failingFast)
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

extension CSVReader {
    /// What reading a file changes as it goes: where it is in which chunk, on which line, and the
    /// record being read.
    fileprivate struct Scanner {
        let handle: FileHandle
        let progress: (Int64) -> Void
        let encoding: TextEncoding
        let delimiter: UInt8
        private var chunk: [UInt8]
        private var position: Int
        private var bytesRead: Int64
        private var atEnd = false
        private var line = 1
        /// The record being read, packed (see ``PackedCells``): the fields ended so far, then the
        /// one being read, whose length is written when it ends.
        private var record: [UInt8] = []
        /// Where the field being read starts in ``record`` (its four bytes of length).
        private var fieldStart = 0
        /// How many fields of the record have ended.
        private var fieldCount = 0
        /// The size of the last record kept, to reserve the next one's room at once.
        private var lastRecordSize = 256
        /// The record being read is over a limit: what is read of it is counted, not kept.
        private var oversize: CSVOversize?

        init(
            handle: FileHandle, progress: @escaping (Int64) -> Void, encoding: TextEncoding, delimiter: UInt8,
            chunk: [UInt8], position: Int
        ) {
            (self.handle, self.progress, self.encoding, self.delimiter) = (handle, progress, encoding, delimiter)
            (self.chunk, self.position, bytesRead) = (chunk, position, Int64(chunk.count))
        }

        mutating func next(failingFast: Bool) throws -> CSVRow? {
            let startLine = line
            var state = State.fieldStart
            var quoteLine = line
            var recordBytes = 0
            record = []
            record.reserveCapacity(lastRecordSize)
            fieldCount = 0
            oversize = nil
            beginField()
            while true {
                if position >= chunk.count {
                    guard try refill() else {
                        switch state {
                        case .quoted: throw CSVReader.ReadError.unterminatedQuote(line: quoteLine)
                        case .fieldStart where fieldCount == 0 && recordBytes == 0: return nil
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
                    let room = min(CSVReader.maximumRecordBytes - recordBytes, CSVReader.maximumCellBytes - cellBytes)
                    let run = plainRun(quoted: state == .quoted, atMost: room)
                    if run > 0 {
                        chunk.withUnsafeBufferPointer {
                            record.append(contentsOf: UnsafeBufferPointer(rebasing: $0[position..<position + run]))
                        }
                        position += run
                        recordBytes += run
                        if state != .quoted { state = .unquoted }
                        continue
                    }
                }
                let byte = chunk[position]
                position += 1
                recordBytes += 1
                if recordBytes > CSVReader.maximumRecordBytes, oversize == nil {
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
                        beginField()
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
                        // A doubled quote inside a quoted field.
                        try keep(byte, line: startLine, failingFast: failingFast)
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
        private mutating func keep(_ byte: UInt8, line: Int, failingFast: Bool) throws {
            guard oversize == nil else { return }
            guard cellBytes < CSVReader.maximumCellBytes else {
                try beginOversize(CSVOversize(cell: fieldCount + 1), line: line, failingFast: failingFast)
                return
            }
            record.append(byte)
        }

        /// The bytes kept of the field being read.
        private var cellBytes: Int { record.count - fieldStart - 4 }

        /// Stops keeping the record: what was kept of it is let go, and the rest is only counted.
        private mutating func beginOversize(_ found: CSVOversize, line: Int, failingFast: Bool) throws {
            if failingFast { throw CSVReader.ReadError.oversized(line: line, found) }
            oversize = found
            record = []
        }

        /// Starts a field: its length's four bytes, written when it ends.
        private mutating func beginField() {
            guard oversize == nil else { return }
            fieldStart = record.count
            PackedCells.appendLength(0, to: &record)
        }

        /// Ends the field being read: its length written, and in windows-1252 its bytes made UTF-8.
        private mutating func endField() {
            guard oversize == nil else { return }
            fieldCount += 1
            let start = fieldStart + 4
            if encoding != .utf8, record[start...].contains(where: { $0 >= 0x80 }) {
                let text = record[start...].withUnsafeBufferPointer { encoding.decode($0) }
                record.replaceSubrange(start..., with: text.utf8)
            }
            PackedCells.setLength(record.count - start, at: fieldStart, in: &record)
        }

        private mutating func finishRow(line: Int, bytes: Int) -> CSVRow {
            guard var found = oversize else {
                lastRecordSize = record.count
                return CSVRow(cells: PackedCells(packed: record), line: line)
            }
            found.recordBytes = bytes
            return CSVRow(cells: PackedCells([]), line: line, oversize: found)
        }

        private enum State {
            case fieldStart, unquoted, quoted, quoteInQuoted
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

        private mutating func peekAcrossChunks() throws -> UInt8? {
            if position >= chunk.count, !(try refill()) { return nil }
            return chunk[position]
        }

        private mutating func refill() throws -> Bool {
            guard !atEnd else { return false }
            let data: Data?
            do {
                data = try handle.read(upToCount: CSVReader.chunkSize)
            } catch {
                throw CSVReader.ReadError.unreadable("reading failed (\(error.localizedDescription))")
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
