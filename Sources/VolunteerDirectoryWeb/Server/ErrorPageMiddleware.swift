import Foundation
import Hummingbird
import VolunteerDirectory

/// The outermost middleware: the security headers on every response, and refusals turned into
/// what a person (a page) or a program (JSON under `/api/`) can act on. Nothing of a failure's
/// inner detail reaches the response; the log gets the route, never the query or a form.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext

    let configuration: WebConfiguration

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = Self.response(for: error, request: request, context: context)
        }
        SecurityHeaders.apply(to: &response, configuration: configuration, request: request)
        return response
    }

    static func response(for error: any Error, request: Request, context: WebContext) -> Response {
        let isAPI = request.uri.path.hasPrefix("/api/")
        let (status, message): (HTTPResponse.Status, String)
        switch error {
        case WebError.notSignedIn:
            if isAPI { return JSONResponse.error(.unauthorized, "sign in first") }
            let next = request.method == .get ? "?next=" + FormValues.encode(request.uri.path) : ""
            return .redirect(to: "/login" + next, type: .normal)
        case WebError.forbidden:
            (status, message) = (.forbidden, "Your account may not see or do this.")
        case WebError.notFound:
            (status, message) = (.notFound, "There is no such page.")
        case WebError.csrf:
            (status, message) = (
                .forbidden,
                "The form was out of date or not sent by this site, so nothing was changed. Go back, reload the page and try again."
            )
        case WebError.badRequest(let reason):
            (status, message) = (.badRequest, reason)
        case WebError.tooLarge(let limit):
            (status, message) = (
                .contentTooLarge,
                "The upload is larger than this server accepts (\(limit / 1_048_576) MB), so nothing was imported. "
                    + "Split the file, or ask the administrator to raise --upload-limit."
            )
        case let error as HTTPError:
            (status, message) = (
                error.status, error.status == .notFound ? "There is no such page." : error.status.reasonPhrase
            )
        default:
            // The person gets what they can do; the log gets what went wrong (never the URL or
            // the form, which may hold search terms or personal data).
            context.logger.error(
                "request failed",
                metadata: ["route": .string(context.endpointPath ?? "?"), "error": .string("\(error)")])
            (status, message) = (
                .internalServerError,
                "The server could not finish this. Reload the page to see whether it took effect, then try again; "
                    + "if it happens again, tell the administrator the time, so they can find it in the server's log."
            )
        }
        if isAPI { return JSONResponse.error(status, message) }
        let body = "<p role=\"alert\">\(h(message))</p><p><a href=\"/search\">Back to the search</a></p>"
        return Layout.page(title: status.reasonPhrase, context: context, body: body, status: status)
    }
}

/// The headers every response carries (OWASP's HTTP headers cheat sheet).
enum SecurityHeaders {
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static func apply(to response: inout Response, configuration: WebConfiguration, request: Request) {
        response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        if response.headers[.cacheControl] == nil, !request.uri.path.hasPrefix("/static/") {
            // Pages hold personal data: no shared cache keeps them.
            response.headers[.cacheControl] = "no-store"
        }
        if isSecure(request, configuration) {
            response.headers[.init("Strict-Transport-Security")!] = "max-age=31536000"
        }
    }

    /// Whether the request came over TLS: believed from a proxy only when configured behind one.
    static func isSecure(_ request: Request, _ configuration: WebConfiguration) -> Bool {
        guard configuration.behindTLSProxy else { return false }
        return request.headers[.init("X-Forwarded-Proto")!]?.lowercased() != "http"
    }
}

/// JSON answers of the API.
enum JSONResponse {
    static func text(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: json.hasSuffix("\n") ? json : json + "\n")))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        let body = (try? Presentation.json(["error": message])) ?? "{}"
        return text(body, status: status)
    }
}

/// Escapes text for HTML (text and attributes).
func h(_ text: String) -> String { HTML.escape(text) }
func h(_ text: String?) -> String { text.map(HTML.escape) ?? "" }
