import Foundation
import Hummingbird
import VolunteerDirectory

/// `/match`: run matching with chosen weights as background work, see the report (what
/// `voldir match` reports), confirm or decline each proposal, and download the report as HTML,
/// CSV or JSON. A partner's run covers only its organisation's needs and shows what
/// `--audience partner` shows, and records no proposals. `POST /api/match` answers the JSON.
struct MatchRoutes {
    let state: WebState

    func register(on router: Router<WebContext>) {
        router.get("/match") { _, context in try await formPage(context, problems: []) }
        router.post("/match") { _, context in try await startRun(context) }
        router.get("/match/runs/:run") { _, context in try await runPage(context) }
        router.get("/match/runs/:run/:file") { _, context in try await download(context) }
        router.post("/placements/:id/:decision") { _, context in try await decide(context) }
        router.post("/api/match") { request, context in try await api(request, context) }
    }

    // MARK: Running

    /// Reads the weights from the form's fields named after each criterion.
    private func weights(from form: FormValues) -> (
        weights: [String: Double], problems: [(field: String, message: String)]
    ) {
        var weights: [String: Double] = [:]
        var problems: [(field: String, message: String)] = []
        for criterion in MatchCriteria.all {
            let key = type(of: criterion).key
            guard let text = form["weight-\(key)"] else { continue }
            guard let value = Double(text), value.isFinite, MatchCriteria.weightRange.contains(value) else {
                problems.append(("weight-\(key)", "the weight of \(key) is a number from 0 to 1000"))
                continue
            }
            weights[key] = value
        }
        return (weights, problems)
    }

    /// Matches as background work: the partner's own needs for a partner, else every need (or
    /// one partner's, when chosen).
    private func run(
        for account: Account, weights: [String: Double], partner chosen: String?, alternates: Int, propose: Bool
    ) async throws -> MatchOutcome {
        let store = state.directory.store
        let settings = state.directory.settings
        let partner = account.role == .partner ? account.partner : chosen
        let audience: MatchReport.Audience = account.role == .partner ? .partner : .coordinator
        let (report, assignments) = try await BackgroundWork.run {
            let run = try MatchRun(
                store: store, partner: partner, weights: weights,
                dbsValidity: DBSValidity(validFor: try settings.settings().dbsValidFor))
            return (run.report(alternates: alternates, audience: audience), run.result.assignments)
        }
        var placements: [MatchOutcome.PlacementKey: Int64] = [:]
        if propose {
            let saved = try await state.directory.editor.propose(assignments.map { ($0.need, $0.volunteer, $0.score) })
            for placement in saved {
                placements[MatchOutcome.PlacementKey(need: placement.need, volunteer: placement.volunteer)] =
                    placement.id
            }
        }
        var listed: [VolunteerID] = []
        for id in report.needs.flatMap({ $0.proposed + $0.alternates }).map(\.volunteer.id) where !listed.contains(id) {
            listed.append(id)
        }
        await state.trail.record(
            account, propose ? "match --save" : "match", target: AuditText.target(listed), people: listed,
            detail: AuditText.detail([
                ("partner", partner), ("audience", audience.rawValue), ("assigned", String(assignments.count)),
            ]))
        return MatchOutcome(report: report, placements: placements)
    }

    private func startRun(_ context: WebContext) async throws -> Response {
        let account = try context.signedIn()
        let (weights, problems) = weights(from: context.form)
        guard problems.isEmpty else { return try await formPage(context, problems: problems) }
        let partner = account.role == .partner ? account.partner : context.form["partner"]
        let job = await state.jobs.addMatch(owner: account.name, partner: partner)
        let jobs = state.jobs
        let routes = self
        Task {
            do {
                let outcome = try await routes.run(
                    for: account, weights: weights, partner: partner, alternates: 2,
                    propose: account.role >= .coordinator)
                await jobs.setMatchStage(job.id, .done(outcome))
            } catch {
                await jobs.setMatchStage(job.id, .failed("\(error)"))
            }
        }
        return .redirect(to: "/match/runs/\(job.id)", type: .normal)
    }

