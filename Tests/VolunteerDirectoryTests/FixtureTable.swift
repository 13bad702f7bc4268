import Foundation

/// A tab-separated table beside the tests (`Fixtures/NAME`): each row that is not blank or a
/// `#` comment, with its line number, split into fields.
enum FixtureTable {
    static func rows(_ name: String, filePath: String = #filePath) -> [(line: Int, fields: [String])] {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return fields.count >= 2 ? (index + 1, fields) : nil
        }
    }
}
