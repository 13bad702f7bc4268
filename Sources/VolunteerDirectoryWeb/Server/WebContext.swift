import Foundation
import Hummingbird
import VolunteerDirectory

/// What a request carries through the app: who is signed in, and the form it sent, read and
/// CSRF-checked by ``SessionMiddleware`` before any handler sees it.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account, if any.
    public var account: Account?
    /// Their session.
    public var session: WebSession?
    /// The fields of a POSTed form (URL-encoded or multipart), already checked for the CSRF token.
    public var form = FormValues()
    /// The file a multipart form uploaded, if any.
    public var upload: UploadedFile?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// The account, or a redirect to the sign-in page (the API answers 401).
    func signedIn() throws -> Account {
        guard let account else { throw WebError.notSignedIn }
        return account
    }

    /// The account when its role is at least `role`; 403 otherwise.
    func requiring(_ role: AccountRole) throws -> Account {
        let account = try signedIn()
        guard account.role >= role else { throw WebError.forbidden }
        return account
    }

    /// The CSRF token forms on this page must carry.
    var csrfToken: String { session?.csrfToken ?? "" }
}

/// A file uploaded through a form.
public struct UploadedFile: Sendable {
    /// The name the browser gave it (its last path component only).
    public var fileName: String
    /// Its bytes.
    public var bytes: [UInt8]
}

/// Why a request was refused, turned into a page or a JSON error by ``ErrorPageMiddleware``.
enum WebError: Error {
    case notSignedIn
    case forbidden
    case notFound
    case badRequest(String)
    case tooLarge(limit: Int)
    case csrf
}
