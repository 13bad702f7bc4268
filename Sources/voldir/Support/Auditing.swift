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
