extension String {
    /// The string without leading and trailing white space (including no-break spaces).
    public func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    /// A matching key: lower case, diacritics kept, every run of punctuation and space turned
    /// into one space, trimmed. `"First-Aid  (St John)"` becomes `"first aid st john"`.
    public var matchingKey: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark {
                if pendingSpace && !out.isEmpty { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// The string with nothing but its letters and digits, lower case: how headers are compared.
    public var compactKey: String {
        String(String.UnicodeScalarView(lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }

    /// `nil` when the trimmed string is empty, else the trimmed string.
    public var nonEmpty: String? {
        let trimmed = trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }
}
