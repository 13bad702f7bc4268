import Foundation
import Hummingbird
import VolunteerDirectory

/// `/admin/users`: admins list, add and remove accounts, as `voldir users` does. An account made
/// here gets a password the admin passes on, which its holder must change at first sign-in.
struct AccountRoutes {
    let state: WebState

    func register(on router: Router<WebContext>) {
        router.get("/admin/users") { _, context in try await page(context, problems: [], created: nil) }
        router.post("/admin/users") { _, context in try await add(context) }
        router.post("/admin/users/:name/remove") { _, context in try await remove(context) }
    }

    private func page(
        _ context: WebContext, problems: [(field: String, message: String)], created: (name: String, password: String)?
    ) async throws -> Response {
        let admin = try context.requiring(.admin)
        var body = Layout.errorSummary(problems)
        if let created {
            body += """
                <div class="notice" role="status"><p>Account <strong>\(h(created.name))</strong> created. Its password, \
                shown only now: <code id="new-account-password">\(h(created.password))</code>. Pass it on privately; \
                it must be changed at first sign-in.</p></div>
                """
        }
        let accounts = try await state.directory.accounts.accounts()
        body += Layout.table(
            id: "accounts", caption: "\(accounts.count) accounts",
            headers: ["Name", "Role", "Partner", "Created", "Actions"],
            rows: accounts.map { account in
                let remove =
                    account.name.lowercased() == admin.name.lowercased()
                    ? "(you)"
                    : """
                    <form class="inline" method="post" action="/admin/users/\(FormValues.encode(account.name))/remove">\
                    \(Layout.csrfField(context))<button type="submit" class="secondary">Remove\
                    <span class="visually-hidden"> \(h(account.name))</span></button></form>
                    """
                return [
                    h(account.name), h(account.role.rawValue), h(account.partner ?? "—"),
                    h(Layout.timestamp(account.created)), remove,
                ]
            })
        let problem = { (field: String) in problems.first(where: { $0.field == field })?.message }
        body += """
            <h2>Add an account</h2>
            <form id="account-form" method="post" action="/admin/users">\(Layout.csrfField(context))
            \(Layout.field("account-name", label: "Account name", value: problems.isEmpty ? nil : context.form["account-name"], hint: "Letters, digits, '.', '-', '_' or '@'.", problem: problem("account-name"), required: true))
            \(Layout.select("role", label: "Role", options: AccountRole.allCases.reversed().map { ($0.rawValue, $0.rawValue.capitalized) }, selected: context.form["role"] ?? "coordinator", problem: problem("role")))
            \(Layout.field("partner", label: "Partner organisation (partner accounts only)", value: problems.isEmpty ? nil : context.form["partner"], hint: "As its needs name it, such as Stepping Hill Hospital.", problem: problem("partner")))
            <button type="submit" id="add-account">Add the account</button>
            </form>
            """
        return Layout.page(
            title: "Accounts", context: context, body: body, status: problems.isEmpty ? .ok : .badRequest)
    }

    private func add(_ context: WebContext) async throws -> Response {
        let admin = try context.requiring(.admin)
        let name = context.form["account-name"] ?? ""
        guard let role = context.form["role"].flatMap(AccountRole.init(rawValue:)) else {
            return try await page(context, problems: [("role", "choose admin, coordinator or partner")], created: nil)
        }
        let password = Passwords.generate()
        do {
            try await AccountService(accounts: state.directory.accounts, bcryptCost: state.configuration.bcryptCost)
                .add(
                    name: name, role: role, partner: context.form["partner"], password: password,
                    mustChangePassword: true)
        } catch let error as AccountError {
            let field: String = if case .partnerMismatch = error { "partner" } else { "account-name" }
            return try await page(context, problems: [(field, "\(error)")], created: nil)
        }
        await state.trail.record(admin, "users add", target: "account \(name)", detail: "role: \(role.rawValue)")
        return try await page(context, problems: [], created: (name, password))
    }

    private func remove(_ context: WebContext) async throws -> Response {
        let admin = try context.requiring(.admin)
        guard let name = context.parameters.get("name") else { throw WebError.notFound }
        guard name.lowercased() != admin.name.lowercased() else {
            return try await page(
                context, problems: [("account-name", "you cannot remove your own account")], created: nil)
        }
        guard try await state.directory.accounts.removeAccount(named: name) else { throw WebError.notFound }
        await state.trail.record(admin, "users remove", target: "account \(name)")
        return .redirect(to: "/admin/users", type: .normal)
    }
}
