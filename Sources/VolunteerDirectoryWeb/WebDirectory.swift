import Foundation
import VolunteerDirectory

/// What the web app works with: the directory through the core's interfaces, and the installed
/// importers. The server never sees which engine keeps the directory.
public struct WebDirectory: Sendable {
    /// Reads, each suspending rather than blocking.
    public var reader: any DirectoryReader
    /// Needs typed into forms, proposals confirmed or declined.
    public var editor: any DirectoryEditor
    /// Accounts, sessions and sign-in failures.
    public var accounts: any AccountStore
    /// Where every read or change of personal data is recorded.
    public var audit: any AuditLog
    /// The directory's settings (how long a DBS check counts, for matching).
    public var settings: any SettingsStore
    /// The directory as imports and matching runs use it: only ever from a background job's own
    /// thread (``BackgroundWork``), never from a request handler.
    public var store: any DirectoryStore
    /// The importer plugins an upload is read with.
    public var importers: ImporterRegistry

    /// Bundles the interfaces of one directory.
    public init(
        reader: any DirectoryReader, editor: any DirectoryEditor, accounts: any AccountStore, audit: any AuditLog,
        settings: any SettingsStore, store: any DirectoryStore, importers: ImporterRegistry
    ) {
        self.reader = reader
        self.editor = editor
        self.accounts = accounts
        self.audit = audit
        self.settings = settings
        self.store = store
        self.importers = importers
    }
}

/// How the server is run.
public struct WebConfiguration: Sendable {
    /// The address to listen on; loopback unless a reverse proxy on another host forwards to it.
    public var host: String
    /// The port; 0 asks the system for a free one.
    public var port: Int
    /// The largest upload accepted, in bytes (50 MB unless set).
    public var uploadLimit: Int
    /// Whether the app is served over TLS, directly or by a reverse proxy that says so with
    /// `X-Forwarded-Proto: https`: then cookies are `Secure`. Proxies' headers are believed only
    /// when this is set.
    public var behindTLSProxy: Bool
    /// How long a session lasts without signing in again.
    public var sessionLifetime: TimeInterval
    /// Failed sign-ins for one account name within ``signInWindow`` before more are refused.
    public var signInAttempts: Int
    /// The window failed sign-ins are counted over, and how long an account stays throttled.
    public var signInWindow: TimeInterval
    /// The bcrypt cost passwords are hashed with (each step doubles the work).
    public var bcryptCost: UInt8
    /// Where uploads wait between their dry run and the coordinator's confirmation (private to
    /// this user; emptied as each import ends).
    public var uploadFolder: URL

    /// The defaults: loopback:8080, 50 MB uploads, 8-hour sessions, 5 failures in 15 minutes.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, uploadLimit: Int = 50 * 1024 * 1024,
        behindTLSProxy: Bool = false, sessionLifetime: TimeInterval = 8 * 3600, signInAttempts: Int = 5,
        signInWindow: TimeInterval = 15 * 60, bcryptCost: UInt8 = 12,
        uploadFolder: URL = FileManager.default.temporaryDirectory.appendingPathComponent(
            "voldir-uploads-\(UUID().uuidString)")
    ) {
        self.host = host
        self.port = port
        self.uploadLimit = uploadLimit
        self.behindTLSProxy = behindTLSProxy
        self.sessionLifetime = sessionLifetime
        self.signInAttempts = signInAttempts
        self.signInWindow = signInWindow
        self.bcryptCost = bcryptCost
        self.uploadFolder = uploadFolder
    }
}
