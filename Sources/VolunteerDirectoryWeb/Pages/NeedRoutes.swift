import Foundation
import Hummingbird
import VolunteerDirectory

/// `/needs`: the list (a partner sees only its organisation's), and for coordinators a form to
/// create, edit and close needs. `/api/needs` gives the list as JSON.
struct NeedRoutes {
    let state: WebState

    func register(on router: Router<WebContext>) {
        router.get("/needs") { _, context in try await list(context) }
        router.get("/api/needs") { _, context in
            let account = try context.signedIn()
            let needs = try await state.directory.reader.needs().filter { $0.isVisible(to: account) }
            return JSONResponse.text(try Presentation.needs(needs, as: .json))
        }
        router.get("/needs/new") { _, context in
            _ = try context.requiring(.coordinator)
            return formPage(NeedForm(FormValues()), context: context, editing: false, fresh: true)
        }
        router.post("/needs") { _, context in try await save(context, editing: nil) }
        router.get("/needs/:id/edit") { _, context in
            _ = try context.requiring(.coordinator)
            let need = try await held(context)
            return formPage(NeedForm(NeedForm.values(of: need)), context: context, editing: true, fresh: true)
        }
        router.post("/needs/:id") { _, context in
            _ = try context.requiring(.coordinator)
            return try await save(context, editing: try await held(context))
        }
        router.post("/needs/:id/close") { _, context in try await close(context) }
    }

    private func held(_ context: WebContext) async throws -> Need {
        guard let id = context.parameters.get("id"),
            let need = try await state.directory.reader.needs().first(where: { $0.id == id })
        else { throw WebError.notFound }
        return need
    }

    private func list(_ context: WebContext) async throws -> Response {
        let account = try context.signedIn()
        let needs = try await state.directory.reader.needs().filter { $0.isVisible(to: account) }
        var body = ""
        if account.role >= .coordinator {
            body += "<p><a class=\"button\" href=\"/needs/new\" id=\"new-need\">New need</a></p>"
        }
        if needs.isEmpty {
            body += "<p>No needs\(account.role == .partner ? " from your organisation" : "") yet.</p>"
            return Layout.page(title: "Needs", context: context, body: body)
        }
        var headers = ["ID", "Requested by", "Title", "Places", "Skills", "Languages", "DBS", "Status"]
        if account.role >= .coordinator { headers.append("Actions") }
        let rows = needs.map { need -> [String] in
            var status = need.closed.map { "Closed \($0)" } ?? "Open"
            if let duplicate = need.duplicateOf { status += "; looks like a duplicate of \(duplicate)" }
            var cells = [
                h(need.id), h(need.partner), h(need.title), String(need.places),
                h(need.skills.map { $0.skill.written + ($0.isRequired ? "" : " (preferred)") }.joined(separator: ", ")),
                h(
                    need.languages.map { $0.language.displayName() + ($0.isRequired ? "" : " (preferred)") }.joined(
                        separator: ", ")),
                h(need.minimumDBS.map { "\($0)" } ?? "none"), h(status),
            ]
            if account.role >= .coordinator {
                var actions =
                    "<a href=\"/needs/\(FormValues.encode(need.id))/edit\">Edit<span class=\"visually-hidden\"> \(h(need.id))</span></a>"
                if need.closed == nil {
                    actions += """
                        <form class="inline" method="post" action="/needs/\(FormValues.encode(need.id))/close">\(Layout.csrfField(context))\
                        <button type="submit" class="secondary">Close<span class="visually-hidden"> \(h(need.id))</span></button></form>
                        """
                }
                cells.append(actions)
            }
            return cells
        }
        body += Layout.table(id: "needs", caption: "\(needs.count) needs", headers: headers, rows: rows)
        return Layout.page(title: "Needs", context: context, body: body)
    }

    private func formPage(_ form: NeedForm, context: WebContext, editing: Bool, fresh: Bool) -> Response {
        let id = form.values["id"] ?? ""
        let action = editing ? "/needs/\(FormValues.encode(id))" : "/needs"
        return Layout.page(
            title: editing ? "Edit need \(id)" : "New need", context: context,
            body: form.html(action: action, context: context, editing: editing),
            status: fresh || form.problems.isEmpty ? .ok : .badRequest)
    }

    private func save(_ context: WebContext, editing held: Need?) async throws -> Response {
        let account = try context.requiring(.coordinator)
        var values = context.form
        if let held {
            // The id is the need's own: a form cannot move it to another.
            values.set("id", to: held.id)
        }
        var form = NeedForm(values)
        if held == nil, let id = form.values["id"],
            try await state.directory.reader.needs().contains(where: { $0.id == id })
        {
            form.problems.append(
                ("id", "there is already a need \(id); edit it from the needs list, or choose another id"))
            form.need = nil
        }
        guard var need = form.need else { return formPage(form, context: context, editing: held != nil, fresh: false) }
        need.closed = held?.closed
        try await state.directory.editor.saveNeed(need, source: "web: \(account.name)")
        await state.trail.record(account, held == nil ? "need create" : "need edit", target: "need \(need.id)")
        return .redirect(to: "/needs", type: .normal)
    }

    private func close(_ context: WebContext) async throws -> Response {
        let account = try context.requiring(.coordinator)
        var need = try await held(context)
        if need.closed == nil {
            need.closed = CalendarDate.today
            try await state.directory.editor.saveNeed(need, source: "web: \(account.name)")
            await state.trail.record(account, "need close", target: "need \(need.id)")
        }
        return .redirect(to: "/needs", type: .normal)
    }
}
