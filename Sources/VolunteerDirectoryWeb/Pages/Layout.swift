import Foundation
import Hummingbird
import VolunteerDirectory

/// The frame every page shares: a skip link, the site's name, the navigation the account's role
/// may use, the sign-out button, and the page's one `h1`. Everything interpolated is escaped by
/// the caller with ``h(_:)-(String)``; the layout escapes what it is given.
enum Layout {
    /// Navigation: path, label, the lowest role that sees it.
    static let sections: [(path: String, label: String, role: AccountRole)] = [
        ("/search", "Search", .partner),
        ("/networks", "Networks", .partner),
        ("/needs", "Needs", .partner),
        ("/imports", "Imports", .coordinator),
        ("/match", "Matching", .partner),
        ("/languages", "Languages", .partner),
        ("/skills", "Skills", .partner),
        ("/admin/users", "Accounts", .admin),
    ]

    static func page(
        title: String, context: WebContext, body: String, status: HTTPResponse.Status = .ok, refreshSeconds: Int? = nil
    ) -> Response {
        var html = """
            <!doctype html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(h(title)) · VolunteerDirectory</title>
            <link rel="stylesheet" href="/static/app.css">

            """
        if let refreshSeconds { html += "<meta http-equiv=\"refresh\" content=\"\(refreshSeconds)\">\n" }
        html += """
            </head>
            <body>
            <a class="skip-link" href="#main">Skip to main content</a>
            <header class="site-header">
            <p class="site-name"><a href="/search">VolunteerDirectory</a></p>

            """
        if let account = context.account {
            let path = context.coreContext.endpointPath.value ?? ""
            html += "<nav aria-label=\"Main\"><ul>"
            for section in sections where account.role >= section.role {
                let current = path.hasPrefix(section.path) ? " aria-current=\"page\"" : ""
                html += "<li><a href=\"\(section.path)\"\(current)>\(section.label)</a></li>"
            }
            html += "</ul></nav>\n"
            let who = account.partner.map { "\(account.name) (\($0))" } ?? "\(account.name) (\(account.role.rawValue))"
            html += """
                <form class="sign-out" method="post" action="/logout">
                <input type="hidden" name="csrf" value="\(h(context.csrfToken))">
                <span class="who">Signed in as \(h(who))</span>
                <button type="submit" id="sign-out">Sign out</button>
                </form>

                """
        }
        html += """
            </header>
            <main id="main" tabindex="-1">
            <h1>\(h(title))</h1>
            \(body)
            </main>
            </body>
            </html>

            """
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A moment as pages show it: ISO 8601, UTC.
    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// A hidden field with the session's CSRF token, for every form that POSTs.
    static func csrfField(_ context: WebContext) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(h(context.csrfToken))\">"
    }

    /// A table with header cells: `headers` and rows of already-escaped cells.
    static func table(id: String? = nil, caption: String, headers: [String], rows: [[String]]) -> String {
        var html = "<div class=\"table-wrap\"><table\(id.map { " id=\"\($0)\"" } ?? "")>"
        html += "<caption>\(h(caption))</caption><thead><tr>"
        for header in headers { html += "<th scope=\"col\">\(h(header))</th>" }
        html += "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    /// A labelled text field; `problem`, when given, is shown beside it and tied to it.
    static func field(
        _ name: String, label: String, value: String?, hint: String? = nil, problem: String? = nil,
        type: String = "text", list: String? = nil, required: Bool = false, attributes: String = ""
    ) -> String {
        var html = opening(name, label: label, hint: hint, problem: problem)
        html += "<input type=\"\(type)\" id=\"\(name)\" name=\"\(name)\" value=\"\(h(value))\""
        if let list { html += " list=\"\(list)\"" }
        html += ties(name, hint: hint, problem: problem)
        if required { html += " required" }
        if !attributes.isEmpty { html += " " + attributes }
        return html + "></div>"
    }

    /// A labelled text area, with its problem beside it as ``field(_:label:value:hint:problem:type:list:required:attributes:)``.
    static func textArea(_ name: String, label: String, value: String?, problem: String? = nil) -> String {
        opening(name, label: label, hint: nil, problem: problem)
            + "<textarea id=\"\(name)\" name=\"\(name)\" rows=\"4\"\(ties(name, hint: nil, problem: problem))>"
            + "\(h(value))</textarea></div>"
    }

    /// A labelled select; `options` are value-label pairs.
    static func select(
        _ name: String, label: String, options: [(value: String, label: String)], selected: String?,
        problem: String? = nil
    ) -> String {
        var html = opening(name, label: label, hint: nil, problem: problem)
        html += "<select id=\"\(name)\" name=\"\(name)\"\(ties(name, hint: nil, problem: problem))>"
        for option in options {
            let chosen = option.value == (selected ?? "") ? " selected" : ""
            html += "<option value=\"\(h(option.value))\"\(chosen)>\(h(option.label))</option>"
        }
        return html + "</select></div>"
    }

    /// A field's wrapper, label, hint and problem, before its control.
    private static func opening(_ name: String, label: String, hint: String?, problem: String?) -> String {
        var html =
            "<div class=\"field\(problem == nil ? "" : " field-error")\"><label for=\"\(name)\">\(h(label))</label>"
        if let hint { html += "<p class=\"hint\" id=\"\(name)-hint\">\(h(hint))</p>" }
        if let problem {
            html +=
                "<p class=\"error-message\" id=\"\(name)-error\"><span class=\"visually-hidden\">Error:</span> \(h(problem))</p>"
        }
        return html
    }

    /// The attributes that tie a control to its hint and problem, for screen readers.
    private static func ties(_ name: String, hint: String?, problem: String?) -> String {
        let described = [hint.map { _ in "\(name)-hint" }, problem.map { _ in "\(name)-error" }].compactMap { $0 }
        var html = described.isEmpty ? "" : " aria-describedby=\"\(described.joined(separator: " "))\""
        if problem != nil { html += " aria-invalid=\"true\"" }
        return html
    }

    /// A box saying an import or a run failed, and why.
    static func failure(id: String? = nil, heading: String, message: String) -> String {
        "<div\(id.map { " id=\"\($0)\"" } ?? "") class=\"error-summary\" role=\"alert\"><h2>\(h(heading))</h2><p>\(h(message))</p></div>"
    }

    /// A box listing a form's problems at its top, each linking to its field (GOV.UK pattern).
    static func errorSummary(_ problems: [(field: String, message: String)]) -> String {
        guard !problems.isEmpty else { return "" }
        var html = "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>There is a problem</h2><ul>"
        for problem in problems { html += "<li><a href=\"#\(problem.field)\">\(h(problem.message))</a></li>" }
        return html + "</ul></div>"
    }
}
