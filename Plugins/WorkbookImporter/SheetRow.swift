/// One row of a sheet as text cells, with the row number the spreadsheet shows.
struct SheetRow {
    /// The row number, 1-based, as the spreadsheet shows it.
    var number: Int
    /// The cells as text, in column order, up to the last non-empty one.
    var cells: [String] = []
    /// The columns whose cells were stored as numbers (not text), for restoring phone numbers.
    var numericColumns: [Int] = []

    /// The bytes of text the row's cells hold.
    private(set) var byteCount = 0
    /// The limit the row broke, when it did: its cells are then dropped, and the row is rejected.
    private(set) var oversize: Oversize?

    /// Which limit a row broke.
    enum Oversize: Equatable {
        /// A cell, in this 0-based column, over ``SheetRow/maximumCellBytes``.
        case cell(Int)
        /// The row as a whole, over ``SheetRow/maximumRowBytes``.
        case row
    }

    /// Whether every cell is empty or white space (an oversized row is not blank: it is rejected).
    var isBlank: Bool { oversize == nil && cells.allSatisfy { $0.allSatisfy(\.isWhitespace) } }

    /// The most columns a row is read to: Excel's own limit (XFD). Cells beyond are ignored.
    static let maximumColumns = 16_384
    /// The most bytes one cell may hold, as for a CSV cell.
    static let maximumCellBytes = 256 * 1_024
    /// The most bytes one row's cells may hold together, as for a CSV record.
    static let maximumRowBytes = 1_024 * 1_024

    /// Sets column `index` to `value`, padding the columns before it with empty cells. A cell or
    /// row over the limits marks the row ``oversize`` and drops its cells, so nothing more of it
    /// is held.
    mutating func set(_ index: Int, _ value: String, numeric: Bool = false) {
        guard index < Self.maximumColumns, !value.isEmpty, oversize == nil else { return }
        let bytes = value.utf8.count
        byteCount += bytes
        if bytes > Self.maximumCellBytes || byteCount > Self.maximumRowBytes {
            oversize = bytes > Self.maximumCellBytes ? .cell(index) : .row
            cells = []
            numericColumns = []
            return
        }
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
