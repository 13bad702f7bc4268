import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import WorkbookImporter

/// Broken and hostile files: each is refused whole, with a reason a coordinator can act on, and
/// nothing is handed to the directory.
@Suite("Hostile and broken workbooks")
struct HostileWorkbookTests {
    /// Reads `url`, expecting the whole file refused with a message containing `words`.
    /// Records handed over before a refusal found only at a part's end (its checksum) are rolled
    /// back with the import's transaction; every other refusal comes before any record.
    func expectRefused(_ url: URL, limits: ZipLimits = ZipLimits(), recordsBefore: Bool = false, _ words: String...) {
        let sink = RecordingSink()
        #expect {
            try WorkbookImporter(limits: limits).read(
                ImportInput(url: url, displayName: url.lastPathComponent, size: 0), options: ImportOptions(), into: sink
            )
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return words.allSatisfy { "\(error)".contains($0) }
        }
        if !recordsBefore { #expect(sink.records.isEmpty) }
    }

    let roster = textRow(1, "Name") + textRow(2, "Someone")

    @Test("a zip bomb: a part that unpacks to more than 200 times its size is refused as it unpacks")
    func zipBombRatio() throws {
        let factory = try WorkbookFactory()
        let padding = String(repeating: " ", count: 8 << 20)
        let url = try factory.xlsx(sheets: [("S", roster + "<!--\(padding)-->", nil)])
        expectRefused(url, "xl/worksheets/sheet1.xml", "200 times its packed size", "zip bomb")
    }

    @Test("a part larger than the size cap is refused, before or while it unpacks")
    func zipBombSize() throws {
        let factory = try WorkbookFactory()
        let url = try factory.xlsx(sheets: [("S", roster + String(repeating: "<row/>", count: 100_000), nil)])
        expectRefused(url, limits: ZipLimits(maximumPartSize: 64 << 10), "sheet1.xml", "more than 64 KiB")
        // Within the limits the same file reads.
        #expect(try readWorkbook(url).volunteers.count == 1)
    }

    @Test("the shared strings, read whole, have their own cap")
    func sharedStringsCap() throws {
        let factory = try WorkbookFactory()
        let url = try factory.xlsx(
            sheets: [("S", roster, nil)], sharedStrings: Array(repeating: "same text", count: 20_000))
        expectRefused(url, limits: ZipLimits(maximumWholePartSize: 64 << 10), "sharedStrings.xml", "more than 64 KiB")
    }

    @Test(
        "a cell over 256 KiB or a row over 1 MiB is rejected with its row and column, not held; the other rows import")
    func oversizedCellsAndRows() throws {
        let factory = try WorkbookFactory()
        // Text that does not compress well, so the sheet is no zip bomb.
        var seed: UInt64 = 7
        func text(_ count: Int) -> String {
            String(
                (0..<count).map { _ in
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return Character(UnicodeScalar(UInt8(97 + (seed >> 33) % 26)))
                })
        }
        let big = text(300 * 1_024)
        let quarter = text(200 * 1_024)
        let rows =
            textRow(1, "Name", "Notes") + textRow(2, "Before", "") + textRow(3, "Giant", big)
            + textRow(4, "Wide", quarter, quarter, quarter, quarter, quarter, quarter) + textRow(5, "After", "")
        let url = try factory.xlsx(sheets: [("S", rows, nil)])
        let sink = try readWorkbook(url, options: ImportOptions(network: "N"))
        #expect(sink.volunteers.map(\.name) == ["Before", "After"])
        #expect(sink.rejections.map(\.location.line) == [3, 4])
        #expect(sink.rejections.first?.reason.contains("a cell (column B, 'Notes') holds more than 256 KiB") == true)
        #expect(sink.rejections.last?.reason.contains("the row holds more than 1 MiB") == true)
    }

    @Test("a workbook saved with a password (an encrypted OLE package) says to save a copy without one")
    func passwordProtected() {
        expectRefused(
            fixturesFolder().appendingPathComponent("password.xlsx"), "saved with a password; save a copy without one")
    }

    @Test("a legacy Excel 97-2003 workbook, saved by LibreOffice, says to save it as .xlsx")
    func legacyExcel() {
        expectRefused(
            fixturesFolder().appendingPathComponent("legacy.xls"), "Excel 97-2003 workbook", "save it as .xlsx")
    }

