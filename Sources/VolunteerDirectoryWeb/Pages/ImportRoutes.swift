import Foundation
import Hummingbird
import VolunteerDirectory

/// `/imports`: upload a roster, needs file or feed; see its dry run; write it only when the
/// coordinator confirms. Past imports with their counts. Coordinators and admins only.
struct ImportRoutes {
    let state: WebState

    func register(on router: Router<WebContext>) {
        router.get("/imports") { _, context in try await list(context, problem: nil) }
        router.post("/imports") { _, context in try await upload(context) }
        router.get("/imports/:job") { _, context in try await jobPage(context) }
        router.post("/imports/:job/confirm") { _, context in try await confirm(context) }
        router.post("/imports/:job/cancel") { _, context in
            let account = try context.requiring(.coordinator)
            let id = try jobID(context)
            if await state.jobs.cancel(id) {
                await state.trail.record(account, "import cancel", target: "upload \(id)")
            }
            return Response.redirect(to: "/imports/\(id)", type: .normal)
        }
    }

    private func jobID(_ context: WebContext) throws -> String {
        guard let id = context.parameters.get("job"), id.count <= 64 else { throw WebError.notFound }
        return id
    }

    private func list(_ context: WebContext, problem: String?) async throws -> Response {
        _ = try context.requiring(.coordinator)
        var body = ""
        if let problem {
            body +=
                Layout.errorSummary([("file", problem)])
        }
        let limit = state.configuration.uploadLimit / 1_048_576
        body += """
            <p>Upload a network's roster (CSV, TSV, Excel .xlsx or LibreOffice .ods), a needs file, or a Sector 3 feed. \
            You will see what it would change before anything is written.</p>
            <form id="import-form" method="post" action="/imports" enctype="multipart/form-data">
            \(Layout.csrfField(context))
            <div class="field\(problem == nil ? "" : " field-error")"><label for="file">File (at most \(limit) MB)</label>
            <input type="file" id="file" name="file" required></div>
            \(Layout.field("network", label: "Network (for a roster without a network column)", value: nil))
            \(Layout.select("kind", label: "What the file holds", options: [("", "Work it out from the headers"), ("volunteers", "Volunteers (a roster)"), ("needs", "Needs")], selected: nil))
            <button type="submit" id="upload">Check the file</button>
            </form>
            """
        let jobs = await state.jobs.importJobs()
        if !jobs.isEmpty {
            body += "<h2>Uploads since the server started</h2>"
            body += Layout.table(
                caption: "Uploads, newest first", headers: ["File", "By", "Stage"],
                rows: jobs.map {
                    ["<a href=\"/imports/\($0.id)\">\(h($0.fileName))</a>", h($0.owner), h(stageText($0.stage))]
                })
        }
        let batches = try await state.directory.reader.batches().reversed()
        body += "<h2>Past imports</h2>"
        if batches.isEmpty {
            body += "<p>None yet.</p>"
        } else {
            body += Layout.table(
                id: "batches", caption: "Imports recorded in the directory, newest first",
                headers: ["File", "Plugin", "Imported", "Created", "Updated", "Unchanged", "Rejected", "Ended"],
                rows: batches.map { batch in
                    [
                        h(batch.fileName), h(batch.plugin), h(Layout.timestamp(batch.importedAt)),
                        String(batch.counts.created),
                        String(batch.counts.updated), String(batch.counts.unchanged), String(batch.counts.rejected),
                        String(batch.counts.ended),
                    ]
                })
        }
        return Layout.page(title: "Imports", context: context, body: body, status: problem == nil ? .ok : .badRequest)
    }

    private func upload(_ context: WebContext) async throws -> Response {
        let account = try context.requiring(.coordinator)
        guard let upload = context.upload, !upload.bytes.isEmpty else {
            return try await list(context, problem: "Choose a file to upload: the one sent was empty or missing.")
        }
        let kind = context.form["kind"].flatMap(RecordKind.init(rawValue:))
        let job = try await state.jobs.addImport(
            owner: account.name, upload: upload, network: context.form["network"], kind: kind)
        await state.trail.record(account, "import upload", target: "file \(job.fileName)")
        start(job, dryRun: true, account: account)
        return .redirect(to: "/imports/\(job.id)", type: .normal)
    }

    /// Runs the import (dry or not) as background work and records where it got to.
    private func start(_ job: JobBoard.ImportJob, dryRun: Bool, account: Account) {
        let service = ImportService(store: state.directory.store, registry: state.directory.importers)
        let request = ImportRequest(options: ImportOptions(network: job.network, kind: job.kind), dryRun: dryRun)
        let jobs = state.jobs
        let trail = state.trail
        Task {
            do {
                let report = try await BackgroundWork.run {
                    try service.importFile(
                        at: job.file, displayName: job.fileName, request: request,
                        progress: { done, total in
                            guard total > 0 else { return }
                            Task { await jobs.setProgress(job.id, Double(done) / Double(total)) }
                        })
                }
                await jobs.setStage(job.id, dryRun ? .reviewed(report) : .imported(report))
                if !dryRun {
                    await trail.record(
                        account, "import", target: "file \(job.fileName)", detail: AuditText.detail(report))
                }
            } catch {
                await jobs.setStage(job.id, .failed("\(error)"))
            }
        }
    }

