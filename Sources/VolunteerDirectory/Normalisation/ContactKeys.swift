/// The keys by which the same person is recognised across rosters.
public enum ContactKeys {
    /// An email address folded for comparison (trimmed, lower case), or `nil` when it is not one.
    public static func emailKey(_ email: String?) -> String? {
        guard let email else { return nil }
        return ASCIIKeys.isASCII(email) ? ASCIIKeys.email(email) : emailKeyByCharacters(email)
    }

    /// ``emailKey(_:)`` for any text.
    static func emailKeyByCharacters(_ email: String) -> String? {
        let trimmed = email.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        let lower = trimmed.lowercased()
        let parts = lower.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].utf8.contains(UInt8(ascii: ".")),
            !lower.utf8.contains(UInt8(ascii: " "))
        else { return nil }
        return lower
    }

    /// A telephone number in E.164 (`+447700900123`), reading UK numbers as people write them:
    /// `07700 900123`, `+44 (0)7700 900123`, `0044 7700 900123`, `(0161) 000 0000`.
    /// Returns `nil` when the text is not a plausible number.
    public static func phoneKey(_ phone: String?) -> String? {
        guard let phone, !phone.isEmpty else { return nil }
        let written = ASCIIKeys.isASCII(phone) ? ASCIIKeys.phoneDigits(phone) : phoneDigitsByCharacters(phone)
        return international(written.digits, plus: written.plus)
    }

    /// Whether the number is written with a leading `+`, and its digits, for any text.
    static func phoneDigitsByCharacters(_ phone: String) -> (plus: Bool, digits: String) {
        var text = phone
        // Foundation's searches are costly per row: look for the bytes first.
        if text.utf8.contains(UInt8(ascii: "(")) { text = text.replacingOccurrences(of: "(0)", with: "") }
        if text.utf8.contains(where: { $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "X") }),
            let ext = text.range(of: "ext", options: .caseInsensitive)
        {
            text = String(text[..<ext.lowerBound])
        }
        return (text.trimmingWhitespace().hasPrefix("+"), text.filter(\.isASCII).filter(\.isNumber))
    }

    /// The number in E.164 from its digits, or `nil` when it is not plausible.
    private static func international(_ digits: String, plus: Bool) -> String? {
        guard !digits.isEmpty else { return nil }
        var international: String
        if plus {
            international = digits
        } else if digits.hasPrefix("00") {
            international = String(digits.dropFirst(2))
        } else if digits.hasPrefix("0") {
            international = "44" + digits.dropFirst()
        } else if digits.hasPrefix("44"), digits.count == 12 {
            international = digits
        } else if digits.count == 10, digits.hasPrefix("7") {
            international = "44" + digits  // a UK mobile whose leading zero a spreadsheet dropped
        } else {
            return nil
        }
        if international.hasPrefix("440") { international = "44" + international.dropFirst(3) }
        if international.hasPrefix("44") {
            guard (11...12).contains(international.count) else { return nil }
        } else {
            guard (8...15).contains(international.count) else { return nil }
        }
        return "+" + international
    }
}

/// UK postcodes and the districts that `--area SK4` searches by.
public enum Postcode {
    /// The postcode in its standard form (`SK1 3XE`), or the trimmed text when it is not a UK postcode.
    public static func normalised(_ text: String) -> String {
        let compact = upperAlphanumerics(text)
        guard (5...7).contains(compact.count), compact.last?.isLetter == true,
            compact.dropLast(2).last?.isNumber == true, compact.first?.isLetter == true
        else { return text.trimmingWhitespace() }
        return "\(compact.dropLast(3)) \(compact.suffix(3))"
    }

    /// The outward code (`SK4` in `SK4 1AA`); for a bare district (`SK4`) the district itself.
    public static func district(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let compact = upperAlphanumerics(text)
        guard compact.first?.isLetter == true, (2...7).contains(compact.count) else { return nil }
        if compact.count >= 5, compact.last?.isLetter == true, compact.dropLast(2).last?.isNumber == true {
            return String(compact.dropLast(3))
        }
        return compact.count <= 4 ? compact : nil
    }

    private static func upperAlphanumerics(_ text: String) -> String {
        ASCIIKeys.isASCII(text) ? ASCIIKeys.upperAlphanumerics(text) : upperAlphanumericsByCharacters(text)
    }

    /// The letters and digits of any text, upper case.
    static func upperAlphanumericsByCharacters(_ text: String) -> String {
        text.uppercased().filter { $0.isLetter || $0.isNumber }
    }
}
