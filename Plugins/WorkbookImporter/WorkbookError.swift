/// Why a workbook as a whole cannot be read; ``WorkbookImporter`` turns each into an
/// `ImportError` naming the file.
enum WorkbookError: Error, Equatable {
    /// An OLE compound file holding an encrypted package: a workbook saved with a password.
    case passwordProtected
    /// An OLE compound file holding an Excel 97-2003 workbook.
    case legacyExcel
    /// Neither a zip package nor an OLE file.
    case notAWorkbook
    /// The zip directory cannot be read (the file is cut short or damaged).
    case damagedZip
    /// A part's data does not unpack (a bad checksum, a cut-short entry).
    case damagedPart(String)
    /// A part the format requires is missing.
    case missingPart(String)
    /// A part would unpack to more than the limits allow.
    case tooLarge(part: String, reason: String)
    /// A part is not well-formed XML.
    case notWellFormed(part: String, line: Int, column: Int, message: String)
    /// A part declares a DOCTYPE or uses an entity reference.
    case entities(part: String)
    /// `--sheet` named a sheet the workbook does not have.
    case noSuchSheet(String, sheets: [String])
    /// No visible sheet has a row that reads as a roster or needs header.
    case noHeader(sheets: [String])
}
