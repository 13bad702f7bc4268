/// A sheet of a workbook, as its tab shows it.
struct SheetInfo {
    /// The name on its tab.
    var name: String
    /// Whether it is hidden (read only when `--sheet` names it).
    var isHidden: Bool
}
