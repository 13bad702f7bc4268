import Foundation

extension Presentation {
    /// Suppressions as a table, JSON (`[{id, at, reason, keys}]`) or CSV: no personal data.
    public static func suppressions(_ suppressions: [Suppression], as format: OutputFormat) throws -> String {
        let day = { (date: Date) in String(AuditEntry.timestamp(date).prefix(10)) }
        switch format {
        case .json:
            return try json(suppressions)
        case .table:
            if suppressions.isEmpty { return "No suppressions." }
            return TextTable(
                headers: ["ID", "DATE", "REASON", "KEYS"],
                rows: suppressions.map { [String($0.id), day($0.at), $0.reason, String($0.keys)] }
            ).rendered()
        case .csv:
            return CSVWriter.document(
                headers: ["id", "date", "reason", "keys"],
                rows: suppressions.map { [String($0.id), day($0.at), $0.reason, String($0.keys)] })
        }
    }
}
