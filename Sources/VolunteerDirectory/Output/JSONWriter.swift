import Foundation

/// Pretty-printed JSON written straight into bytes, byte for byte as ``Presentation/json(_:)``
/// writes it, for the answers a server writes on every request (the search array).
///
/// ``Presentation/json(_:)`` goes through Foundation's `JSONEncoder`, which on Linux builds a
/// tree of boxed values, sorts every object's keys, serialises, and then has its empty arrays
/// collapsed; this writes the same text in one pass. The format it reproduces: two-space
/// indent, `"key" : value`, keys in the order of their UTF-8 bytes (`.sortedKeys`), `/` not
/// escaped, `"`, `\` and U+0000–U+001F escaped as the encoder escapes them (`\b \f \n \r \t`,
/// else `\u00xx`), everything else written as its UTF-8, empty arrays as `[]`, numbers as the
/// encoder writes them (a `Double`'s `description` without a trailing `.0`), `nil` keys left out.
///
/// The writing code gives each object's keys in sorted order itself (debug builds check it):
///
/// ```swift
/// extension Pair: JSONWritable {
///     func write(to json: inout JSONWriter) throws {
///         try json.object { json in
///             try json.field("left", left)
///             try json.fieldIfPresent("right", right)
///         }
///     }
/// }
/// let text = try JSONWriter.document(pairs)
/// ```
struct JSONWriter {
    /// The UTF-8 written so far.
    private(set) var bytes: [UInt8] = []
    /// How many containers are open.
    private var depth = 0
    /// Whether the innermost open container has no member yet.
    private var atFirstMember = true
    /// The last key written in the innermost open object, to check the order in debug builds.
    private var lastKey: StaticString?

    /// A writer that expects to write about `capacity` bytes.
    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The whole document for `value`, as text.
    static func document(_ value: some JSONWritable, capacity: Int = 0) throws -> String {
        var writer = JSONWriter(capacity: capacity)
        try value.write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    // MARK: - Containers

    /// An object whose fields `writeFields` writes, in sorted key order.
    mutating func object(_ writeFields: (inout JSONWriter) throws -> Void) rethrows {
        let outerKey = lastKey
        lastKey = nil
        open(UInt8(ascii: "{"))
        try writeFields(&self)
        close(UInt8(ascii: "}"))
        lastKey = outerKey
    }

    /// An array of `elements`, one to a line; `[]` when there are none.
    mutating func array(_ elements: some Collection<some JSONWritable>) throws {
        guard !elements.isEmpty else {
            bytes.append(UInt8(ascii: "["))
            bytes.append(UInt8(ascii: "]"))
            return
        }
        open(UInt8(ascii: "["))
        for element in elements {
            startMember()
            try element.write(to: &self)
        }
        close(UInt8(ascii: "]"))
    }

    /// `"key" : value`, inside ``object(_:)``.
    mutating func field(_ key: StaticString, _ value: some JSONWritable) throws {
        self.key(key)
        try value.write(to: &self)
    }

    /// `"key" : value` when there is a value; nothing at all for `nil`, as the synthesised
    /// `Encodable` conformance leaves an optional out.
    mutating func fieldIfPresent(_ key: StaticString, _ value: (some JSONWritable)?) throws {
        guard let value else { return }
        try field(key, value)
    }

    // MARK: - Values

    /// A string, escaped as `JSONEncoder` escapes it.
    mutating func string(_ value: String) {
        bytes.append(Self.quote)
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == Self.quote || byte == Self.backslash else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                escape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(Self.quote)
    }

    /// `true` or `false`.
    mutating func bool(_ value: Bool) {
        ascii(value ? "true" : "false")
    }

    /// An integer in decimal.
    mutating func integer(_ value: some BinaryInteger) {
        bytes.append(contentsOf: value.description.utf8)
    }

    /// A number as `JSONEncoder` writes a `Double`: its shortest round-tripping `description`
    /// (`0.333`, `1e-05`), with a trailing `.0` left off (`1`, `-0`). Like the encoder, refuses
    /// NaN and the infinities, which JSON cannot hold.
    mutating func double(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: [], debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    // MARK: - Helpers

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func ascii(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `\n`, `\"`, `\u001b`: one byte as the encoder escapes it.
    private mutating func escape(_ byte: UInt8) {
        bytes.append(Self.backslash)
        switch byte {
        case Self.quote, Self.backslash: bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            ascii("u00")
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(UInt8(ascii: "\n"))
        depth += 1
        atFirstMember = true
    }

    /// Closes the innermost container; one with no member is written as the encoder writes it
    /// (`{` and `}` with an empty line between).
    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        bytes.append(UInt8(ascii: "\n"))
        indent()
        bytes.append(bracket)
        // The container just closed is a member of the one around it.
        atFirstMember = false
    }

    /// The comma after the previous member, a new line, and the indent.
    private mutating func startMember() {
        if atFirstMember {
            atFirstMember = false
        } else {
            bytes.append(UInt8(ascii: ","))
            bytes.append(UInt8(ascii: "\n"))
        }
        indent()
    }

    private mutating func key(_ key: StaticString) {
        assert(
            lastKey.map { previous in
                previous.withUTF8Buffer { p in key.withUTF8Buffer { p.lexicographicallyPrecedes($0) } }
            } ?? true, "JSON keys must be written in sorted order: '\(key)' after '\(lastKey ?? "")'")
        assert(
            key.withUTF8Buffer { $0.allSatisfy { $0 >= 0x20 && $0 != Self.quote && $0 != Self.backslash } },
            "JSON keys are written as they are: '\(key)' would need escaping")
        lastKey = key
        startMember()
        bytes.append(Self.quote)
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        ascii("\" : ")
    }

    private mutating func indent() {
        for _ in 0..<depth {
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: " "))
        }
    }
}

/// A value ``JSONWriter`` can write.
protocol JSONWritable {
    /// Writes this value where `json` stands: as an array element or a field's value.
    func write(to json: inout JSONWriter) throws
}

extension String: JSONWritable {
    func write(to json: inout JSONWriter) { json.string(self) }
}

extension Bool: JSONWritable {
    func write(to json: inout JSONWriter) { json.bool(self) }
}

extension Int64: JSONWritable {
    func write(to json: inout JSONWriter) { json.integer(self) }
}

extension Int: JSONWritable {
    func write(to json: inout JSONWriter) { json.integer(self) }
}

extension Double: JSONWritable {
    func write(to json: inout JSONWriter) throws { try json.double(self) }
}

/// An enumeration written as its raw value, as the synthesised `Codable` conformance writes it.
extension JSONWritable where Self: RawRepresentable, RawValue == String {
    func write(to json: inout JSONWriter) { json.string(rawValue) }
}

extension Array: JSONWritable where Element: JSONWritable {
    func write(to json: inout JSONWriter) throws { try json.array(self) }
}
