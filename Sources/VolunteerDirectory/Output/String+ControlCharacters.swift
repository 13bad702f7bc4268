extension String {
    /// The string with every character that could steer a terminal or reorder what is shown
    /// written out as a visible escape, `\u{1B}` for ESC: the C0 controls (U+0000–U+001F) but
    /// those in `kept`, DEL (U+007F), the C1 controls (U+0080–U+009F, among them CSI), and the
    /// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069).
    ///
    /// A roster can hold anything, and `show`, the tables, CSV and the HTML report print what it
    /// held: without this, a name holding `ESC [2J` clears the coordinator's terminal and an OSC
    /// sequence retitles it. What was written is stored unchanged; only its display is escaped.
    ///
    /// ```swift
    /// "Ann\u{1B}[2J".escapingControlCharacters()   // "Ann\\u{1B}[2J"
    /// ```
    public func escapingControlCharacters(keeping kept: Set<Unicode.Scalar> = []) -> String {
        guard unicodeScalars.contains(where: { $0.isControlForDisplay && !kept.contains($0) }) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar.isControlForDisplay && !kept.contains(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is a control character or a bidirectional override: see
    /// ``Swift/String/escapingControlCharacters(keeping:)``.
    var isControlForDisplay: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
