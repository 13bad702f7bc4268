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

extension Presentation {
    /// Audit entries as a table, CSV, or JSON (an array of objects with `at`, `actor`, `action`,
    /// `target`, `detail`, `people`, and the chain's fields).
    public static func auditEntries(_ entries: [AuditEntry], as format: OutputFormat) throws -> String {
        let detail = { (entry: AuditEntry) in
            entry.detail ?? (entry.redacted ? "(redacted: it named someone erased)" : "")
        }
        switch format {
        case .json:
            return try json(entries)
        case .table:
            if entries.isEmpty { return "No audit entries." }
            return TextTable(
                headers: ["ID", "AT", "ACTOR", "ACTION", "TARGET", "DETAIL"],
                rows: entries.map { [String($0.id), $0.at, $0.actor, $0.action, $0.target, detail($0)] }
            ).rendered(maximumWidth: 60)
        case .csv:
            return CSVWriter.document(
                headers: ["id", "at", "actor", "action", "target", "people", "detail", "redacted", "hash"],
                rows: entries.map {
                    [
                        String($0.id), $0.at, $0.actor, $0.action, $0.target,
                        $0.people.map(String.init).joined(separator: " "),
                        $0.detail ?? "", $0.redacted ? "yes" : "no", $0.hash,
                    ]
                })
        }
    }
}

extension Presentation {
    /// People no roster or feed has listed for a while, as a table, JSON (`[{id, name, networks,
    /// lastSeen}]`) or CSV.
    public static func unseen(_ people: [UnseenVolunteer], as format: OutputFormat) throws -> String {
        let day = { (date: Date?) in date.map { String(AuditEntry.timestamp($0).prefix(10)) } ?? "never recorded" }
        switch format {
        case .json:
            return try json(people)
        case .table:
            if people.isEmpty { return "No one." }
            return TextTable(
                headers: ["ID", "NAME", "NETWORKS", "LAST SEEN"],
                rows: people.map { [String($0.id), $0.name, $0.networks.joined(separator: "; "), day($0.lastSeen)] }
            ).rendered()
        case .csv:
            return CSVWriter.document(
                headers: ["id", "name", "networks", "last_seen"],
                rows: people.map { [String($0.id), $0.name, $0.networks.joined(separator: "; "), day($0.lastSeen)] })
        }
    }
}
