import Foundation

/// An Office Open XML workbook (.xlsx, as Excel, Google Sheets and LibreOffice save it): the
/// workbook part lists the sheets, the relationships say where each sheet's part lies, the styles
/// say which number formats are dates, and the shared strings hold the text of text cells.
///
/// The shared strings table is the one part held whole (every text cell points into it); each
/// sheet is streamed, a row at a time.
final class XLSXWorkbook: SheetSource {
    private struct Sheet {
        var info: SheetInfo
        var part: String
    }

    private let package: WorkbookPackage
    private let sheets: [Sheet]
    private var nextSheetIndex = 0
    private let sharedStrings: [String]
    /// For each cell style (`s`), whether its number format shows a date.
    private let dateStyles: [Bool]
    private let uses1904: Bool
    private var reader: PartReader?
    private var lastRowNumber = 0

    init(package: WorkbookPackage) throws(WorkbookError) {
        self.package = package
        let workbookPart = try Self.officeDocument(package)
        guard let workbook = try package.smallXML(workbookPart) else { throw .missingPart(workbookPart) }
        let relationships = try Self.relationships(package, of: workbookPart)
        var sheets: [Sheet] = []
        var uses1904 = false
        while try workbook.next() {
            guard workbook.kind == .element else { continue }
            if workbook.hasLocalName("workbookPr") {
                let value = workbook.attribute("date1904")?.lowercased()
                uses1904 = value == "1" || value == "true"
            } else if workbook.hasLocalName("sheet"), let name = workbook.attribute("name") {
                let id =
                    workbook.attribute("id", namespace: Self.relationshipsNamespace)
                    ?? workbook.attribute("id", namespace: Self.strictRelationshipsNamespace)
                guard let id, let target = relationships[id]?.target else { continue }
                let state = workbook.attribute("state") ?? "visible"
                sheets.append(Sheet(info: SheetInfo(name: name, isHidden: state != "visible"), part: target))
            }
        }
        self.sheets = sheets
        self.uses1904 = uses1904
        let parts = relationships.values
        let stylesPart = parts.first { $0.type.hasSuffix("/styles") }?.target
        let stringsPart = parts.first { $0.type.hasSuffix("/sharedStrings") }?.target
        dateStyles = try stylesPart.map { path throws(WorkbookError) in try Self.dateStyles(package, part: path) } ?? []
        sharedStrings =
            try stringsPart.map { path throws(WorkbookError) in try Self.sharedStrings(package, part: path) } ?? []
    }

    func nextSheet() throws(WorkbookError) -> SheetInfo? {
        reader = nil
        guard nextSheetIndex < sheets.count else { return nil }
        let sheet = sheets[nextSheetIndex]
        nextSheetIndex += 1
        guard let reader = try package.xml(sheet.part) else { throw .missingPart(sheet.part) }
        self.reader = try reader.advance(to: "sheetData") ? reader : nil
        lastRowNumber = 0
        return sheet.info
    }

    var fractionRead: Double { reader?.fractionRead ?? 1 }

    func nextRow() throws(WorkbookError) -> SheetRow? {
        guard let reader else { return nil }
        while try reader.next() {
            switch reader.kind {
            case .element where reader.hasLocalName("row"):
                let number = reader.attribute("r").flatMap { Int($0) } ?? lastRowNumber + 1
                lastRowNumber = number
                guard !reader.isEmptyElement else { continue }
                let row = try readRow(number: number, reader)
                if !row.cells.isEmpty || row.oversize != nil { return row }
            case .endElement where reader.hasLocalName("sheetData"):
                self.reader = nil
                return nil
            default:
                break
            }
        }
        self.reader = nil
        return nil
    }

    private func readRow(number: Int, _ reader: PartReader) throws(WorkbookError) -> SheetRow {
        var row = SheetRow(number: number)
        let depth = reader.depth
        var column = 0
        while try reader.next() {
            switch reader.kind {
            case .element where reader.hasLocalName("c"):
                if let reference = reader.attribute("r"), let index = Self.columnIndex(reference) { column = index }
                let type = reader.attribute("t") ?? "n"
                let style = reader.attribute("s").flatMap { Int($0) } ?? 0
                if !reader.isEmptyElement {
                    let (value, numeric) = try readCell(type: type, style: style, reader)
                    row.set(column, value, numeric: numeric)
                }
                column += 1
            case .endElement where reader.depth == depth:
                return row
            default:
                break
            }
        }
        return row
    }

    /// Reads a `c` element's value: `v` (a number, a shared string's index, a formula's cached
    /// result) or `is` (an inline string); `f`, the formula itself, is never evaluated.
    private func readCell(type: String, style: Int, _ reader: PartReader) throws(WorkbookError) -> (String, Bool) {
        let depth = reader.depth
        var raw: String?
        var inline: String?
        while try reader.next() {
            switch reader.kind {
            case .element where reader.hasLocalName("v"):
                raw = try reader.text()
            case .element where reader.hasLocalName("is"):
                inline = try reader.text(skipping: Self.isPhonetic)
            case .element:
                try reader.skipSubtree()
            case .endElement where reader.depth == depth:
                return value(type: type, style: style, raw: raw, inline: inline)
            default:
                break
            }
        }
        return value(type: type, style: style, raw: raw, inline: inline)
    }

