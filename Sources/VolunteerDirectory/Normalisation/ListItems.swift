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
                    details += current.split(whereSeparator: { $0 == "," || $0 == ";" }).compactMap { String($0).nonEmpty }
                } else {
                    current.append(character)
                }
            default:
                if depth == 0 { text.append(character) } else { current.append(character) }
            }
        }
        if depth > 0, let unclosed = current.nonEmpty { details.append(unclosed) }
        text = text.trimmingWhitespace()
        if details.isEmpty {
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
        let topLevel = topLevelCharacters(cell)
        let chosen: Character? = [";", ",", "/"].first { topLevel.contains($0) }
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

    private static func topLevelCharacters(_ cell: String) -> Set<Character> {
        var depth = 0
        var seen = Set<Character>()
        for character in cell {
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" { depth = max(0, depth - 1) }
            if depth == 0 { seen.insert(character) }
        }
        return seen
    }
}
