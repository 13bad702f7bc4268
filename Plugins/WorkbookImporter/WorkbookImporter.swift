import Foundation
import RosterRows
import VolunteerDirectory

/// Reads network rosters and partnership needs kept in spreadsheet workbooks: Office Open XML
/// (.xlsx, from Excel, Google Sheets or LibreOffice) and OpenDocument (.ods, from LibreOffice),
/// with every rule of a CSV roster (rosters-csv.md), row by row.
///
/// The package is unzipped with ZIPFoundation and each part streamed through libxml2's reader
/// with the hardened options, so memory stays flat for a sheet of any length; only the shared
/// strings table of an .xlsx is held whole. The sheet read is the one `--sheet` names, or else
/// the first visible sheet with a row that reads as a header (title rows above it are skipped).
/// Messages name the sheet and the row number the spreadsheet shows.
public struct WorkbookImporter: DirectoryImporter {
    public static let identifier = "workbook"
    public static let summary = "Network rosters and partnership needs as Excel (.xlsx) or LibreOffice (.ods) workbooks"
    public static let fileExtensions: Set<String> = ["xlsx", "xlsm", "ods", "xls"]
    /// A roster workbook, like a CSV roster, is its network's list of members now.
    public static let readsRosters = true

    /// How many non-empty rows at the top of a sheet are searched for its header row.
    static let headerSearchRows = 50