    private func value(type: String, style: Int, raw: String?, inline: String?) -> (String, Bool) {
        switch type {
        case "s":
            guard let raw, let index = Int(raw.trimmingCharacters(in: .whitespaces)),
                sharedStrings.indices.contains(index)
            else {
                return ("", false)
            }
            return (sharedStrings[index], false)
        case "inlineStr": return (inline ?? raw ?? "", false)
        case "str", "e": return (raw ?? "", false)
        case "b": return (raw.map(CellText.boolean) ?? "", false)
        case "d": return (raw.map(CellText.isoDate) ?? "", false)
        default:
            guard let raw else { return ("", false) }
            if dateStyles.indices.contains(style), dateStyles[style],
                let date = CellText.date(serial: raw, uses1904: uses1904)
            {
                return (date, false)
            }
            return (CellText.number(raw), true)
        }
    }

    // MARK: - The parts read whole

    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let strictRelationshipsNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships"

    /// Phonetic guides (`rPh`) in rich text are readings, not text: left out.
    private static func isPhonetic(_ reader: PartReader) -> Bool { reader.hasLocalName("rPh") }

    /// The workbook part the package's root relationships name (`xl/workbook.xml` as a rule).
    private static func officeDocument(_ package: WorkbookPackage) throws(WorkbookError) -> String {
        let root = try relationships(package, of: "")
        if let part = root.values.first(where: { $0.type.hasSuffix("/officeDocument") })?.target { return part }
        guard package.has("xl/workbook.xml") else { throw .missingPart("xl/workbook.xml") }
        return "xl/workbook.xml"
    }

    /// The relationships of `part` (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`), by id,
    /// with targets resolved to paths in the package.
    private static func relationships(_ package: WorkbookPackage, of part: String) throws(WorkbookError)
        -> [String: (type: String, target: String)]
    {
        let folder = (part as NSString).deletingLastPathComponent
        let name = (part as NSString).lastPathComponent
        let path = folder.isEmpty ? "_rels/\(name).rels" : "\(folder)/_rels/\(name).rels"
        guard let reader = try package.smallXML(path) else { return [:] }
        var result: [String: (type: String, target: String)] = [:]
        while try reader.next() {
            guard reader.kind == .element, reader.hasLocalName("Relationship"),
                let id = reader.attribute("Id"), let target = reader.attribute("Target")
            else { continue }
            if reader.attribute("TargetMode") == "External" { continue }
            result[id] = (reader.attribute("Type") ?? "", resolve(target, from: folder))
        }
        return result
    }

    /// A relationship target as a package path: absolute (`/xl/worksheets/sheet1.xml`) or
    /// relative to the source part's folder, `..` resolved.
    static func resolve(_ target: String, from folder: String) -> String {
        let joined =
            target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? target : "\(folder)/\(target)")
        var parts: [Substring] = []
        for piece in joined.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }

    /// The shared strings: each `si`'s text, its rich-text runs joined, phonetic guides left out.
    private static func sharedStrings(_ package: WorkbookPackage, part: String) throws(WorkbookError) -> [String] {
        guard let reader = try package.xml(part, heldWhole: true) else { return [] }
        var strings: [String] = []
        while try reader.next() {
            if reader.kind == .element, reader.hasLocalName("si") {
                strings.append(try reader.text(skipping: isPhonetic))
            }
        }
        return strings
    }

    /// For each cell style (`cellXfs`' `xf`, in order), whether its number format is a date.
    private static func dateStyles(_ package: WorkbookPackage, part: String) throws(WorkbookError) -> [Bool] {
        guard let reader = try package.smallXML(part) else { return [] }
        var customDates: [Int: Bool] = [:]
        var styles: [Bool] = []
        var inCellFormats = false
        while try reader.next() {
            switch reader.kind {
            case .element where reader.hasLocalName("numFmt"):
                if let id = reader.attribute("numFmtId").flatMap({ Int($0) }), let code = reader.attribute("formatCode")
                {
                    customDates[id] = NumberFormat.isDate(code)
                }
            case .element where reader.hasLocalName("cellXfs"):
                inCellFormats = !reader.isEmptyElement
            case .endElement where reader.hasLocalName("cellXfs"):
                inCellFormats = false
            case .element where inCellFormats && reader.hasLocalName("xf"):
                let id = reader.attribute("numFmtId").flatMap { Int($0) } ?? 0
                styles.append(customDates[id] ?? NumberFormat.isBuiltInDate(id))
            default:
                break
            }
        }
        return styles
    }

    /// The letters of a 0-based column, as a spreadsheet shows them (2 → `C`, 26 → `AA`).
    static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// The 0-based column of a cell reference (`C12` → 2), or `nil` when it has no letters.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): index = index * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): index = index * 26 + Int(byte - UInt8(ascii: "a")) + 1
            default:
                guard letters > 0 else { return nil }
                return index - 1
            }
            letters += 1
            if letters > 3 { return nil }
        }
        return letters > 0 ? index - 1 : nil
    }
}
