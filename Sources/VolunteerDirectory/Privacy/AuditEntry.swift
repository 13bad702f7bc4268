import Foundation

/// One entry of the audit log as stored: an ``AuditEvent`` with its place in the chain.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// Its position in the log, from 1 with no gaps.
    public var id: Int64
    /// When, as stored (ISO 8601 with milliseconds, UTC): the text the hash covers.
    public var at: String
    /// Who.
    public var actor: String
    /// What.
    public var action: String
    /// What it touched.
    public var target: String
    /// The people it concerned.
    public var people: [VolunteerID]
    /// The filters and counts; `nil` once redacted by an erasure.
    public var detail: String?
    /// Whether the detail was redacted because it named someone who was erased.
    public var redacted: Bool
    /// From where (web app); `nil` for the CLI.
    public var origin: String?
    /// For an erasure: the entries whose detail it redacted.
    public var redacts: [Int64]
    /// SHA-256 of a per-entry salt and the detail, kept when the detail is redacted.
    public var detailDigest: String
    /// SHA-256 over the previous entry's hash and everything above (see ``AuditChain``).
    public var hash: String

    /// An entry as the store read it; give `at` exactly as stored, since ``AuditChain`` hashes that text.
    public init(
        id: Int64, at: String, actor: String, action: String, target: String, people: [VolunteerID], detail: String?,
        redacted: Bool, origin: String?, redacts: [Int64], detailDigest: String, hash: String
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.people = people
        self.detail = detail
        self.redacted = redacted
        self.origin = origin
        self.redacts = redacts
        self.detailDigest = detailDigest
        self.hash = hash
    }
}
