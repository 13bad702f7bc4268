import Foundation
import Hummingbird
import Synchronization
import VolunteerDirectory

/// `/search` and `/api/search`: the CLI's search, as a page that can be bookmarked and as JSON.
struct SearchRoutes {
    let state: WebState

    func register(on router: Router<WebContext>) {
        router.get("/search") { request, context in try await page(request, context) }
        router.get("/api/search") { request, context in try await api(request, context) }
    }

    /// Runs the search for `account`: partners see only those shared with partners, without
    /// contact details. Audited.
    private func run(_ parameters: SearchParameters, for account: Account) async throws -> [VolunteerMatch] {
        guard var query = parameters.query else { return [] }
        query.sharedWithPartnersOnly = account.role == .partner
        let found = try await state.directory.reader.search(query).compactMap { match -> VolunteerMatch? in
            guard let shown = match.volunteer.seen(by: account) else { return nil }
            var match = match
            match.volunteer = shown
            return match
        }
        let ids = found.map(\.volunteer.id)
        await state.trail.record(
            account, "search", target: AuditText.target(ids), people: ids,
            detail: AuditText.detail(parameters.auditPairs + [("results", String(ids.count))]))
        return found
    }

    private func api(_ request: Request, _ context: WebContext) async throws -> Response {
        let account = try context.signedIn()
        let parameters = SearchParameters(FormValues(encoded: request.uri.query ?? ""))
        if let problem = parameters.problems.first {
            return JSONResponse.error(.badRequest, "\(problem.field): \(problem.message)")
        }
        guard parameters.query != nil else {
            return JSONResponse.error(
                .badRequest, "give at least one of skill, language, network, area, available, dbs or text")
        }
        return JSONResponse.text(try Presentation.volunteers(try await run(parameters, for: account), as: .json))
    }

    private func page(_ request: Request, _ context: WebContext) async throws -> Response {
        let account = try context.signedIn()
        let parameters = SearchParameters(FormValues(encoded: request.uri.query ?? ""))
        let matches = try await run(parameters, for: account)
        var body = Layout.errorSummary(parameters.problems)
        body += form(parameters, taxonomy: state.directory.reader.taxonomy)
        for note in parameters.languageNotes { body += "<p class=\"note\">\(h(note))</p>" }
        if parameters.query != nil {
            body += "<h2 id=\"results-heading\">\(matches.count) volunteer\(matches.count == 1 ? "" : "s") found</h2>"
            if matches.isEmpty {
                body += "<p>No volunteers match every filter. Try fewer filters, or a broader skill.</p>"
            } else {
                body += results(matches, account: account)
            }
        } else if parameters.problems.isEmpty {
            body += "<p>Give at least one filter. Every filter given must hold.</p>"
        }
        return Layout.page(
            title: "Search volunteers", context: context, body: body,
            status: parameters.problems.isEmpty ? .ok : .badRequest)
    }

    private func form(_ parameters: SearchParameters, taxonomy: SkillTaxonomy) -> String {
        let values = parameters.values
        let problem = { (field: String) in parameters.problems.first(where: { $0.field == field })?.message }
        let joined = { (name: String) in values.all(name).joined(separator: ", ") }
        let levels: [(String, String)] = [("", "Any")] + Proficiency.allCases.map { ("\($0)", "\($0)".capitalized) }
        let dbs: [(String, String)] = [
            ("", "Any or none"), ("basic", "Basic"), ("standard", "Standard"), ("enhanced", "Enhanced"),
        ]
        let html = """
            <form id="search-form" method="get" action="/search" role="search" aria-label="Volunteers">
            <div class="fields">
            \(Layout.field("skill", label: "Skill", value: joined("skill"), hint: "Also finds other names, narrower and related skills. Separate several with commas.", problem: problem("skill"), list: "skill-list"))
            \(Layout.field("language", label: "Language", value: joined("language"), hint: "A name, code or endonym: Urdu, pa, Polski.", problem: problem("language"), list: "language-list"))
            \(Layout.select("min-proficiency", label: "Lowest proficiency", options: levels, selected: values["min-proficiency"], problem: problem("min-proficiency")))
            \(Layout.field("network", label: "Network", value: values["network"], problem: problem("network")))
            \(Layout.field("area", label: "Area or postcode district", value: values["area"], hint: "A ward, or a district such as SK4.", problem: problem("area")))
            \(Layout.field("available", label: "Available", value: joined("available"), hint: "Such as tue-evening, sat-morning, weekends.", problem: problem("available")))
            \(Layout.select("dbs", label: "Lowest DBS check", options: dbs, selected: values["dbs"], problem: problem("dbs")))
            \(Layout.field("text", label: "Words in names, skills and notes", value: values["text"], problem: problem("text")))
            \(Layout.field("limit", label: "Most to list", value: values["limit"] ?? "50", problem: problem("limit"), type: "number", attributes: "min=\"\(VolunteerQuery.limitRange.lowerBound)\" max=\"\(VolunteerQuery.limitRange.upperBound)\""))
            </div>
            <button type="submit" id="search-submit">Search</button>
            </form>
            \(Self.suggestions(for: taxonomy))
            """
        return html
    }

    /// The datalists the skill and language fields suggest from: the same for every page, so
    /// made once per taxonomy.
    private static func suggestions(for taxonomy: SkillTaxonomy) -> String {
        if let made = madeSuggestions.withLock({ $0[taxonomy.fingerprint] }) { return made }
        var html = "<datalist id=\"skill-list\">"
        for concept in taxonomy.concepts.values.sorted(by: { $0.label < $1.label }) {
            html += "<option value=\"\(h(concept.label))\">"
        }
        html += "</datalist><datalist id=\"language-list\">"
        for language in suggestedLanguages { html += "<option value=\"\(h(language))\">" }
        html += "</datalist>"
        madeSuggestions.withLock { $0[taxonomy.fingerprint] = html }
        return html
    }

    private static let madeSuggestions = Mutex<[String: String]>([:])

    /// Languages with a two-letter code (the widely used ones), by name: what the language field suggests.
    static let suggestedLanguages: [String] = LanguageCatalogue.shared.languages.filter { $0.alpha2 != nil }.map(\.name)
        .sorted()

    private func results(_ matches: [VolunteerMatch], account: Account) -> String {
        let rows = matches.map { match -> [String] in
            let v = match.volunteer
            var cells = [
                "<a class=\"volunteer-link\" href=\"/volunteers/\(v.id)\">\(h(v.name))</a>",
                h(match.match?.rawValue ?? "—")
                    + match.matched.map {
                        "<br><span class=\"why\">\(h($0.asked)): \(h($0.written)) (\(h($0.match.rawValue)))</span>"
                    }
                    .joined(),
                h(v.skills.map(\.displayText).joined(separator: ", ")),
                h(
                    v.languages.map { language in
                        language.language.displayName() + (language.proficiency.map { " (\($0))" } ?? "")
                    }.joined(separator: ", ")),
                h(v.area ?? v.postcode ?? ""),
                h(v.dbs.map { "\($0.level)" } ?? "none"),
            ]
            if account.role >= .coordinator {
                cells.append(h([v.email, v.phone].compactMap { $0 }.joined(separator: " · ")))
            }
            return cells
        }
        var headers = ["Name", "Match", "Skills", "Languages", "Area", "DBS"]
        if account.role >= .coordinator { headers.append("Contact") }
        return Layout.table(id: "results", caption: "Volunteers, best match first", headers: headers, rows: rows)
    }
}