    private func api(_ request: Request, _ context: WebContext) async throws -> Response {
        let account = try context.signedIn()
        struct Body: Decodable {
            var weights: [String: Double]?
            var partner: String?
            var alternates: Int?
        }
        let bytes = try await request.body.collect(upTo: 1 << 20)
        let body: Body
        do {
            body = bytes.readableBytes == 0 ? Body() : try JSONDecoder().decode(Body.self, from: Data(buffer: bytes))
        } catch {
            return JSONResponse.error(
                .badRequest,
                "the body is not the JSON this takes: {\"weights\": {\"nearness\": 2}, \"partner\": \"...\"}")
        }
        do {
            _ = try MatchCriteria(weights: body.weights ?? [:])
        } catch {
            return JSONResponse.error(.badRequest, "\(error)")
        }
        let outcome = try await run(
            for: account, weights: body.weights ?? [:], partner: body.partner,
            alternates: min(max(body.alternates ?? 2, 0), 10), propose: false)
        return JSONResponse.text(try outcome.report.json())
    }

    // MARK: Pages

    private func formPage(_ context: WebContext, problems: [(field: String, message: String)]) async throws -> Response
    {
        let account = try context.signedIn()
        var body = Layout.errorSummary(problems)
        body +=
            account.role == .partner
            ? "<p>Matching proposes volunteers for your organisation's needs. You see only volunteers who agreed to be shared with partners, without contact details.</p>"
            : "<p>Matching proposes volunteers for every open need and records the proposals, replacing proposals not yet decided. Confirm or decline each on the report.</p>"
        body += "<form id=\"match-form\" method=\"post\" action=\"/match\">" + Layout.csrfField(context)
        if account.role >= .coordinator {
            let partners = Set(try await state.directory.reader.needs().map(\.partner)).sorted()
            body += Layout.select(
                "partner", label: "Needs of", options: [("", "Every partner")] + partners.map { ($0, $0) },
                selected: context.form["partner"])
        }
        body += "<fieldset><legend>Weights (how much each criterion counts; 0 to 1000)</legend><div class=\"fields\">"
        for criterion in MatchCriteria.all {
            let kind = type(of: criterion)
            let name = "weight-\(kind.key)"
            body += Layout.field(
                name, label: kind.key.capitalized, value: context.form[name] ?? Self.number(kind.defaultWeight),
                hint: kind.summary, problem: problems.first(where: { $0.field == name })?.message, type: "number",
                attributes: "min=\"0\" max=\"1000\" step=\"any\"")
        }
        body += "</div></fieldset><button type=\"submit\" id=\"run-match\">Run matching</button></form>"
        return Layout.page(
            title: "Matching", context: context, body: body, status: problems.isEmpty ? .ok : .badRequest)
    }

    private func job(_ context: WebContext, for account: Account) async throws -> JobBoard.MatchJob {
        guard let id = context.parameters.get("run"), let job = await state.jobs.matchJob(id),
            job.owner == account.name || account.role >= .coordinator
        else { throw WebError.notFound }
        return job
    }

