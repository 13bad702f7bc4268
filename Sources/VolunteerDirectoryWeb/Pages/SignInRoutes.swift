import Foundation
import Hummingbird
import VolunteerDirectory

/// Signing in and out, and choosing a new password.
struct SignInRoutes {
    let state: WebState

    func register(on router: Router<WebContext>) {
        router.get("/") { _, context in
            context.account == nil ? Response.redirect(to: "/login") : Response.redirect(to: "/search")
        }
        router.get("/login") { request, context in
            signInPage(context: context, next: request.uri.queryParameters["next"].map(String.init), problem: nil)
        }
        router.post("/login") { request, context in try await signIn(request, context) }
        router.post("/logout") { request, context in
            if let session = context.session {
                try await state.directory.accounts.endSession(tokenHash: session.tokenHash)
            }
            var response = Response.redirect(to: "/login", type: .normal)
            response.setCookie(expiredCookie(SessionMiddleware.cookieName, request))
            return response
        }
        router.get("/account/password") { _, context in
            passwordPage(context: context, account: try context.signedIn(), problems: [])
        }
        router.post("/account/password") { _, context in try await changePassword(context) }
    }

    /// The sign-in page, with a fresh token in its own cookie and the form (double submit).
    private func signInPage(context: WebContext, next: String?, problem: String?, status: HTTPResponse.Status = .ok)
        -> Response
    {
        let token = SessionMiddleware.newToken()
        var body = ""
        if let problem { body += "<div class=\"error-summary\" role=\"alert\"><p>\(h(problem))</p></div>" }
        body += """
            <form id="login" method="post" action="/login" class="narrow">
            <input type="hidden" name="csrf" value="\(token)">
            <input type="hidden" name="next" value="\(h(safeNext(next)))">
            \(Layout.field("name", label: "Account name", value: nil, required: true, attributes: "autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\""))
            \(Layout.field("password", label: "Password", value: nil, type: "password", required: true, attributes: "autocomplete=\"current-password\""))
            <button type="submit" id="sign-in">Sign in</button>
            </form>
            """
        var response = Layout.page(title: "Sign in", context: context, body: body, status: status)
        response.setCookie(
            Cookie(
                name: SessionMiddleware.signInCookieName, value: token, maxAge: 3600, path: "/login",
                secure: state.configuration.behindTLSProxy, httpOnly: true, sameSite: .strict))
        return response
    }

    private func signIn(_ request: Request, _ context: WebContext) async throws -> Response {
        let name = context.form["name"] ?? ""
        let password = context.form.untrimmed("password")
        let next = safeNext(context.form["next"])
        let accounts = state.directory.accounts
        let now = Date()
        let windowStart = now.addingTimeInterval(-state.configuration.signInWindow)
        let key = name.lowercased()
        if try await accounts.signInFailures(key: key, since: windowStart) >= state.configuration.signInAttempts {
            return signInPage(
                context: context, next: next,
                problem:
                    "Too many failed sign-ins for this account. Wait \(Int(state.configuration.signInWindow / 60)) minutes and try again.",
                status: .tooManyRequests)
        }
        // The same work whether or not the account exists, so timing does not tell which names exist.
        let account = try await accounts.account(named: name)
        var verified = false
        if let account {
            verified = await Passwords.verify(password, hash: account.passwordHash)
        } else {
            _ = try? await Passwords.hash(password, cost: state.configuration.bcryptCost)
        }
        guard let account, verified else {
            _ = try await accounts.recordSignInFailure(key: key, at: now, since: windowStart)
            return signInPage(
                context: context, next: next, problem: "The account name or password is not right.",
                status: .unauthorized)
        }
        try await accounts.clearSignInFailures(key: key)
        let token = SessionMiddleware.newToken()
        let session = WebSession(
            tokenHash: SessionMiddleware.hash(token), account: account.name, csrfToken: SessionMiddleware.newToken(),
            created: now, expires: now.addingTimeInterval(state.configuration.sessionLifetime))
        try await accounts.startSession(session)
        await state.trail.record(account, "sign-in", target: "account \(account.name)")
        var response = Response.redirect(to: account.mustChangePassword ? "/account/password" : next, type: .normal)
        response.setCookie(
            Cookie(
                name: SessionMiddleware.cookieName, value: token, maxAge: Int(state.configuration.sessionLifetime),
                path: "/",
                secure: SecurityHeaders.isSecure(request, state.configuration) || state.configuration.behindTLSProxy,
                httpOnly: true, sameSite: .lax))
        response.setCookie(expiredCookie(SessionMiddleware.signInCookieName, request, path: "/login"))
        return response
    }

    private func passwordPage(context: WebContext, account: Account, problems: [(field: String, message: String)])
        -> Response
    {
        let problem = { (field: String) in problems.first(where: { $0.field == field })?.message }
        let intro =
            account.mustChangePassword
            ? "<p>Your password was chosen for you. Choose your own before going on.</p>"
            : "<p>Choose a new password. Your other sessions will be signed out.</p>"
        let body = """
            \(Layout.errorSummary(problems))
            \(intro)
            <form id="password-form" method="post" action="/account/password" class="narrow">
            \(Layout.csrfField(context))
            \(Layout.field("new-password", label: "New password", value: nil, hint: "At least \(Passwords.minimumLength) characters. A few unrelated words make a good one.", problem: problem("new-password"), type: "password", required: true, attributes: "autocomplete=\"new-password\""))
            \(Layout.field("confirm-password", label: "The new password again", value: nil, problem: problem("confirm-password"), type: "password", required: true, attributes: "autocomplete=\"new-password\""))
            <button type="submit" id="save-password">Save the password</button>
            </form>
            """
        return Layout.page(
            title: "Choose a password", context: context, body: body, status: problems.isEmpty ? .ok : .badRequest)
    }

    private func changePassword(_ context: WebContext) async throws -> Response {
        let account = try context.signedIn()
        let password = context.form.untrimmed("new-password")
        let again = context.form.untrimmed("confirm-password")
        if let reason = Passwords.problem(with: password) {
            return passwordPage(context: context, account: account, problems: [("new-password", reason)])
        }
        guard password == again else {
            return passwordPage(
                context: context, account: account, problems: [("confirm-password", "the two passwords differ")])
        }
        let hash = try await Passwords.hash(password, cost: state.configuration.bcryptCost)
        try await state.directory.accounts.setPassword(
            of: account.name, hash: hash, mustChange: false, keeping: context.session?.tokenHash)
        await state.trail.record(account, "password", target: "account \(account.name)")
        return .redirect(to: "/search", type: .normal)
    }

    /// Where to go after signing in: a path on this site only (never another host).
    private func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next != "/login" else {
            return "/search"
        }
        return next
    }

    private func expiredCookie(_ name: String, _ request: Request, path: String = "/") -> Cookie {
        Cookie(
            name: name, value: "", maxAge: 0, path: path, secure: state.configuration.behindTLSProxy, httpOnly: true,
            sameSite: .lax)
    }
}
