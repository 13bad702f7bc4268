import Crypto
import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import VolunteerDirectory

/// Signs requests in from their session cookie, reads POSTed forms and refuses any
/// state-changing request without the session's CSRF token (403, nothing changed), and sends a
/// signed-in account that must choose a new password to do that first.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext

    let accounts: any AccountStore
    let configuration: WebConfiguration

    /// The session cookie's name.
    static let cookieName = "voldir_session"
    /// The cookie that carries the sign-in form's CSRF token before there is a session.
    static let signInCookieName = "voldir_signin"
    /// The largest URL-encoded form read.
    static let formLimit = 1 << 20

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value,
            let (session, account) = try await accounts.signedIn(tokenHash: Self.hash(token), at: Date())
        {
            context.session = session
            context.account = account
        }
        var request = request
        if request.method == .post {
            try await readForm(&request, into: &context)
        }
        if let account = context.account, account.mustChangePassword,
            !["/account/password", "/logout"].contains(request.uri.path), !request.uri.path.hasPrefix("/static/")
        {
            if request.uri.path.hasPrefix("/api/") { throw WebError.badRequest("choose a new password first") }
            return .redirect(to: "/account/password", type: .normal)
        }
        return try await next(request, context)
    }

    /// Reads the body of a POST by its type and checks its CSRF token: a form field `csrf` for
    /// forms, the `X-CSRF-Token` header for JSON. The sign-in form, sent before a session exists,
    /// carries the token of its own cookie (double submit).
    private func readForm(_ request: inout Request, into context: inout WebContext) async throws {
        // Lower-cased for the media type only: a multipart boundary is case-sensitive (Chromium's
        // is `----WebKitFormBoundary…`), so it is read from the header as sent.
        let header = request.headers[.contentType] ?? ""
        let type = header.lowercased()
        let expected: String?
        if request.uri.path == "/login" {
            expected = request.cookies[Self.signInCookieName]?.value
        } else {
            expected = context.session?.csrfToken
        }
        if type.hasPrefix("application/x-www-form-urlencoded") {
            let body = try await collect(request, limit: Self.formLimit)
            context.form = FormValues(encoded: String(buffer: body))
            guard Self.matches(context.form["csrf"], expected) else { throw WebError.csrf }
        } else if type.hasPrefix("multipart/form-data") {
            guard let boundary = Self.boundary(of: header) else {
                throw WebError.badRequest("the form has no boundary")
            }
            let body = try await collect(request, limit: configuration.uploadLimit + 64 * 1024)
            let parts: [MultipartPart]
            do {
                parts = try MultipartParts.parse(body, boundary: boundary)
            } catch {
                throw WebError.badRequest("the upload could not be read as a form (\(error))")
            }
            for part in parts {
                guard let name = part.fieldName else { continue }
                if let fileName = part.fileName {
                    if part.body.readableBytes > configuration.uploadLimit {
                        throw WebError.tooLarge(limit: configuration.uploadLimit)
                    }
                    if !fileName.isEmpty || part.body.readableBytes > 0 {
                        context.upload = UploadedFile(
                            fileName: fileName, bytes: Array(part.body.readableBytesView))
                    }
                } else {
                    context.form.append(name, String(buffer: part.body))
                }
            }
            guard Self.matches(context.form["csrf"], expected) else { throw WebError.csrf }
        } else if type.hasPrefix("application/json") {
            guard Self.matches(request.headers[.init("X-CSRF-Token")!], expected) else { throw WebError.csrf }
        } else {
            throw WebError.csrf
        }
    }

    private func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw WebError.tooLarge(limit: limit)
        }
    }

    /// Compares tokens in time that does not depend on where they differ.
    static func matches(_ given: String?, _ expected: String?) -> Bool {
        guard let given, let expected, !expected.isEmpty, given.utf8.count == expected.utf8.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(given.utf8, expected.utf8) { difference |= a ^ b }
        return difference == 0
    }

    static func boundary(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else {
                continue
            }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    /// SHA-256 of a session token, lower-case hex: what the directory keeps.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hex
    }

    /// A new random token: 32 bytes, base64url.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

/// The parts of a multipart form, through MultipartKit's parser.
enum MultipartParts {
    static func parse(_ body: ByteBuffer, boundary: String) throws -> [MultipartPart] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var partBody = ByteBuffer()
        parser.onHeader = { name, value in headers.add(name: name, value: value) }
        parser.onBody = { chunk in partBody.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: partBody))
            headers = HTTPHeaders()
            partBody = ByteBuffer()
        }
        try parser.execute(body)
        return parts
    }
}

extension MultipartPart {
    /// The `name` of its Content-Disposition.
    var fieldName: String? { dispositionParameter("name") }
    /// The `filename` of its Content-Disposition (last path component), when it is a file.
    var fileName: String? {
        dispositionParameter("filename").map { name in
            String(name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
        }
    }

    private func dispositionParameter(_ key: String) -> String? {
        guard let disposition = headers.first(name: "Content-Disposition") else { return nil }
        for parameter in disposition.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
