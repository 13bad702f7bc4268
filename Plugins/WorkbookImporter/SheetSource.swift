/// The sheets of a workbook, read one after another, each row by row.
protocol SheetSource: AnyObject {
    /// Moves to the next sheet; `nil` when there are no more.
    func nextSheet() throws(WorkbookError) -> SheetInfo?
    /// The next row of the current sheet that holds any cell; `nil` at the sheet's end.
    func nextRow() throws(WorkbookError) -> SheetRow?
    /// How much of the current sheet's part has been read, from 0 to 1, for progress.
    var fractionRead: Double { get }
}
