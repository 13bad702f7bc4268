import Foundation

/// Where start tags and their attributes begin in a well-formed document, found by the tag's
/// place in document order (the root is 0, then every element in the order its start tag appears).
///
/// libxml2 keeps only a line for each node, and that is the line where the start tag *ends*; a
/// coordinator needs the line and column where it begins. In a well-formed document every `<`
/// outside comments, CDATA sections, processing instructions and the DOCTYPE starts a tag, and an
/// attribute value never holds a `<`, so a plain scan of the bytes finds each start tag exactly.
/// It works on any ASCII-compatible encoding (UTF-8, ISO-8859-1, windows-1252); columns count
/// characters, as UTF-8 when `utf8` is set and as bytes otherwise.
struct TagPositions {
    /// A 1-based line and column.
    struct Place: Hashable {
        var line: Int
        var column: Int
    }

    /// Where one start tag begins, and where each of its attributes' names begins, by qualified name.
    struct Tag {
        var place: Place
        var attributes: [String: Place] = [:]
    }

    /// The tags found, by document-order index.
    private(set) var tags: [Int: Tag] = [:]

    /// Scans `url` for the start tags whose document-order index is in `wanted`, stopping after the last.
    init(scanning url: URL, wanted: Set<Int>, utf8: Bool) throws {
        guard let last = wanted.max() else { return }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var scanner = Scanner(wanted: wanted, last: last, utf8: utf8)
        while !scanner.finished, let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { bytes in
                for byte in bytes.bindMemory(to: UInt8.self) {
                    scanner.consume(byte)
                    if scanner.finished { break }
                }
            }
        }
        tags = scanner.tags
    }

    /// A byte-at-a-time state machine, so tags may straddle the chunks the file is read in.
    private struct Scanner {
        enum State {
            case text
            case open  // after `<`
            case bang(Int)  // after `<!`, with how many of `--` or `[CDATA[` matched
            case section(closer: UInt8, matched: Int)  // inside `<!--` or `<![CDATA[`, ended by `-->` or `]]>`
            case declaration(brackets: Int, quote: UInt8?)  // `<!DOCTYPE ...>` and its internal subset
            case instruction(afterQuestionMark: Bool)  // `<?...?>`
            case endTag
            case tagName
            case beforeAttribute
            case attributeName
            case beforeValue
            case value(quote: UInt8)
        }

        let wanted: Set<Int>
        let last: Int
        let utf8: Bool
        var tags: [Int: Tag] = [:]
        var finished = false
        private var state = State.text
        private var line = 1
        private var column = 1
        private var afterCarriageReturn = false
        private var tagStart = Place(line: 1, column: 1)
        private var index = -1
        private var recording = false
        private var name: [UInt8] = []
        private var nameStart = Place(line: 1, column: 1)

        init(wanted: Set<Int>, last: Int, utf8: Bool) {
            self.wanted = wanted
            self.last = last
            self.utf8 = utf8
        }

        private static let cdataOpening = Array("[CDATA[".utf8)

        mutating func consume(_ byte: UInt8) {
            let place = Place(line: line, column: column)
            advance(over: byte)
            switch state {
            case .text:
                if byte == UInt8(ascii: "<") {
                    tagStart = place
                    state = .open
                }
            case .open:
                switch byte {
                case UInt8(ascii: "!"): state = .bang(0)
                case UInt8(ascii: "?"): state = .instruction(afterQuestionMark: false)
                case UInt8(ascii: "/"): state = .endTag
                default:
                    index += 1
                    recording = wanted.contains(index)
                    if recording { tags[index] = Tag(place: tagStart) }
                    state = .tagName
                }
            case .bang(let matched):
                if matched == 0, byte == UInt8(ascii: "-") {
                    state = .bang(-1)
                } else if matched == -1 {
                    state =
                        byte == UInt8(ascii: "-")
                        ? .section(closer: UInt8(ascii: "-"), matched: 0) : .declaration(brackets: 0, quote: nil)
                } else if matched >= 0, matched < Self.cdataOpening.count, byte == Self.cdataOpening[matched] {
                    state =
                        matched + 1 == Self.cdataOpening.count
                        ? .section(closer: UInt8(ascii: "]"), matched: 0) : .bang(matched + 1)
                } else {
                    state = .declaration(brackets: 0, quote: nil)
                    consumeDeclaration(byte, brackets: 0, quote: nil)
                }
            case .section(let closer, let matched):
                if byte == closer {
                    state = .section(closer: closer, matched: min(matched + 1, 2))
                } else if byte == UInt8(ascii: ">"), matched == 2 {
                    state = .text
                } else {
                    state = .section(closer: closer, matched: 0)
                }
            case .declaration(let brackets, let quote):
                consumeDeclaration(byte, brackets: brackets, quote: quote)
            case .instruction(let afterQuestionMark):
                if byte == UInt8(ascii: ">"), afterQuestionMark {
                    state = .text
                } else {
                    state = .instruction(afterQuestionMark: byte == UInt8(ascii: "?"))
                }
            case .endTag:
                if byte == UInt8(ascii: ">") { state = .text }
            case .tagName:
                if Self.isSpace(byte) {
                    state = .beforeAttribute
                } else if byte == UInt8(ascii: ">") {
                    endStartTag()
                }
            case .beforeAttribute:
                if byte == UInt8(ascii: ">") {
                    endStartTag()
                } else if !Self.isSpace(byte), byte != UInt8(ascii: "/") {
                    name = [byte]
                    nameStart = place
                    state = .attributeName
                }
            case .attributeName:
                if Self.isSpace(byte) || byte == UInt8(ascii: "=") {
                    if recording { tags[index]?.attributes[String(decoding: name, as: UTF8.self)] = nameStart }
                    state = .beforeValue
                } else {
                    name.append(byte)
                }
            case .beforeValue:
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { state = .value(quote: byte) }
            case .value(let quote):
                if byte == quote { state = .beforeAttribute }
            }
        }

        private mutating func consumeDeclaration(_ byte: UInt8, brackets: Int, quote: UInt8?) {
            if let quote {
                state = .declaration(brackets: brackets, quote: byte == quote ? nil : quote)
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                state = .declaration(brackets: brackets, quote: byte)
            } else if byte == UInt8(ascii: "[") {
                state = .declaration(brackets: brackets + 1, quote: nil)
            } else if byte == UInt8(ascii: "]") {
                state = .declaration(brackets: max(0, brackets - 1), quote: nil)
            } else if byte == UInt8(ascii: ">"), brackets == 0 {
                state = .text
            }
        }

        private mutating func endStartTag() {
            state = .text
            if index >= last { finished = true }
        }

        /// Moves the line and column past `byte`: `\r\n` and a lone `\r` end a line, as XML reads them.
        private mutating func advance(over byte: UInt8) {
            if byte == UInt8(ascii: "\n") {
                if !afterCarriageReturn {
                    line += 1
                    column = 1
                }
                afterCarriageReturn = false
                return
            }
            afterCarriageReturn = byte == UInt8(ascii: "\r")
            if afterCarriageReturn {
                line += 1
                column = 1
            } else if !utf8 || byte & 0xC0 != 0x80 {
                column += 1
            }
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
    }
}
