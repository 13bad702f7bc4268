import Foundation
import VolunteerDirectory
import VolunteerDirectoryTestSupport

/// A test plugin that reads JSON lines, one record each, so the directory's handling of every
/// kind of record can be tested through the same plugin boundary the real importers use.
struct ScriptedImporter: DirectoryImporter {
    static let identifier = "scripted"
    static let summary = "JSON lines of records, for tests"
    static let fileExtensions: Set<String> = ["jsonl"]

    struct Line: Codable {
        var volunteer: VolunteerRecord?
        var network: NetworkRecord?
        var need: Need?
        var withdrawal: Withdrawal?
        var sequence: Int?
        var source: String?
        var reject: String?
        var fail: String?
    }

    static func recognises(_ sample: ImportSample) -> Recognition {
        sample.fileExtension == "jsonl" ? .certain : .no
    }

    init() {}

    func read(_ input: ImportInput, options: ImportOptions, into sink: any ImportSink) throws {
        let text = try String(contentsOf: input.url, encoding: .utf8)
        for (index, raw) in text.split(separator: "\n").enumerated() {
            let location = SourceLocation(line: index + 1)
            let line = try JSONDecoder().decode(Line.self, from: Data(raw.utf8))
            if let sequence = line.sequence, let source = line.source { try sink.beginSequence(sequence, of: source) }
            if let volunteer = line.volunteer { try sink.receive(.volunteer(volunteer), at: location) }
            if let network = line.network { try sink.receive(.network(network), at: location) }
            if let need = line.need { try sink.receive(.need(need), at: location) }
            if let withdrawal = line.withdrawal { try sink.receive(.withdrawal(withdrawal), at: location) }
            if let reason = line.reject { try sink.reject(at: location, reason: reason) }
            if let reason = line.fail {
                throw ImportError.malformed(file: input.displayName, location: location, reason: reason)
            }
        }
    }

    /// The JSON lines for these script lines.
    static func script(_ lines: [Line]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]  // the same lines make the same bytes, so the same file hash
        return try lines.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n") + "\n"
    }
}

extension ScriptedImporter.Line {
    static func volunteer(_ record: VolunteerRecord) -> Self { Self(volunteer: record) }
    static func network(_ record: NetworkRecord) -> Self { Self(network: record) }
    static func need(_ need: Need) -> Self { Self(need: need) }
    static func withdrawal(_ withdrawal: Withdrawal) -> Self { Self(withdrawal: withdrawal) }
    static func sequence(_ number: Int, of source: String) -> Self { Self(sequence: number, source: source) }
    static func reject(_ reason: String) -> Self { Self(reject: reason) }
    static func fail(_ reason: String) -> Self { Self(fail: reason) }
}

extension TestDirectory {
    /// Writes `lines` as a scripted file named `name` and imports it: one transaction, as any file.
    @discardableResult
    func importScript(_ name: String, _ lines: [ScriptedImporter.Line], request: ImportRequest = ImportRequest()) throws
        -> FileImportReport
    {
        try service.importFile(at: try file(name, try ScriptedImporter.script(lines)), request: request)
    }
}