    private func runPage(_ context: WebContext) async throws -> Response {
        let account = try context.signedIn()
        let job = try await job(context, for: account)
        switch job.stage {
        case .running:
            let body = "<p role=\"status\" id=\"match-progress\">Matching is running. This page refreshes itself.</p>"
            return Layout.page(title: "Matching report", context: context, body: body, refreshSeconds: 1)
        case .failed(let message):
            let body = Layout.failure(heading: "Matching failed", message: message)
            return Layout.page(title: "Matching report", context: context, body: body)
        case .done(let outcome):
            let placements = Dictionary(
                try await state.directory.reader.placements().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return Layout.page(
                title: "Matching report", context: context,
                body: report(outcome, job: job, account: account, placements: placements, context: context))
        }
    }

    private func report(
        _ outcome: MatchOutcome, job: JobBoard.MatchJob, account: Account, placements: [Int64: Placement],
        context: WebContext
    ) -> String {
        let report = outcome.report
        var html = "<p>Download: "
        html += ["html", "csv", "json"].map {
            "<a href=\"/match/runs/\(job.id)/report.\($0)\" download>\($0.uppercased())</a>"
        }
        .joined(separator: " · ")
        html += "</p><p>\(report.placesFilled) of \(report.placesAsked) places proposed.</p>"
        for duplicate in report.duplicates {
            html += "<p class=\"note\">\(h(MatchReport.duplicateNote(duplicate)))</p>"
        }
        for section in report.needs {
            let need = section.need
            html +=
                "<section class=\"need\"><h2>\(h(need.id)): \(h(need.title))</h2><p>\(h(need.partner)); \(need.places) place\(need.places == 1 ? "" : "s").</p>"
            if section.proposed.isEmpty {
                html += "<p>No one proposed.</p>"
            } else {
                var headers = ["Volunteer", "Score", "Why"]
                if account.role >= .coordinator { headers.append("Decision") }
                let rows = section.proposed.map { entry -> [String] in
                    var cells = [
                        "<a href=\"/volunteers/\(entry.volunteer.id)\">\(h(entry.volunteer.name))</a>",
                        String(format: "%.2f", entry.score), h(entry.reasons.joined(separator: "; ")),
                    ]
                    if account.role >= .coordinator {
                        let key = MatchOutcome.PlacementKey(need: need.id, volunteer: entry.volunteer.id)
                        if let id = outcome.placements[key], let placement = placements[id] {
                            cells.append(decision(placement, job: job, context: context))
                        } else {
                            cells.append("not recorded")
                        }
                    }
                    return cells
                }
                html += Layout.table(caption: "Proposed for \(need.id)", headers: headers, rows: rows)
            }
            if section.withheld > 0 {
                html += "<p>\(section.withheld) more proposed who did not agree to be shared with partners.</p>"
            }
            if let unfilled = section.unfilled {
                html +=
                    "<p class=\"note\">\(unfilled.places) place\(unfilled.places == 1 ? "" : "s") unfilled: \(h(unfilled.reasons.joined(separator: "; ")))</p>"
            }
            html += "</section>"
        }
        return html
    }

    private func decision(_ placement: Placement, job: JobBoard.MatchJob, context: WebContext) -> String {
        guard placement.status == .proposed else {
            return
                "<span class=\"status status-\(placement.status.rawValue)\">\(h(placement.status.rawValue.capitalized))</span>"
        }
        let back = "<input type=\"hidden\" name=\"return\" value=\"/match/runs/\(job.id)\">"
        let label = "<span class=\"visually-hidden\"> \(h(placement.volunteerName)) for \(h(placement.need))</span>"
        return """
            <form class="inline" method="post" action="/placements/\(placement.id)/confirm">\(Layout.csrfField(context))\(back)\
            <button type="submit" class="confirm-placement">Confirm\(label)</button></form> \
            <form class="inline" method="post" action="/placements/\(placement.id)/decline">\(Layout.csrfField(context))\(back)\
            <button type="submit" class="secondary decline-placement">Decline\(label)</button></form>
            """
    }

    private func download(_ context: WebContext) async throws -> Response {
        let account = try context.signedIn()
        let job = try await job(context, for: account)
        guard case .done(let outcome) = job.stage else { throw WebError.notFound }
        let (text, type): (String, String)
        let format = context.parameters.get("file").flatMap { $0.hasPrefix("report.") ? String($0.dropFirst(7)) : nil }
        switch format {
        case "html": (text, type) = (outcome.report.html(), "text/html; charset=utf-8")
        case "csv": (text, type) = (outcome.report.csv(), "text/csv; charset=utf-8")
        case "json": (text, type) = (try outcome.report.json() + "\n", "application/json; charset=utf-8")
        default: throw WebError.notFound
        }
        await state.trail.record(account, "match report download", target: "matching run \(job.id)")
        return Response(
            status: .ok,
            headers: [
                .contentType: type, .contentDisposition: "attachment; filename=\"matching-report.\(format ?? "txt")\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func decide(_ context: WebContext) async throws -> Response {
        let account = try context.requiring(.coordinator)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw WebError.notFound }
        let status: Placement.Status
        switch context.parameters.get("decision") {
        case "confirm": status = .confirmed
        case "decline": status = .declined
        default: throw WebError.notFound
        }
        let decided: Placement?
        do {
            decided = try await state.directory.editor.decide(placement: id, as: status)
        } catch let error as PlacementError {
            // Another coordinator took the need's last place first: say so, rather than fail.
            throw WebError.badRequest(error.description)
        }
        guard let placement = decided else { throw WebError.notFound }
        await state.trail.record(
            account, status == .confirmed ? "placements confirm" : "placements decline", target: "placement \(id)",
            people: [placement.volunteer], detail: "need \(placement.need)")
        let back = context.form["return"].flatMap { $0.hasPrefix("/match/runs/") && !$0.contains("//") ? $0 : nil }
        return .redirect(to: back ?? "/match", type: .normal)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