    public static func recognises(_ sample: ImportSample) -> Recognition {
        let head = sample.head
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let text = String(decoding: head.prefix(4_096), as: UTF8.self)
            if text.contains("application/vnd.oasis.opendocument.spreadsheet") { return .certain }
            if text.contains("xl/") || text.contains("[Content_Types].xml") {
                return fileExtensions.contains(sample.fileExtension) ? .certain : .likely
            }
            return fileExtensions.contains(sample.fileExtension) ? .likely : .no
        }
        // Password-protected and legacy workbooks, read only to say what to do with them; other
        // OLE files (Word documents, say) are not this plugin's.
        if OLEFile.isOLE(head) { return fileExtensions.contains(sample.fileExtension) ? .likely : .no }
        return .no
    }

    /// The limits each part is held to.
    let limits: ZipLimits

    public init() {
        limits = ZipLimits()
    }

    init(limits: ZipLimits) {
        self.limits = limits
    }

    public func read(_ input: ImportInput, options: ImportOptions, into sink: any ImportSink) throws {
        do {
            let package = try WorkbookPackage(url: input.url, limits: limits)
            let sheets: any SheetSource =
                package.has("content.xml") && !package.has("xl/workbook.xml")
                ? try ODSWorkbook(package: package) : try XLSXWorkbook(package: package)
            try read(sheets, input: input, options: options, into: sink)
            input.progress(input.size)
        } catch let error as WorkbookError {
            throw Self.importError(error, file: input.displayName)
        }
    }

    private func read(_ sheets: any SheetSource, input: ImportInput, options: ImportOptions, into sink: any ImportSink)
        throws
    {
        let wanted = options.sheet?.trimmingWhitespace().nonEmpty
        var seen: [String] = []
        while let sheet = try sheets.nextSheet() {
            seen.append(sheet.name)
            if let wanted {
                guard sheet.name.trimmingWhitespace().lowercased() == wanted.lowercased() else { continue }
            } else if sheet.isHidden {
                continue
            }
            guard let header = try headerRow(of: sheets, options: options) else {
                if wanted != nil { throw WorkbookError.noHeader(sheets: [sheet.name]) }
                continue
            }
            let rows = try RosterSheetReader(
                header: header.cells, at: SourceLocation(line: header.number, sheet: sheet.name),
                file: input.displayName,
                options: options, sink: sink)
            let phoneColumn = rows.layout.columns[.phone]
            var count = 0
            while var row = try sheets.nextRow() {
                count += 1
                if count % 4_096 == 0 { input.progress(Int64(sheets.fractionRead * Double(input.size))) }
                guard !row.isBlank else { continue }
                let location = SourceLocation(line: row.number, sheet: sheet.name)
                if let oversize = row.oversize {
                    try sink.reject(at: location, reason: Self.overLimit(oversize, header: rows.layout.header))
                    continue
                }
                if let phoneColumn, row.numericColumns.contains(phoneColumn) {
                    Self.restoreLeadingZero(&row.cells[phoneColumn]) { sink.warn(at: location, $0) }
                }
                try rows.read(row.cells, at: location, into: sink)
            }
            return
        }
        if let wanted { throw WorkbookError.noSuchSheet(wanted, sheets: seen) }
        throw WorkbookError.noHeader(sheets: seen)
    }

    /// The first row of the sheet that reads as a header, within its first rows.
    private func headerRow(of sheets: any SheetSource, options: ImportOptions) throws(WorkbookError) -> SheetRow? {
        var searched = 0
        while let row = try sheets.nextRow(), searched < Self.headerSearchRows {
            guard !row.isBlank else { continue }
            if RosterSheetReader.readsAsHeader(row.cells, options: options) { return row }
            searched += 1
        }
        return nil
    }

    /// Excel stores `07700 900123` typed into a General cell as the number 7700900123. A phone
    /// cell stored as a number with the length of a UK mobile or landline without its leading 0
    /// (ten digits from 1, 2, 3, 7 or 8, or nine from 1) gets the 0 back, with a warning.
    static func restoreLeadingZero(_ cell: inout String, warn: (String) -> Void) {
        let digits = cell.utf8
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let first = digits.first else {
            return
        }
        let fits =
            (digits.count == 10 && Array("12378".utf8).contains(first))
            || (digits.count == 9 && first == UInt8(ascii: "1"))
        guard fits else { return }
        let restored = "0" + cell
        warn(
            "phone '\(cell)' was stored as a number, which drops the leading 0; read as '\(restored)' (format the column as Text in the spreadsheet)"
        )
        cell = restored
    }

    /// Why an oversized row was skipped, naming the column when a cell broke the limit.
    static func overLimit(_ oversize: SheetRow.Oversize, header: [String]) -> String {
        switch oversize {
        case .row:
            return
                "the row holds more than \(SheetRow.maximumRowBytes >> 20) MiB of text, the most one row may hold; it was skipped"
        case .cell(let column):
            let title =
                header.indices.contains(column)
                ? header[column].nonEmpty.map { ", '\(FieldLimits.excerpt(of: $0))'" } : nil
            return "a cell (column \(XLSXWorkbook.columnName(column))\(title ?? "")) holds more than "
                + "\(SheetRow.maximumCellBytes >> 10) KiB, the most one cell may hold; the row was skipped"
        }
    }

    // MARK: - Errors

    static func importError(_ error: WorkbookError, file: String) -> ImportError {
        switch error {
        case .passwordProtected:
            return .unreadable(
                file: file, reason: "the workbook was saved with a password; save a copy without one and import that")
        case .legacyExcel:
            return .unreadable(
                file: file,
                reason: "it is an Excel 97-2003 workbook (.xls): save it as .xlsx (Excel Workbook) and import that")
        case .notAWorkbook:
            return .unreadable(file: file, reason: "it is not an .xlsx or .ods workbook (it is not a zip package)")
        case .damagedZip:
            return .malformed(
                file: file, location: nil,
                reason: "the workbook is damaged or cut short: its zip directory cannot be read; save it again")
        case .damagedPart(let part):
            return .malformed(
                file: file, location: nil,
                reason: "the workbook is damaged: its part '\(part)' cannot be unpacked; save it again")
        case .missingPart(let part):
            return .malformed(
                file: file, location: nil,
                reason: "the workbook has no part '\(part)'; save it again from a spreadsheet program")
        case .tooLarge(let part, let reason):
            return .malformed(
                file: file, location: nil,
                reason: "the workbook's part '\(part)' was refused: \(reason) (a possible zip bomb)")
        case .notWellFormed(let part, let line, let column, let message):
            return .malformed(
                file: file, location: nil,
                reason:
                    "the workbook's part '\(part)' is not well-formed XML at line \(line), column \(column): \(message)"
            )
        case .entities(let part):
            return .malformed(
                file: file, location: nil,
                reason:
                    "the workbook's part '\(part)' declares a DOCTYPE or uses entities, which workbooks never do (they can read files or exhaust memory); refused for safety"
            )
        case .noSuchSheet(let name, let sheets):
            return .malformed(
                file: file, location: nil,
                reason: "no sheet named '\(name)'; the workbook has \(sheets.map { "'\($0)'" }.joined(separator: ", "))"
            )
        case .noHeader(let sheets):
            return .malformed(
                file: file, location: nil,
                reason:
                    "no sheet has a row that reads as a roster or needs header (looked at \(sheets.map { "'\($0)'" }.joined(separator: ", "))); name the sheet with --sheet and the columns with --map or --kind"
            )
        }
    }
}
