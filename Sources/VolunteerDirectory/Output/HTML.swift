/// What every HTML page voldir writes shares.
public enum HTML {
    /// Escapes text for HTML, in text and in attributes: markup characters as entities, and
    /// control characters and bidirectional overrides (invalid in HTML, or able to reorder what
    /// a reader sees) as visible escapes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text.escapingControlCharacters(keeping: ["\n", "\t"]) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
