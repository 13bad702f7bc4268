import Foundation

/// One row of a CSV file: its fields and the line it starts on.
struct CSVRow: Sendable {
    /// The fields, decoded.
    var fields: [String]
    /// The 1-based line on which the row starts.
    var line: Int

    /// Whether every field is empty or white space (such rows mean nothing).
    var isBlank: Bool { fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}

/// A streaming RFC 4180 reader: quoted fields with separators, doubled quotes and line breaks;
/// CRLF, LF or CR line ends, mixed; comma, semicolon or tab. Reads the file in chunks, so memory
/// does not grow with the file.
///
/// It is lenient where real exports are sloppy: a quote inside an unquoted field is kept as text,
/// and text after a closing quote is appended to the field.
final class CSVReader {
    enum ReadError: Error {
        case unreadable(String)
        case unterminatedQuote(line: Int)
    }

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
    private static let chunkSize = 1 << 20

    /// Opens `url`, detects its encoding (a pass over the bytes, in chunks) and its delimiter.
    init(url: URL, progress: @escaping (Int64) -> Void = { _ in }) throws {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw ReadError.unreadable("it cannot be opened")
        }
        self.progress = progress
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
    func next() throws -> CSVRow? {
        var fields: [String] = []
        let startLine = line
        var state = State.fieldStart
        var quoteLine = line
        field.removeAll(keepingCapacity: true)
        while true {
            if position >= chunk.count {
                guard try refill() else {
                    switch state {
                    case .quoted: throw ReadError.unterminatedQuote(line: quoteLine)
                    case .fieldStart where fields.isEmpty: return nil
                    default:
                        fields.append(decodeField())
                        return CSVRow(fields: fields, line: startLine)
                    }
                }
            }
            let byte = chunk[position]
            position += 1
            switch state {
            case .quoted:
                if byte == UInt8(ascii: "\"") {
                    state = .quoteInQuoted
                } else {
                    if byte == 0x0A || (byte == 0x0D && peek() != 0x0A) { line += 1 }
                    field.append(byte)
                }
            case .fieldStart, .unquoted, .quoteInQuoted:
                if byte == delimiter {
                    fields.append(decodeField())
                    state = .fieldStart
                } else if byte == 0x0A || byte == 0x0D {
                    if byte == 0x0D, try peekAcrossChunks() == 0x0A { position += 1 }
                    line += 1
                    fields.append(decodeField())
                    return CSVRow(fields: fields, line: startLine)
                } else if byte == UInt8(ascii: "\"") && state == .fieldStart {
                    state = .quoted
                    quoteLine = line
                } else if byte == UInt8(ascii: "\"") && state == .quoteInQuoted {
                    field.append(byte)  // a doubled quote inside a quoted field
                    state = .quoted
                } else {
                    field.append(byte)
                    state = .unquoted
                }
            }
        }
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private func decodeField() -> String {
        defer { field.removeAll(keepingCapacity: true) }
        return field.withUnsafeBufferPointer { encoding.decode($0) }
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
                throw ReadError.unreadable("it is UTF-16; save it from the spreadsheet as \"CSV UTF-8\" and import it again")
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
