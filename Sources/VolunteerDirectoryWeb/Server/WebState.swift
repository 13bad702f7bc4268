import Foundation
import VolunteerDirectory

/// What every route shares: the directory, the configuration, the audit trail and the
/// background jobs.
struct WebState: Sendable {
    let directory: WebDirectory
    let configuration: WebConfiguration
    let trail: AuditTrail
    let jobs: JobBoard

    init(directory: WebDirectory, configuration: WebConfiguration) {
        self.directory = directory
        self.configuration = configuration
        trail = AuditTrail(log: directory.audit)
        jobs = JobBoard(uploadFolder: configuration.uploadFolder)
    }
}