    private func confirm(_ context: WebContext) async throws -> Response {
        let account = try context.requiring(.coordinator)
        let id = try jobID(context)
        if let job = await state.jobs.beginApplying(id) { start(job, dryRun: false, account: account) }
        return .redirect(to: "/imports/\(id)", type: .normal)
    }

    private func jobPage(_ context: WebContext) async throws -> Response {
        _ = try context.requiring(.coordinator)
        guard let job = await state.jobs.importJob(try jobID(context)) else { throw WebError.notFound }
        var body = "<p>File: <strong>\(h(job.fileName))</strong>, uploaded by \(h(job.owner)).</p>"
        var refresh: Int?
        switch job.stage {
        case .checking, .applying:
            refresh = 1
            let percent = Int(job.progress * 100)
            let doing = {
                if case .checking = job.stage {
                    return "Checking the file (nothing is written yet)"
                } else {
                    return "Importing"
                }
            }()
            body += """
                <p id="import-progress" role="status">\(doing): \(percent)%.</p>
                <progress max="100" value="\(percent)" aria-label="\(doing)">\(percent)%</progress>
                <p>This page refreshes itself; reload it if it does not.</p>
                """
        case .reviewed(let report):
            body += "<div id=\"dry-run\"><h2>What importing it would do</h2>" + Self.summary(report) + "</div>"
            if report.previouslyImported != nil {
                body += "<p>This file was imported before, so importing it again changes nothing.</p>"
            }
            body += """
                <form class="inline" method="post" action="/imports/\(job.id)/confirm">\(Layout.csrfField(context))\
                <button type="submit" id="confirm-import">Import it</button></form>
                <form class="inline" method="post" action="/imports/\(job.id)/cancel">\(Layout.csrfField(context))\
                <button type="submit" class="secondary" id="cancel-import">Cancel</button></form>
                """
        case .imported(let report):
            body += "<div id=\"import-result\" role=\"status\"><h2>Imported</h2>" + Self.summary(report) + "</div>"
            body += "<p><a href=\"/imports\">Back to imports</a></p>"
        case .failed(let message):
            body +=
                Layout.failure(id: "import-failed", heading: "Nothing was imported", message: message)
            body += "<p><a href=\"/imports\">Back to imports</a></p>"
        case .cancelled:
            body +=
                "<p role=\"status\">Cancelled: nothing was imported.</p><p><a href=\"/imports\">Back to imports</a></p>"
        }
        return Layout.page(title: "Import of \(job.fileName)", context: context, body: body, refreshSeconds: refresh)
    }

    /// The counts, the rejected rows with their line and reason, the departures and the warnings.
    static func summary(_ report: FileImportReport) -> String {
        let c = report.counts
        var html = Layout.table(
            caption: report.dryRun ? "Would be" : "Done",
            headers: ["Created", "Updated", "Unchanged", "Rejected", "Ended", "Erased", "Suppressed"],
            rows: [[c.created, c.updated, c.unchanged, c.rejected, c.ended, c.erased, c.suppressed].map(String.init)])
        for departure in report.departures {
            html += "<p>\(h(Presentation.departureSummary(departure, dryRun: report.dryRun)))</p>"
        }
        if !report.rejected.isEmpty {
            html += "<h3>Rows not read</h3>"
            html += Layout.table(
                id: "rejected", caption: "Rows that could not be read, with why", headers: ["Where", "Why"],
                rows: report.rejected.prefix(500).map { [h("\($0.location)"), h($0.reason)] })
            if report.rejected.count > 500 { html += "<p>And \(report.rejected.count - 500) more.</p>" }
        }
        if !report.warnings.isEmpty {
            html += "<h3>Warnings</h3><ul class=\"warnings\">"
            for warning in report.warnings.prefix(200) {
                html += "<li>\(h(warning.location.map { "\($0): " } ?? ""))\(h(warning.message))</li>"
            }
            html += "</ul>"
            if report.warnings.count > 200 { html += "<p>And \(report.warnings.count - 200) more.</p>" }
        }
        return html
    }

    private func stageText(_ stage: JobBoard.ImportStage) -> String {
        switch stage {
        case .checking: "checking"
        case .reviewed: "waiting for confirmation"
        case .applying: "importing"
        case .imported: "imported"
        case .failed: "failed: nothing written"
        case .cancelled: "cancelled"
        }
    }
}
