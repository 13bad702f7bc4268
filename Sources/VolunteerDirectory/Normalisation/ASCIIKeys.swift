/// The contact and postcode keys of ASCII text, worked out by bytes: every record of an import
/// has an email, a phone number and a postcode, nearly always ASCII, and asking Unicode about
/// each character was most of what those keys cost. Callers use these only for ASCII text (see
/// ``isASCII(_:)``) and the general forms otherwise; tests hold both to the same answers.
enum ASCIIKeys {
    /// Whether every byte of the text is ASCII.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// The email key: trimmed, lower case, exactly one `@` with something before it, a `.` after
    /// it, and no space; `nil` when the text is not an address.
    static func email(_ text: String) -> String? {
        let bytes = text.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else {
            return nil
        }
        let trimmed = bytes[first...last]
        guard let at = trimmed.firstIndex(of: UInt8(ascii: "@")), at > first,
            !trimmed[(at + 1)...].contains(UInt8(ascii: "@")), trimmed[(at + 1)...].contains(UInt8(ascii: ".")),
            !trimmed.contains(UInt8(ascii: " "))
        else { return nil }
        return String(decoding: trimmed, as: UTF8.self)
    }

    /// Whether a phone number starts with `+` (after spaces), and its digits, leaving out each
    /// `(0)` and everything from the first `ext` on.
    static func phoneDigits(_ text: String) -> (plus: Bool, digits: String) {
        let bytes = Array(text.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "("), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "0"),
                bytes[index + 2] == UInt8(ascii: ")")
            {
                index += 3
                continue
            }
            kept.append(bytes[index])
            index += 1
        }
        // `| 0x20` folds an ASCII capital to its small letter (and no other byte onto e, x or t).
        if let ext = kept.indices.first(where: { start in
            start + 2 < kept.count && kept[start] | 0x20 == UInt8(ascii: "e")
                && kept[start + 1] | 0x20 == UInt8(ascii: "x")
                && kept[start + 2] | 0x20 == UInt8(ascii: "t")
        }) {
            kept.removeSubrange(ext...)
        }
        let plus = kept.first { !isSpace($0) } == UInt8(ascii: "+")
        let digits = kept.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        return (plus, String(decoding: digits, as: UTF8.self))
    }

    /// The letters and digits, upper case.
    static func upperAlphanumerics(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): bytes.append(byte - 32)
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
