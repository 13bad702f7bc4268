import Foundation
import Hummingbird
import VolunteerDirectory

/// `/networks`, `/languages` (coverage, with a chart and its table) and `/skills` (holders and
/// the skills the taxonomy does not understand yet). Counts only: no one's personal data.
struct VocabularyRoutes {
    let state: WebState

    func register(on router: Router<WebContext>) {
        router.get("/networks") { _, context in try await networks(context) }
        router.get("/languages") { _, context in try await languages(context) }
        router.get("/skills") { _, context in try await skills(context) }
    }

    private func networks(_ context: WebContext) async throws -> Response {
        let account = try context.signedIn()
        let networks = try await state.directory.reader.networks().map { $0.seen(by: account) }
        var headers = ["Network", "Kind", "Areas", "Members"]
        if account.role >= .coordinator { headers.append("Contact") }
        let rows = networks.map { network -> [String] in
            var cells = [
                h(network.name), h(network.kind ?? "—"), h(network.areas.joined(separator: ", ")),
                String(network.memberCount),
            ]
            if account.role >= .coordinator {
                cells.append(
                    h(
                        [network.contact?.name, network.contact?.email, network.contact?.phone].compactMap { $0 }
                            .joined(separator: " · ")))
            }
            return cells
        }
        let body =
            networks.isEmpty
            ? "<p>No networks yet: import a roster.</p>"
            : Layout.table(id: "networks", caption: "\(networks.count) networks", headers: headers, rows: rows)
        return Layout.page(title: "Networks", context: context, body: body)
    }

    private func languages(_ context: WebContext) async throws -> Response {
        _ = try context.signedIn()
        let coverage = try await state.directory.reader.languageCoverage().sorted { $0.total > $1.total }
        guard !coverage.isEmpty else {
            return Layout.page(title: "Languages", context: context, body: "<p>No languages held yet.</p>")
        }
        let levels: [Proficiency?] = Proficiency.allCases.reversed() + [nil]
        let names = coverage.map { entry in
            entry.code.flatMap { LanguageCatalogue.shared.language(code: $0)?.name } ?? entry.written
        }
        var body =
            "<p>How many volunteers speak each language held, at their best proficiency. The chart shows the 15 most spoken; the table below it has them all.</p>"
        body += chart(names: Array(names.prefix(15)), totals: coverage.prefix(15).map(\.total))
        let rows = coverage.enumerated().map { position, entry -> [String] in
            [h(names[position]), h(entry.code ?? "not recognised")]
                + levels.map { String(entry.byProficiency[$0] ?? 0) } + [
                    String(entry.interpreters), String(entry.total),
                ]
        }
        body += Layout.table(
            id: "coverage", caption: "Language coverage",
            headers: ["Language", "Code"] + levels.map { $0.map { "\($0)".capitalized } ?? "Not said" } + [
                "Interpreters", "Total",
            ],
            rows: rows)
        return Layout.page(title: "Languages", context: context, body: body)
    }

    /// A horizontal bar chart as inline SVG (no script, no style attribute), described by its
    /// title and by the table that follows it.
    private func chart(names: [String], totals: [Int]) -> String {
        let most = max(totals.max() ?? 1, 1)
        let barHeight = 22
        let height = names.count * (barHeight + 6) + 10
        var svg = """
            <figure class="chart">
            <svg role="img" aria-labelledby="chart-title chart-desc" width="640" height="\(height)" viewBox="0 0 640 \(height)">
            <title id="chart-title">Volunteers per language</title>
            <desc id="chart-desc">\(h(zip(names, totals).map { "\($0): \($1)" }.joined(separator: "; ")))</desc>

            """
        for (position, (name, total)) in zip(names, totals).enumerated() {
            let y = position * (barHeight + 6) + 5
            let width = max(2, total * 380 / most)
            svg += """
                <text x="190" y="\(y + 16)" text-anchor="end" font-size="14" fill="#0b0c0c">\(h(name))</text>
                <rect x="200" y="\(y)" width="\(width)" height="\(barHeight)" fill="#1d70b8"></rect>
                <text x="\(200 + width + 6)" y="\(y + 16)" font-size="14" fill="#0b0c0c">\(total)</text>

                """
        }
        return svg
            + "</svg><figcaption>Volunteers per language (the table below gives the figures)</figcaption></figure>"
    }

    private func skills(_ context: WebContext) async throws -> Response {
        _ = try context.signedIn()
        let reader = state.directory.reader
        let holders = try await reader.skillHolders()
        let unmapped = try await reader.unmappedSkills(limit: 100)
        let concepts = reader.taxonomy.concepts
        let held = holders.filter { $0.value > 0 }.sorted {
            ($1.value, concepts[$0.key]?.label ?? $0.key) < ($0.value, concepts[$1.key]?.label ?? $1.key)
        }
        var body =
            "<p>Skills from the taxonomy that volunteers hold, and written skills the taxonomy does not understand yet (add them to a taxonomy file).</p>"
        body += "<h2>Skills held</h2>"
        body +=
            held.isEmpty
            ? "<p>None yet.</p>"
            : Layout.table(
                id: "skill-holders", caption: "Volunteers per skill", headers: ["Skill", "Volunteers"],
                rows: held.map { [h(concepts[$0.key]?.label ?? $0.key), String($0.value)] })
        body += "<h2>Not understood</h2>"
        body +=
            unmapped.isEmpty
            ? "<p>Every written skill is understood.</p>"
            : Layout.table(
                id: "unmapped", caption: "Written skills the taxonomy does not understand",
                headers: ["Written", "Volunteers"],
                rows: unmapped.map { [h($0.written), String($0.volunteers)] })
        return Layout.page(title: "Skills", context: context, body: body)
    }
}
