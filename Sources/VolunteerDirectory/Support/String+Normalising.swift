import Foundation

extension String {
    /// The string without leading and trailing white space (including no-break spaces).
    public func trimmingWhitespace() -> String {
        // Most fields are ASCII at both ends: trim by bytes without asking Unicode.
        let bytes = utf8
        if let first = bytes.first, let last = bytes.last, first < 0x80, last < 0x80 {
            if !Self.isASCIISpace(first), !Self.isASCIISpace(last) { return self }
            if let start = bytes.firstIndex(where: { !Self.isASCIISpace($0) }), bytes[start] < 0x80,
                let end = bytes.lastIndex(where: { !Self.isASCIISpace($0) }), bytes[end] < 0x80
            {
                return String(self[start...end])
            }
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    /// A matching key: lower case, diacritics kept, every run of punctuation and space turned
    /// into one space, trimmed. `"First-Aid  (St John)"` becomes `"first aid st john"`.
    public var matchingKey: String {
        if let ascii = asciiMatchingKey { return ascii }
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
            {
                if pendingSpace && !out.isEmpty { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// The string as full-text search compares it, on both sides (the index's rows and a
    /// search's words): lower case, accents dropped, and the letters no Unicode decomposition
    /// takes apart folded to what a UK keyboard types: ł→l, ı→i, ø→o, đ/ð→d, ß→ss, æ→ae, œ→oe,
    /// þ→th, ħ→h, ŀ→l, ŋ→n, ŧ→t, ĳ→ij, ſ→s (Polish, Turkish, Nordic and Sámi, German,
    /// Vietnamese, Croatian, Serbian and Bosnian, Maltese, Icelandic, Dutch). "Łukasz" becomes
    /// "lukasz", "Kılıç" "kilic", "Straße" "strasse". Only the Latin combining accents go;
    /// the vowel signs of other scripts (Arabic, Devanagari) are kept. Punctuation and spaces are
    /// kept: ``matchingKey`` splits words after folding.
    public var searchFolded: String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return lowercased() }
        // Scalar by scalar, from a table made once: every import folds each name, skill and note,
        // and normalising whole strings through Foundation cost more than the rest of the import.
        var out = String.UnicodeScalarView()
        func fold(_ scalar: Unicode.Scalar, lowering: Bool) {
            let value = scalar.value
            if value < 0x80 {
                out.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            } else if (0x300...0x36F).contains(value) {
                return  // a combining accent, as decomposed text writes it
            } else if let folded = Self.latinFolds[value] {
                out.append(contentsOf: folded.unicodeScalars)
            } else if lowering, scalar.properties.changesWhenLowercased {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { fold(lowered, lowering: false) }
            } else {
                out.append(scalar)
            }
        }
        for scalar in unicodeScalars { fold(scalar, lowering: true) }
        return String(out)
    }

    /// Lower-case letters with no decomposition, and what a search reads them as.
    private static let letterFolds: [Unicode.Scalar: String] = [
        "ł": "l", "ı": "i", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ħ": "h",
        "ŀ": "l", "ŋ": "n", "ŧ": "t", "ĳ": "ij", "ſ": "s",
    ]

    /// Every letter of Latin-1, Latin Extended-A and -B and Latin Extended Additional (where the
    /// accented letters of every Latin alphabet live, Vietnamese included), as a search reads it:
    /// lower case, accents dropped, then ``letterFolds``.
    private static let latinFolds: [UInt32: String] = {
        var folds: [UInt32: String] = [:]
        for value in Array(UInt32(0xC0)...0x24F) + Array(UInt32(0x1E00)...0x1EFF) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            var folded = ""
            for part in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
            where !(0x300...0x36F).contains(part.value) {
                folded += letterFolds[part] ?? String(part)
            }
            folds[value] = folded
        }
        return folds
    }()

    /// ``matchingKey`` for ASCII text, by bytes; `nil` when the text is not all ASCII.
    private var asciiMatchingKey: String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if pendingSpace && !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
                pendingSpace = false
                bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingSpace && !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
                pendingSpace = false
                bytes.append(byte + 32)
            case 0x80...:
                return nil
            default:
                pendingSpace = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    fileprivate static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// The string with nothing but its letters and digits, lower case: how headers are compared.
    public var compactKey: String {
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, by bytes: letters and digits are the only alphabetic and numeric characters there.
            return String(
                decoding: utf8.compactMap { byte -> UInt8? in
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
                    default: nil
                    }
                }, as: UTF8.self)
        }
        return String(
            String.UnicodeScalarView(
                lowercased().unicodeScalars.filter {
                    $0.properties.isAlphabetic || $0.properties.numericType != nil
                }))
    }

    /// `nil` when the trimmed string is empty, else the trimmed string.
    public var nonEmpty: String? {
        let trimmed = trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }
}
