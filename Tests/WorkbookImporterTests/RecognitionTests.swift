import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import WorkbookImporter

/// Choosing the workbook plugin from a file's first bytes and name, and reporting progress.
@Suite("Workbook recognition and progress")
struct RecognitionTests {
    func sample(_ name: String, _ head: Data) -> ImportSample {
        ImportSample(fileName: name, head: [UInt8](head.prefix(65_536)))
    }

    @Test("workbooks are recognised by their contents; other OLE files and text are not")
    func recognition() throws {
        for fixture in [
            "members-excel.xlsx", "members-libreoffice.xlsx", "members-libreoffice.ods", "members-odfpy.ods",
        ] {
            let head = try Data(contentsOf: fixturesFolder().appendingPathComponent(fixture))
            #expect(WorkbookImporter.recognises(sample(fixture, head)) == .certain)
        }
        let ole = Data(OLEFile.signature + [UInt8](repeating: 0, count: 504))
        #expect(WorkbookImporter.recognises(sample("old.xls", ole)) == .likely)
        #expect(WorkbookImporter.recognises(sample("letter.doc", ole)) == .no)
        #expect(WorkbookImporter.recognises(sample("roster.csv", Data("Name,Email\n".utf8))) == .no)
    }

    /// Progress values handed out, in order.
    final class ProgressLog: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [Int64] = []
        func append(_ value: Int64) { lock.withLock { storage.append(value) } }
        var values: [Int64] { lock.withLock { storage } }
    }

    @Test("a long sheet reports progress as it is unpacked, ending at the file's size")
    func progress() throws {
        let factory = try WorkbookFactory()
        let rows = (2...12_000).map { textRow($0, "Person \($0)") }.joined()
        let url = try factory.xlsx(sheets: [("S", textRow(1, "Name") + rows, nil)])
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64)
        let log = ProgressLog()
        let sink = RecordingSink()
        try WorkbookImporter().read(
            ImportInput(url: url, displayName: "long.xlsx", size: size, progress: { log.append($0) }),
            options: ImportOptions(),
            into: sink)
        #expect(sink.volunteers.count == 11_999)
        #expect(log.values.count >= 3)
        #expect(log.values.first.map { $0 > 0 && $0 < size } == true)
        #expect(log.values == log.values.sorted())
        #expect(log.values.last == size)
    }
}
