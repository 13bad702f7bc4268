import Foundation

/// The audit log: append-only and tamper-evident.
///
/// Each entry carries a SHA-256 over its content and the previous entry's hash (``AuditChain``),
/// so an entry changed or removed through SQL breaks the chain at that entry. An erasure may
/// redact an entry's detail (it named the person); the digest of the detail stays in the hash,
/// and the erasing entry lists what it redacted, so the chain still verifies.
///
/// ```swift
/// try store.record(AuditEvent(actor: AuditEvent.currentUser, action: "show", target: "volunteer 12", people: [12]))
/// ```
public protocol AuditLog: Sendable {
    /// Appends one entry, in a short write transaction of its own.
    func record(_ event: AuditEvent) throws
    /// The entries that pass the filter, oldest first.
    func auditEntries(_ filter: AuditFilter) throws -> [AuditEntry]
    /// Checks the whole chain.
    func verifyAudit() throws -> AuditVerification
}
