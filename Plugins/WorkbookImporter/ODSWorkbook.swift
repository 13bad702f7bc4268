/// An OpenDocument spreadsheet (.ods, as LibreOffice saves it): every sheet is a `table:table`
/// in `content.xml`, streamed once from start to end. Cells carry their value in attributes
/// (`office:value`, `office:date-value`, `office:boolean-value`) and their text in `text:p`;
/// runs of identical cells and rows are written once with a repeat count, and a run of empty
/// ones costs nothing here: only a count moves on.
final class ODSWorkbook: SheetSource {
    static let tableNamespace = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let officeNamespace = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let styleNamespace = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    private let reader: PartReader
    /// Table styles that hide their sheet (`table:display="false"`), from the automatic styles.
    private var hiddenStyles: Set<String> = []
    /// Depth of the current `table:table`, while inside one.
    private var tableDepth: Int32?
    private var rowNumber = 0
    /// A non-empty row repeated, and how many more times to hand it out.
    private var pending: (row: SheetRow, remaining: Int)?

    init(package: WorkbookPackage) throws(WorkbookError) {
        guard let reader = try package.xml("content.xml") else { throw .missingPart("content.xml") }
        self.reader = reader
    }

    func nextSheet() throws(WorkbookError) -> SheetInfo? {
        pending = nil
        // Leave the current table unread, without expanding it.
        if let depth = tableDepth {
            while try reader.next() {
                if reader.kind == .endElement, reader.depth == depth, reader.hasLocalName("table") { break }
            }
            tableDepth = nil
        }
        var styleName: String?
        while try reader.next() {
            guard reader.kind == .element else { continue }
            if reader.hasLocalName("style") {
                styleName =
                    reader.attribute("family", namespace: Self.styleNamespace) == "table"
                    ? reader.attribute("name", namespace: Self.styleNamespace) : nil
            } else if reader.hasLocalName("table-properties"), let styleName,
                reader.attribute("display", namespace: Self.tableNamespace) == "false"
            {
                hiddenStyles.insert(styleName)
            } else if reader.hasLocalName("table"), !reader.isEmptyElement {
                tableDepth = reader.depth
                rowNumber = 0
                let name = reader.attribute("name", namespace: Self.tableNamespace) ?? "Sheet"
                let style = reader.attribute("style-name", namespace: Self.tableNamespace)
                return SheetInfo(name: name, isHidden: style.map(hiddenStyles.contains) ?? false)
            }
        }
        return nil
    }

    var fractionRead: Double { reader.fractionRead }

    func nextRow() throws(WorkbookError) -> SheetRow? {
        if let (row, remaining) = pending {
            rowNumber += 1
            pending = remaining > 1 ? (row, remaining - 1) : nil
            var copy = row
            copy.number = rowNumber
            return copy
        }
        guard let depth = tableDepth else { return nil }
        while try reader.next() {
            switch reader.kind {
            case .element where reader.hasLocalName("table-row"):
                let repeats = Self.count(reader.attribute("number-rows-repeated", namespace: Self.tableNamespace))
                let first = rowNumber + 1
                rowNumber += repeats
                guard !reader.isEmptyElement else { continue }
                let row = try readRow(number: first)
                guard !row.cells.isEmpty || row.oversize != nil else { continue }
                if repeats > 1 {
                    rowNumber = first
                    pending = (row, repeats - 1)
                }
                return row
            case .element where reader.hasLocalName("table-column") || reader.hasLocalName("shapes"):
                try reader.skipSubtree()
            case .endElement where reader.depth == depth:
                tableDepth = nil
                return nil
            default:
                break
            }
        }
        tableDepth = nil
        return nil
    }

    private func readRow(number: Int) throws(WorkbookError) -> SheetRow {
        var row = SheetRow(number: number)
        let depth = reader.depth
        var column = 0
        while try reader.next() {
            switch reader.kind {
            case .element where reader.hasLocalName("table-cell") || reader.hasLocalName("covered-table-cell"):
                let repeats = Self.count(reader.attribute("number-columns-repeated", namespace: Self.tableNamespace))
                let (value, numeric) = try readCell()
                if !value.isEmpty {
                    for offset in 0..<min(repeats, SheetRow.maximumColumns) {
                        row.set(column + offset, value, numeric: numeric)
                    }
                }
                column = min(column + repeats, SheetRow.maximumColumns)
            case .endElement where reader.depth == depth:
                return row
            default:
                break
            }
        }
        return row
    }

    /// A cell's value: the typed attribute for numbers, dates and booleans (a number's text may
    /// be formatted: `7.7E+09`, `£12.00`), the paragraphs' text otherwise.
    private func readCell() throws(WorkbookError) -> (String, Bool) {
        let type = reader.attribute("value-type", namespace: Self.officeNamespace)
        var typed: (String, Bool)?
        switch type {
        case "float", "percentage", "currency":
            typed = reader.attribute("value", namespace: Self.officeNamespace).map { (CellText.number($0), true) }
        case "date":
            typed = reader.attribute("date-value", namespace: Self.officeNamespace).map {
                (CellText.isoDate($0), false)
            }
        case "boolean":
            typed = reader.attribute("boolean-value", namespace: Self.officeNamespace).map {
                (CellText.boolean($0), false)
            }
        default:
            break
        }
        let text = try paragraphs()
        return typed ?? (text, false)
    }

    /// The text of a cell's paragraphs, one line each, with `text:s` spaces, tabs and line breaks;
    /// annotations (comments) left out.
    private func paragraphs() throws(WorkbookError) -> String {
        guard !reader.isEmptyElement else { return "" }
        let depth = reader.depth
        var lines: [String] = []
        var text = ""
        while try reader.next() {
            switch reader.kind {
            case .element where reader.hasLocalName("annotation"):
                try reader.skipSubtree()
            case .element where reader.hasLocalName("p") || reader.hasLocalName("h"):
                text = ""
            case .endElement where reader.hasLocalName("p") || reader.hasLocalName("h"):
                lines.append(text)
            case .element where reader.hasLocalName("s"):
                text += String(
                    repeating: " ", count: min(Self.count(reader.attribute("c", namespace: Self.textNamespace)), 1_000))
            case .element where reader.hasLocalName("tab"):
                text += "\t"
            case .element where reader.hasLocalName("line-break"):
                text += "\n"
            case .text, .cdata, .significantWhitespace:
                text += reader.value
            case .endElement where reader.depth == depth:
                return lines.joined(separator: "\n")
            default:
                break
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A repeat count: at least 1.
    private static func count(_ attribute: String?) -> Int {
        max(attribute.flatMap { Int($0) } ?? 1, 1)
    }
}
