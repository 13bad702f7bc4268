/// The words of an audit entry's target and detail, the same whether the command line or the
/// web app records the read or change.
public enum AuditText {
    /// `skill: first aid; results: 3`: the filters asked and the counts, for an entry's detail;
    /// `nil` or empty values are left out, and `nil` when nothing is left.
    public static func detail(_ pairs: [(String, String?)]) -> String? {
        let parts = pairs.compactMap { key, value in value.flatMap { $0.isEmpty ? nil : "\(key): \($0)" } }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// An import's counts, for its audit entry.
    public static func detail(_ report: FileImportReport) -> String? {
        let c = report.counts
        return detail([
            ("created", String(c.created)), ("updated", String(c.updated)), ("unchanged", String(c.unchanged)),
            ("rejected", String(c.rejected)), ("erased", String(c.erased)), ("ended", String(c.ended)),
            ("suppressed", String(c.suppressed)),
        ])
    }

    /// `volunteer 12`, or `3 volunteers`, for an entry's target.
    public static func target(_ ids: [VolunteerID], noun: String = "volunteer") -> String {
        ids.count == 1 ? "\(noun) \(ids[0])" : "\(ids.count) \(noun)s"
    }
}
