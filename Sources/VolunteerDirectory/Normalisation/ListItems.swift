/// A list item as rosters write it: text with an optional detail in brackets, `Urdu (native)`.
public struct BracketedItem: Sendable, Hashable {
    /// The item without its bracketed detail (`Urdu`).
    public var text: String
    /// The details in brackets (`native`), several when the item has several brackets or commas
    /// inside one (`Accountancy (professional, PK)`).
    public var details: [String]

    /// Splits `Urdu (native)` into `Urdu` and `["native"]`; also reads `Urdu - native` and
    /// `Urdu: native` when the part after the dash or colon is one word.
    public init(parsing raw: String) {
        var text = ""
        var details: [String] = []
        var depth = 0
        var current = ""
        for character in raw {
            switch character {
            case "(", "[":
                if depth == 0 { current = "" } else { current.append(character) }
                depth += 1
            case ")", "]":
                depth = max(0, depth - 1)
                if depth == 0 {
                    details += current.split(whereSeparator: { $0 == "," || $0 == ";" }).compactMap {
                        String($0).nonEmpty
                    }
                } else {
                    current.append(character)
                }
            default:
                if depth == 0 { text.append(character) } else { current.append(character) }
            }
        }
        if depth > 0, let unclosed = current.nonEmpty { details.append(unclosed) }
        text = text.trimmingWhitespace()
        // Foundation's search is costly per item: only when a dash or colon is there at all.
        if details.isEmpty,
            text.utf8.contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0xE2 })
        {
            for separator in [" - ", ": ", " – "] {
                if let range = text.range(of: separator, options: .backwards) {
                    let tail = String(text[range.upperBound...]).trimmingWhitespace()
                    if !tail.isEmpty, !tail.contains(" ") {
                        details = [tail]
                        text = String(text[..<range.lowerBound]).trimmingWhitespace()
                    }
                    break
                }
            }
        }
        self.text = text
        self.details = details
    }
}

/// Splits a list cell into items the way rosters write lists.
public enum ListCell {
    /// Splits on `;` when the cell has one, else on `,`, else on `/` (and on line breaks), never
    /// inside brackets: `Accountancy (ACCA, CIMA); Driving` is two items.
    public static func items(_ cell: String) -> [String] {
        let separators: [Character] = ["\n", "\r", "|"]
        let chosen = separator(of: cell)
        var items: [String] = []
        var current = ""
        var depth = 0
        for character in cell {
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" { depth = max(0, depth - 1) }
            if depth == 0, character == chosen || separators.contains(character) {
                if let item = current.nonEmpty { items.append(item) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if let item = current.nonEmpty { items.append(item) }
        return items
    }

    /// `;` when the cell has one outside brackets, else `,`, else `/`, else none.
    private static func separator(of cell: String) -> Character? {
        var depth = 0
        var found: (semicolon: Bool, comma: Bool, slash: Bool) = (false, false, false)
        for byte in cell.utf8 {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(0, depth - 1)
            case UInt8(ascii: ";") where depth == 0: found.semicolon = true
            case UInt8(ascii: ",") where depth == 0: found.comma = true
            case UInt8(ascii: "/") where depth == 0: found.slash = true
            default: break
            }
        }
        return found.semicolon ? ";" : found.comma ? "," : found.slash ? "/" : nil
    }
}
