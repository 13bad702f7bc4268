import Foundation
import RosterRows
import VolunteerDirectory

/// Reads network rosters and partnership needs sent as CSV spreadsheets (rosters-csv.md):
/// UTF-8 or windows-1252, comma, semicolon or tab, RFC 4180 quoting, any header spelling seen.
public struct CSVImporter: DirectoryImporter {
    public static let identifier = "csv"
    public static let summary =
        "Network rosters and partnership needs as CSV spreadsheets (comma, semicolon or tab; UTF-8 or windows-1252)"
    public static let fileExtensions: Set<String> = ["csv", "tsv", "txt"]
    /// A roster is its network's list of members now.
    public static let readsRosters = true

    public static func recognises(_ sample: ImportSample) -> Recognition {
        let text = sample.text.trimmingWhitespace()
        if text.hasPrefix("<") { return .no }
        if fileExtensions.contains(sample.fileExtension) { return .likely }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        return firstLine.contains(",") || firstLine.contains(";") || firstLine.contains("\t") ? .possible : .no
    }

    public init() {}

    public func read(_ input: ImportInput, options: ImportOptions, into sink: any ImportSink) throws {
        do {
            let reader = try CSVReader(url: input.url, progress: input.progress)
            try read(reader, input: input, options: options, into: sink)
        } catch CSVReader.ReadError.unterminatedQuote(let line) {
            throw ImportError.malformed(
                file: input.displayName, location: SourceLocation(line: line),
                reason: "a quoted field starts here and is never closed (the file may be cut short)")
        } catch CSVReader.ReadError.unreadable(let reason) {
            throw ImportError.unreadable(file: input.displayName, reason: reason)
        } catch CSVReader.ReadError.oversized(let line, let oversize) {
            throw ImportError.malformed(
                file: input.displayName, location: SourceLocation(line: line),
                reason:
                    "the header row holds \(Self.overLimit(oversize)); a roster's header is a line of column names, "
                    + "so this is not a roster (is it the file you meant?)")
        }
    }

    /// Which limit a record broke, said for a person after "holds": `a cell (column 3, 'Notes') of more than
    /// 256 KiB, the most one cell may hold`.
    static func overLimit(_ oversize: CSVOversize, header: [String] = []) -> String {
        guard let cell = oversize.cell else {
            return "more than \(bytes(CSVReader.maximumRecordBytes)), the most one record may hold"
        }
        let title =
            header.indices.contains(cell - 1)
            ? header[cell - 1].nonEmpty.map { ", '\(FieldLimits.excerpt(of: $0))'" } : nil
        return
            "a cell (column \(cell)\(title ?? "")) of more than \(bytes(CSVReader.maximumCellBytes)), the most one cell may hold"
    }

    private static func bytes(_ count: Int) -> String {
        count % (1_024 * 1_024) == 0 ? "\(count / (1_024 * 1_024)) MiB" : "\(count / 1_024) KiB"
    }

    private func read(_ reader: CSVReader, input: ImportInput, options: ImportOptions, into sink: any ImportSink) throws
    {
        var header: CSVRow?
        while let row = try reader.next(failingFast: true) {
            if !row.isBlank {
                header = row
                break
            }
        }
        guard let header else {
            throw ImportError.malformed(file: input.displayName, location: nil, reason: "the file has no header row")
        }
        let rows = try RosterSheetReader(
            header: header.fields, at: SourceLocation(line: header.line), file: input.displayName, options: options,
            sink: sink)
        // Rows over the reader's limits were skipped to their end, unread: rejected with which limit.
        while let row = try reader.next() {
            let location = SourceLocation(line: row.line)
            if let oversize = row.oversize {
                try sink.reject(
                    at: location,
                    reason: "the record holds \(Self.overLimit(oversize, header: rows.layout.header)); it runs to "
                        + "\(oversize.recordBytes.grouped) bytes, and was skipped without being read")
                continue
            }
            guard !row.isBlank else { continue }
            try rows.read(row.cells, at: location, into: sink)
        }
    }
}
