/// What checking the audit log's hash chain found.
public enum AuditVerification: Sendable, Hashable {
    /// Every entry is as it was written, and none is missing.
    case intact(entries: Int)
    /// The first entry found changed or missing, and how.
    case broken(entry: Int64, reason: String)
}
