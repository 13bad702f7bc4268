import Foundation
import VolunteerDirectory

/// Imports and matching runs started from the browser: each runs as background work (never
/// inside a request handler), and its page shows where it has got to. Kept in this server's
/// memory: a restart forgets unfinished jobs (and deletes their uploads), never half-writes one,
/// since an import writes in one transaction.
actor JobBoard {
    /// Where an import has got to.
    enum ImportStage: Sendable {
        /// Reading the file without writing (the dry run).
        case checking
        /// The dry run's report, waiting for the coordinator to confirm or cancel.
        case reviewed(FileImportReport)
        /// Writing, after confirmation.
        case applying
        /// Written.
        case imported(FileImportReport)
        /// Nothing was written, and why.
        case failed(String)
        /// The coordinator cancelled after the dry run; nothing was written.
        case cancelled
    }

    struct ImportJob: Sendable {
        var id: String
        var owner: String
        var fileName: String
        var file: URL
        var network: String?
        var kind: RecordKind?
        var stage: ImportStage
        /// Bytes read of the file, 0...1.
        var progress: Double = 0
    }

    /// Where a matching run has got to.
    enum MatchStage: Sendable {
        case running
        case done(MatchOutcome)
        case failed(String)
    }

    struct MatchJob: Sendable {
        var id: String
        var owner: String
        /// The partner organisation the run was limited to (a partner's own run).
        var partner: String?
        var stage: MatchStage
    }

    private var imports: [String: ImportJob] = [:]
    private var matches: [String: MatchJob] = [:]
    private var order: [String] = []
    let uploadFolder: URL

    init(uploadFolder: URL) { self.uploadFolder = uploadFolder }

    // MARK: Imports

    /// Keeps an upload in a folder only this user can read, and records its job.
    func addImport(owner: String, upload: UploadedFile, network: String?, kind: RecordKind?) throws -> ImportJob {
        let id = UUID().uuidString.lowercased()
        let folder = uploadFolder.appendingPathComponent(id)
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: uploadFolder.path)
        let name = upload.fileName.isEmpty ? "upload" : upload.fileName
        let file = folder.appendingPathComponent(name)
        guard
            FileManager.default.createFile(
                atPath: file.path, contents: Data(upload.bytes), attributes: [.posixPermissions: 0o600])
        else {
            throw WebError.badRequest("the upload could not be kept for its dry run")
        }
        let job = ImportJob(
            id: id, owner: owner, fileName: name, file: file, network: network, kind: kind, stage: .checking)
        imports[id] = job
        order.append(id)
        return job
    }

    func importJob(_ id: String) -> ImportJob? { imports[id] }

    /// The import jobs, newest first.
    func importJobs() -> [ImportJob] { order.reversed().compactMap { imports[$0] } }

    func setProgress(_ id: String, _ fraction: Double) { imports[id]?.progress = fraction }

    func setStage(_ id: String, _ stage: ImportStage) {
        imports[id]?.stage = stage
        imports[id]?.progress = 0
        switch stage {
        case .imported, .failed, .cancelled:
            if let folder = imports[id]?.file.deletingLastPathComponent() {
                try? FileManager.default.removeItem(at: folder)
            }
        default:
            break
        }
    }

    /// Moves a reviewed import to applying, once: `nil` when it is not waiting for confirmation
    /// (already confirmed, cancelled, failed), so a second click writes nothing twice.
    func beginApplying(_ id: String) -> ImportJob? {
        guard let job = imports[id], case .reviewed = job.stage else { return nil }
        imports[id]?.stage = .applying
        return imports[id]
    }

    /// Cancels a reviewed import.
    func cancel(_ id: String) -> Bool {
        guard let job = imports[id], case .reviewed = job.stage else { return false }
        setStage(id, .cancelled)
        return true
    }

    // MARK: Matching

    func addMatch(owner: String, partner: String?) -> MatchJob {
        let job = MatchJob(id: UUID().uuidString.lowercased(), owner: owner, partner: partner, stage: .running)
        matches[job.id] = job
        return job
    }

    func matchJob(_ id: String) -> MatchJob? { matches[id] }

    func setMatchStage(_ id: String, _ stage: MatchStage) { matches[id]?.stage = stage }

    /// Deletes every upload still waiting: when the server stops.
    func removeUploads() { try? FileManager.default.removeItem(at: uploadFolder) }
}
