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
    /// Appends entries in order, in one write transaction: what a server does with the reads it
    /// has answered since it last wrote, so that the log costs a transaction per batch, not per read.
    func record(_ events: [AuditEvent]) throws
    /// The entries that pass the filter, oldest first.
    func auditEntries(_ filter: AuditFilter) throws -> [AuditEntry]
    /// Checks the whole chain.
    func verifyAudit() throws -> AuditVerification
}

extension AuditLog {
    /// One transaction per entry, for a log that has nothing better.
    public func record(_ events: [AuditEvent]) throws {
        for event in events { try record(event) }
    }
}
