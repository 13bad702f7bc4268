import Foundation
import VolunteerDirectory
import VolunteerDirectoryTestSupport
import ZIPFoundation

@testable import WorkbookImporter

/// Writes small .xlsx packages part by part, so each test can hold one cell kind or one hostile
/// part without a spreadsheet program; and reads files through the plugin.
final class WorkbookFactory {
    /// The factory's folder, removed with the packages in it when the factory goes.
    private let temporary: TemporaryFolder
    var folder: URL { temporary.url }

    init() throws {
        temporary = try TemporaryFolder(prefix: "workbook-tests")
    }

    /// A zip package holding `parts` (path → content), deflated.
    func package(_ name: String, _ parts: [(String, Data)]) throws -> URL {
        let url = folder.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    /// An .xlsx with the given sheets (name, sheet XML's `sheetData` content, state), shared
    /// strings, cell styles (`cellXfs` number format ids), custom number formats and date system.
    func xlsx(
        _ name: String = "book.xlsx",
        sheets: [(name: String, rows: String, state: String?)],
        sharedStrings: [String] = [],
        cellFormats: [Int] = [0],
        customFormats: [Int: String] = [:],
        date1904: Bool = false,
        replacing: [String: String] = [:]
    ) throws -> URL {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#
            ),
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """
            ),
        ]
        let sheetList = sheets.enumerated().map { index, sheet in
            #"<sheet name="\#(sheet.name)" sheetId="\#(index + 1)" r:id="rIdS\#(index + 1)"\#(sheet.state.map { " state=\"\($0)\"" } ?? "")/>"#
        }.joined()
        parts.append(
            (
                "xl/workbook.xml",
                """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(main)" xmlns:r="\(rel)">\
                <workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(sheetList)</sheets></workbook>
                """
            ))
        let sheetRelationships = sheets.indices.map {
            #"<Relationship Id="rIdS\#($0 + 1)" Type="\#(rel)/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
        }.joined()
        parts.append(
            (
                "xl/_rels/workbook.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                \(sheetRelationships)\
                <Relationship Id="rIdT" Type="\(rel)/sharedStrings" Target="sharedStrings.xml"/>\
                <Relationship Id="rIdY" Type="\(rel)/styles" Target="/xl/styles.xml"/></Relationships>
                """
            ))
        let strings = sharedStrings.map { $0.hasPrefix("<") ? "<si>\($0)</si>" : "<si><t>\($0)</t></si>" }.joined()
        parts.append(
            ("xl/sharedStrings.xml", #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="\#(main)">\#(strings)</sst>"#))
        let formats = customFormats.map { #"<numFmt numFmtId="\#($0.key)" formatCode="\#($0.value)"/>"# }.joined()
        let xfs = cellFormats.map { #"<xf numFmtId="\#($0)" fontId="0" fillId="0" borderId="0"/>"# }.joined()
        parts.append(
            (
                "xl/styles.xml",
                """
                <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\(main)"><numFmts>\(formats)</numFmts>\
                <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs>\(xfs)</cellXfs></styleSheet>
                """
            ))
        for (index, sheet) in sheets.enumerated() {
            parts.append(
                (
                    "xl/worksheets/sheet\(index + 1).xml",
                    """
                    <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(main)" xmlns:r="\(rel)"><sheetData>\(sheet.rows)</sheetData></worksheet>
                    """
                ))
        }
        for (path, content) in replacing {
            parts.removeAll { $0.0 == path }
            parts.append((path, content))
        }
        return try package(name, parts.map { ($0.0, Data($0.1.utf8)) })
    }

    /// A file holding exactly `bytes`.
    func file(_ name: String, _ bytes: Data) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try bytes.write(to: url)
        return url
    }
}

/// Reads `url` with the plugin into a recording sink.
func readWorkbook(_ url: URL, options: ImportOptions = ImportOptions(), limits: ZipLimits = ZipLimits()) throws
    -> RecordingSink
{
    let sink = RecordingSink()
    try WorkbookImporter(limits: limits).read(
        ImportInput(url: url, displayName: url.lastPathComponent, size: 0), options: options, into: sink)
    return sink
}

/// A row of inline-string cells, for headers: `row(1, "Name", "Email")`.
func textRow(_ number: Int, _ values: String...) -> String {
    let cells = values.enumerated().map { index, value in
        value.isEmpty ? "" : #"<c r="\#(columnName(index))\#(number)" t="inlineStr"><is><t>\#(value)</t></is></c>"#
    }.joined()
    return #"<row r="\#(number)">\#(cells)</row>"#
}

/// `A`, `B`, ... `Z`, `AA` for a 0-based column.
func columnName(_ index: Int) -> String {
    index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : columnName(index / 26 - 1) + columnName(index % 26)
}
