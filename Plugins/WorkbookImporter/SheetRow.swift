/// One row of a sheet as text cells, with the row number the spreadsheet shows.
struct SheetRow {
    /// The row number, 1-based, as the spreadsheet shows it.
    var number: Int
    /// The cells as text, in column order, up to the last non-empty one.
    var cells: [String] = []
    /// The columns whose cells were stored as numbers (not text), for restoring phone numbers.
    var numericColumns: [Int] = []

    /// Whether every cell is empty or white space.
    var isBlank: Bool { cells.allSatisfy { $0.allSatisfy(\.isWhitespace) } }

    /// The most columns a row is read to: Excel's own limit (XFD). Cells beyond are ignored.
    static let maximumColumns = 16_384

    /// Sets column `index` to `value`, padding the columns before it with empty cells.
    mutating func set(_ index: Int, _ value: String, numeric: Bool = false) {
        guard index < Self.maximumColumns, !value.isEmpty else { return }
        if index >= cells.count {
            cells.reserveCapacity(index + 1)
            while cells.count < index { cells.append("") }
            cells.append(value)
        } else {
            cells[index] = value
        }
        if numeric { numericColumns.append(index) }
    }
}
