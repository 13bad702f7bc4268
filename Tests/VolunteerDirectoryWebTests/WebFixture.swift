import CSVImporter
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Sector3Importer
import Testing
import VolunteerDirectory
import VolunteerDirectorySQLite
import VolunteerDirectoryTestSupport
import VolunteerDirectoryWeb
import WorkbookImporter

/// A directory loaded with the package's samples, three accounts (admin, coordinator, and a
/// partner for Stepping Hill Hospital), and the web app over it.
final class WebFixture: @unchecked Sendable {
    let directory: TestDirectory
    let app: WebApp
    static let password = "a long test password"

    init(configuration: WebConfiguration = WebConfiguration(bcryptCost: 4), samples: Bool = true) async throws {
        directory = try TestDirectory(importers: [CSVImporter.self, Sector3Importer.self, WorkbookImporter.self])
        if samples {
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Imports")
            for file in try directory.service.pendingFiles(in: folder) {
                _ = try directory.service.importFile(at: file, request: ImportRequest())
            }
        }
        let store = directory.store
        let accounts = AccountService(accounts: store, bcryptCost: 4)
        try await accounts.add(name: "ada", role: .admin, partner: nil, password: Self.password)
        try await accounts.add(name: "cora", role: .coordinator, partner: nil, password: Self.password)
        try await accounts.add(
            name: "hospital", role: .partner, partner: "Stepping Hill Hospital", password: Self.password)
        let connection = AsyncSQLiteDirectory(store)
        app = WebApp(
            directory: WebDirectory(
                reader: connection, editor: connection, accounts: store, audit: store, settings: store, store: store,
                importers: directory.service.registry),
            configuration: configuration.keepingUploads(in: directory.folder))
    }

    /// Runs `body` with a client of the app's router.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await app.application().test(.router) { client in try await body(client) }
    }
}

extension WebConfiguration {
    /// The same settings, with uploads waiting in `folder` (removed with the test's directory:
    /// a test reaches the router without running the server, which empties its own at the end).
    func keepingUploads(in folder: URL) -> WebConfiguration {
        var configuration = self
        configuration.uploadFolder = folder.appendingPathComponent("uploads")
        return configuration
    }
}

/// A browser's memory: cookies, and the CSRF token of the last page that had a form.
final class Session: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    /// Signs in as `name` and returns the session.
    static func signedIn(_ client: any TestClientProtocol, as name: String) async throws -> Session {
        let session = Session(client)
        let response = try await session.signIn(name, password: WebFixture.password)
        #expect(response.status == .seeOther, "sign-in as \(name) failed: \(response.status)")
        _ = try await session.get("/needs")  // a page with a form: picks up the CSRF token
        return session
    }

    @discardableResult
    func signIn(_ name: String, password: String) async throws -> TestResponse {
        _ = try await get("/login")
        return try await post("/login", ["name": name, "password": password, "next": "/search"])
    }

    @discardableResult
    func get(_ path: String) async throws -> TestResponse {
        let response = try await client.execute(uri: path, method: .get, headers: cookieHeader())
        remember(response)
        return response
    }

    /// POSTs a URL-encoded form; the CSRF token is added unless `csrf` says otherwise.
    @discardableResult
    func post(_ path: String, _ fields: KeyValuePairs<String, String> = [:], csrf token: String? = nil)
        async throws -> TestResponse
    {
        var pairs = fields.map { ($0.key, $0.value) }
        pairs.append(("csrf", token ?? csrf))
        let body = pairs.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = cookieHeader()
        headers[.contentType] = "application/x-www-form-urlencoded"
        let response = try await client.execute(
            uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    /// POSTs a multipart form with one file.
    @discardableResult
    func upload(_ path: String, fileName: String, contents: String, fields: [String: String] = [:]) async throws
        -> TestResponse
    {
        // Mixed case, as browsers send it: the boundary is case-sensitive.
        let boundary = "----WebKitFormBoundaryVoldirTest7MA4YWxk"
        var body = ""
        for (name, value) in fields.merging(["csrf": csrf], uniquingKeysWith: { a, _ in a }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n"
        body += "Content-Type: text/csv\r\n\r\n\(contents)\r\n--\(boundary)--\r\n"
        var headers = cookieHeader()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let response = try await client.execute(
            uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    /// POSTs JSON with the CSRF token in its header (unless `csrf` is false).
    func postJSON(_ path: String, _ json: String, csrf sendToken: Bool = true) async throws -> TestResponse {
        var headers = cookieHeader()
        headers[.contentType] = "application/json"
        if sendToken { headers[HTTPField.Name("X-CSRF-Token")!] = csrf }
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    private func cookieHeader() -> HTTPFields {
        var headers = HTTPFields()
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }
        return headers
    }

    private func remember(_ response: TestResponse) {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0])
            if pair[1].isEmpty || header.contains("Max-Age=0") {
                cookies[name] = nil
            } else {
                cookies[name] = String(pair[1])
            }
        }
        let text = String(buffer: response.body)
        if let range = text.range(of: "name=\"csrf\" value=\"") {
            let rest = text[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { csrf = String(rest[..<end]) }
        }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
    /// The Location header.
    var location: String? { headers[.location] }
}

/// Polls `condition` until it holds (background jobs), failing after about ten seconds.
func eventually(_ what: String, _ condition: () async throws -> Bool) async throws {
    for _ in 0..<400 {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(25))
    }
    Issue.record("timed out waiting for \(what)")
}
