/// The encodings rosters arrive in.
enum TextEncoding: String, Sendable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "UTF-8"
    /// Windows-1252, what Excel on Windows writes as plain "CSV".
    case windows1252 = "windows-1252"

    /// Decodes bytes that are known to be in this encoding.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .windows1252:
            if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Self.windows1252Scalar(byte)) }
            return String(scalars)
        }
    }

    /// Windows-1252 differs from Latin-1 only in 0x80–0x9F.
    private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let table: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
            0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
            0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return Unicode.Scalar(table[Int(byte - 0x80)]) ?? Unicode.Scalar(byte)
    }
}

/// Checks UTF-8 validity across chunk boundaries, so a whole file can be classified without being
/// held in memory.
struct UTF8Validator {
    private var pending = 0  // continuation bytes still expected
    private var minimumNext: UInt8 = 0x80
    private var maximumNext: UInt8 = 0xBF
    private(set) var isValid = true

    /// Feeds the next bytes; once invalid, stays invalid.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard isValid else { return }
        for byte in bytes {
            if pending > 0 {
                guard byte >= minimumNext && byte <= maximumNext else {
                    isValid = false
                    return
                }
                minimumNext = 0x80
                maximumNext = 0xBF
                pending -= 1
                continue
            }
            switch byte {
            case 0x00...0x7F: continue
            case 0xC2...0xDF: pending = 1
            case 0xE0:
                pending = 2
                minimumNext = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: pending = 2
            case 0xED:
                pending = 2
                maximumNext = 0x9F
            case 0xF0:
                pending = 3
                minimumNext = 0x90
            case 0xF1...0xF3: pending = 3
            case 0xF4:
                pending = 3
                maximumNext = 0x8F
            default:
                isValid = false
                return
            }
        }
    }

    /// Whether the input ended in the middle of a character.
    var endsMidCharacter: Bool { pending > 0 }
}
