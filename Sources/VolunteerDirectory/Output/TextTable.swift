/// Plain aligned columns, for reading in a terminal.
public struct TextTable: Sendable {
    /// The column titles.
    public var headers: [String]
    /// The rows, each as many cells as there are headers.
    public var rows: [[String]]

    /// Creates a table.
    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    /// The table as text: a header line, a rule, then one line per row; cells longer than
    /// `maximumWidth` are shortened with an ellipsis.
    public func rendered(maximumWidth: Int = 48) -> String {
        let clean = rows.map { $0.map { shorten(flatten($0), to: maximumWidth) } }
        var widths = headers.map(\.count)
        for row in clean {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[index] - cell.count))
            }.joined(separator: "  ")
        }
        var lines = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += clean.map(line)
        return lines.joined(separator: "\n")
    }

    private func flatten(_ cell: String) -> String {
        cell.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\t", with: " ")
    }

    private func shorten(_ cell: String, to width: Int) -> String {
        cell.count <= width ? cell : String(cell.prefix(width - 1)) + "…"
    }
}