    @Test("an OLE file whose directory cannot be read is told apart by its extension")
    func oleByExtension() throws {
        let factory = try WorkbookFactory()
        let header = Data(OLEFile.signature + [UInt8](repeating: 0, count: 504))
        expectRefused(try factory.file("old.xls", header), "Excel 97-2003")
        expectRefused(try factory.file("locked.xlsx", header), "saved with a password")
    }

    @Test("the OLE directory's stream names decide, whatever the extension")
    func oleDirectory() {
        let encrypted = OLEFile.streamNames(fixturesFolder().appendingPathComponent("password.xlsx"))
        #expect(encrypted.contains("EncryptedPackage") && encrypted.contains("EncryptionInfo"))
        let legacy = OLEFile.streamNames(fixturesFolder().appendingPathComponent("legacy.xls"))
        #expect(legacy.contains("Workbook"))
    }

    @Test("a zip cut short in transfer")
    func truncatedZip() throws {
        let factory = try WorkbookFactory()
        let whole = try Data(contentsOf: fixturesFolder().appendingPathComponent("members-excel.xlsx"))
        let url = try factory.file("cut.xlsx", whole.prefix(whole.count / 2))
        expectRefused(url, "damaged or cut short")
    }

    @Test("a part whose data is damaged (checksum wrong)")
    func damagedEntry() throws {
        let factory = try WorkbookFactory()
        let url = try factory.xlsx(sheets: [
            (
                "S", roster + String(repeating: #"<row r="9"><c t="inlineStr"><is><t>x</t></is></c></row>"#, count: 50),
                nil
            )
        ])
        var bytes = try Data(contentsOf: url)
        // Flip bytes in the middle of the last part's deflated data (the sheet is written last).
        let directory = try #require(bytes.lastRange(of: Data([0x50, 0x4B, 0x01, 0x02])))
        let damage = directory.lowerBound - 40
        for index in damage..<damage + 8 { bytes[index] ^= 0xFF }
        expectRefused(try factory.file("damaged.xlsx", bytes), recordsBefore: true, "damaged")
    }

    @Test("a sheet that is not well-formed XML names the part, line and column")
    func malformedSheet() throws {
        let factory = try WorkbookFactory()
        let url = try factory.xlsx(sheets: [("S", roster + "<row r=\"3\"><c></row>", nil)])
        expectRefused(url, "xl/worksheets/sheet1.xml", "not well-formed XML at line 1, column")
    }

    @Test(
        "an external entity in any part is refused, never expanded",
        arguments: [
            "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml",
            "xl/_rels/workbook.xml.rels",
        ])
    func externalEntity(_ part: String) throws {
        let factory = try WorkbookFactory()
        let plain = try factory.xlsx("plain.xlsx", sheets: [("S", roster, nil)], sharedStrings: ["x"])
        let original = try #require(try partText(plain, part))
        let hostile = original.replacingOccurrences(
            of: #"<?xml version="1.0" encoding="UTF-8"?>"#,
            with: #"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>"#)
        #expect(hostile != original)
        let url = try factory.xlsx(
            "xxe.xlsx", sheets: [("S", roster, nil)], sharedStrings: ["x"], replacing: [part: hostile])
        expectRefused(url, part, "DOCTYPE or uses entities")
    }

    @Test("an .ods whose content.xml uses an entity is refused too")
    func odsEntity() throws {
        let factory = try WorkbookFactory()
        let content =
            #"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY lol "lol">]><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&lol;</office:document-content>"#
        let url = try factory.package(
            "bomb.ods",
            [
                ("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)),
                ("content.xml", Data(content.utf8)),
            ])
        expectRefused(url, "content.xml", "DOCTYPE or uses entities")
    }

    @Test("a file that is neither a zip nor an OLE file")
    func notAWorkbook() throws {
        let factory = try WorkbookFactory()
        expectRefused(try factory.file("notes.xlsx", Data("Name,Email\n".utf8)), "not an .xlsx or .ods workbook")
    }

    @Test("a zip that is not a workbook names the part it lacks")
    func zipWithoutWorkbook() throws {
        let factory = try WorkbookFactory()
        let url = try factory.package("photos.xlsx", [("photo.txt", Data("hello".utf8))])
        expectRefused(url, "has no part 'xl/workbook.xml'")
    }

    /// The text of one part of the package at `url`.
    func partText(_ url: URL, _ part: String) throws -> String? {
        let package = try WorkbookPackage(url: url, limits: ZipLimits())
        return try package.data(part).map { String(decoding: $0, as: UTF8.self) }
    }
}
