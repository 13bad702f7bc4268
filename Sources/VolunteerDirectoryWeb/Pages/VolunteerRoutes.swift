import Foundation
import Hummingbird
import VolunteerDirectory

/// `/volunteers/ID` and `/api/volunteers/ID`: everything held about one person (what a partner
/// may see of them), with memberships and placements.
struct VolunteerRoutes {
    let state: WebState

    func register(on router: Router<WebContext>) {
        router.get("/volunteers/:id") { _, context in try await page(context) }
        router.get("/api/volunteers/:id") { _, context in
            let (_, volunteer) = try await load(context)
            return JSONResponse.text(try Presentation.volunteer(volunteer, as: .json))
        }
    }

    /// The volunteer as the account may see them: 404 for someone a partner may not see, exactly
    /// as for someone not held, so a partner cannot tell the two apart.
    private func load(_ context: WebContext) async throws -> (Account, Volunteer) {
        let account = try context.signedIn()
        guard let id = context.parameters.get("id", as: VolunteerID.self),
            let held = try await state.directory.reader.volunteer(id: id), let shown = held.seen(by: account)
        else { throw WebError.notFound }
        await state.trail.record(account, "volunteer", target: "volunteer \(id)", people: [id])
        return (account, shown)
    }

    private func page(_ context: WebContext) async throws -> Response {
        let (account, v) = try await load(context)
        var facts: [(String, String)] = []
        if account.role >= .coordinator {
            facts.append(("Email", h(v.email ?? "—")))
            facts.append(("Phone", h(v.phone ?? "—")))
        }
        facts.append(("Postcode", h(v.postcode ?? "—")))
        facts.append(("Area", h(v.area ?? "—")))
        facts.append(("Age band", h(v.ageBand.map { "\($0)" } ?? "—")))
        facts.append(
            (
                "DBS check",
                h(v.dbs.map { check in "\(check.level)" + (check.issued.map { ", issued \($0)" } ?? "") } ?? "none")
            ))
        facts.append(("May be contacted", v.consent.contact.map { $0 ? "yes" : "no" } ?? "not said"))
        facts.append(("May be shared with", h(v.consent.share.map { "\($0)" } ?? "not said")))
        facts.append(
            (
                "Availability",
                h(v.availability.isEmpty ? "not said" : v.availability.map { "\($0)" }.joined(separator: ", "))
            ))
        if account.role >= .coordinator, let notes = v.notes { facts.append(("Notes", h(notes))) }
        var body = "<dl class=\"facts\">"
        for (term, value) in facts { body += "<dt>\(h(term))</dt><dd>\(value)</dd>" }
        body += "</dl>"
        if !v.isListed { body += "<p class=\"note\">No longer on any roster.</p>" }
        body += "<h2>Skills</h2>"
        body +=
            v.skills.isEmpty
            ? "<p>None recorded.</p>" : "<ul>" + v.skills.map { "<li>\(h($0.displayText))</li>" }.joined() + "</ul>"
        body += "<h2>Languages</h2>"
        if v.languages.isEmpty {
            body += "<p>None recorded.</p>"
        } else {
            body += Layout.table(
                caption: "Languages spoken", headers: ["Language", "Proficiency", "Interprets"],
                rows: v.languages.map { language in
                    [
                        h(language.language.displayName()), h(language.proficiency.map { "\($0)" } ?? "not said"),
                        language.interprets ? "yes" : "no",
                    ]
                })
        }
        body += "<h2>Networks</h2>"
        if v.memberships.isEmpty {
            body += "<p>No memberships.</p>"
        } else {
            body += Layout.table(
                caption: "Memberships", headers: ["Network", "Role", "Since"],
                rows: v.memberships.map { [h($0.networkName), h($0.role ?? "—"), h($0.since.map { "\($0)" } ?? "—")] })
        }
        let placements = try await state.directory.reader.placements().filter { $0.volunteer == v.id }
        let needs = Dictionary(
            try await state.directory.reader.needs().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let visible = placements.filter { needs[$0.need].map { $0.isVisible(to: account) } ?? false }
        body += "<h2>Placements</h2>"
        if visible.isEmpty {
            body += "<p>No placements.</p>"
        } else {
            body += Layout.table(
                caption: "Placements proposed, confirmed or declined", headers: ["Need", "Status", "Score"],
                rows: visible.map {
                    [
                        h("\($0.need): \(needs[$0.need]?.title ?? "")"), h($0.status.rawValue),
                        h(String(format: "%.2f", $0.score)),
                    ]
                })
        }
        return Layout.page(title: v.name, context: context, body: body)
    }
}
