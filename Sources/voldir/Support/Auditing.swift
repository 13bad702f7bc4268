import Foundation
import VolunteerDirectory

extension Directory {
    /// Records what this command did in the audit log, as the operating-system user. A reading
    /// command's directory may be one nobody can write here (a read-only file or mount): then the
    /// read stands, and a one-line note says it was not audited.
    func audit(_ action: String, target: String, people: [VolunteerID] = [], detail: String? = nil) {
        let event = AuditEvent(
            actor: AuditEvent.currentUser, action: action, target: target, people: people, detail: detail)
        do {
            try record(event)
        } catch let error where unwritableLocation(in: error) != nil {
            let path = unwritableLocation(in: error) ?? ""
            note("note: this \(action) was not recorded in the audit log: '\(path)' cannot be written here")
        } catch {
            note("warning: this \(action) was not recorded in the audit log: \(error)")
        }
    }
}

/// `skill: first aid; results: 3`: the filters asked and the counts, for an entry's detail;
/// `nil` or empty values are left out.
func auditDetail(_ pairs: [(String, String?)]) -> String? {
    let parts = pairs.compactMap { key, value in value.flatMap { $0.isEmpty ? nil : "\(key): \($0)" } }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
}

/// An import's counts, for its audit entry.
func auditDetail(_ report: FileImportReport) -> String? {
    let c = report.counts
    return auditDetail([
        ("created", String(c.created)), ("updated", String(c.updated)), ("unchanged", String(c.unchanged)),
        ("rejected", String(c.rejected)), ("erased", String(c.erased)), ("ended", String(c.ended)),
        ("suppressed", String(c.suppressed)),
    ])
}

/// `volunteer 12`, or `3 volunteers`, for an audit entry's target.
func auditTarget(_ ids: [VolunteerID], noun: String = "volunteer") -> String {
    ids.count == 1 ? "\(noun) \(ids[0])" : "\(ids.count) \(noun)s"
}
