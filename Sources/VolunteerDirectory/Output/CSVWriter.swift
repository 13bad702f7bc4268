/// Writes CSV that a spreadsheet opens as plain text: RFC 4180 quoting, and cells that a
/// spreadsheet would run as a formula neutralised.
public enum CSVWriter {
    /// One CSV line (without its line end) for the cells.
    public static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }

    /// A whole document: the header line and the rows, CRLF line ends as RFC 4180 asks.
    public static func document(headers: [String], rows: [[String]]) -> String {
        ([line(headers)] + rows.map(line)).map { $0 + "\r\n" }.joined()
    }

    /// One cell. Control characters other than tab and line breaks (ESC, DEL, C1, bidirectional
    /// overrides) are written as visible escapes, so a file opened in a terminal or a
    /// spreadsheet shows them rather than obeys them. A cell beginning with `=`, `+`, `-`, `@`, a
    /// tab or a carriage return is prefixed with `'` so no spreadsheet evaluates it (OWASP's
    /// advice on CSV injection); then it is quoted when it holds a comma, a quote or a line break.
    public static func cell(_ value: String) -> String {
        var text = value.escapingControlCharacters(keeping: ["\t", "\n", "\r"])
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
