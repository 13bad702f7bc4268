import Foundation
import RosterRows
import VolunteerDirectory

/// Reads network rosters and partnership needs sent as CSV spreadsheets (rosters-csv.md):
/// UTF-8 or windows-1252, comma, semicolon or tab, RFC 4180 quoting, any header spelling seen.
public struct CSVImporter: DirectoryImporter {
    public static let identifier = "csv"
    public static let summary = "Network rosters and partnership needs as CSV spreadsheets (comma, semicolon or tab; UTF-8 or windows-1252)"
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
        let reader: CSVReader
        do {
            reader = try CSVReader(url: input.url, progress: input.progress)
        } catch CSVReader.ReadError.unreadable(let reason) {
            throw ImportError.unreadable(file: input.displayName, reason: reason)
        }
        do {
            try read(reader, input: input, options: options, into: sink)
        } catch CSVReader.ReadError.unterminatedQuote(let line) {
            throw ImportError.malformed(
                file: input.displayName, location: SourceLocation(line: line),
                reason: "a quoted field starts here and is never closed (the file may be cut short)")
        } catch CSVReader.ReadError.unreadable(let reason) {
            throw ImportError.unreadable(file: input.displayName, reason: reason)
        }
    }

    private func read(_ reader: CSVReader, input: ImportInput, options: ImportOptions, into sink: any ImportSink) throws {
        var header: CSVRow?
        while let row = try reader.next() {
            if !row.isBlank { header = row; break }
        }
        guard let header else {
            throw ImportError.malformed(file: input.displayName, location: nil, reason: "the file has no header row")
        }
        let rows = try RosterSheetReader(
            header: header.fields, at: SourceLocation(line: header.line), file: input.displayName, options: options, sink: sink)
        while let row = try reader.next() {
            guard !row.isBlank else { continue }
            try rows.read(row.fields, at: SourceLocation(line: row.line), into: sink)
        }
    }
}
