import Foundation

/// Where a PostgreSQL directory is: what a `postgres://user:password@host:port/database` (or
/// `postgresql://`) `--db` value says, with libpq's `sslmode` (`disable`, `prefer`, `require`,
/// `verify-full`).
///
/// Its ``description`` names host, port and database and never the password, so it is what every
/// error and log line shows.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is encrypted, as libpq's `sslmode` says it.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Never encrypted.
        case disable
        /// Encrypted when the server offers it (libpq's default).
        case prefer
        /// Always encrypted; the server's certificate is not checked.
        case require
        /// Always encrypted, and the certificate must be valid for the host.
        case verifyFull = "verify-full"
    }

    /// The account voldir connects as.
    public var user: String
    /// Its password, if the URL gives one.
    public var password: String?
    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The database holding the directory.
    public var database: String
    /// How the connection is encrypted.
    public var tls: TLSMode

    /// Checks nothing, unlike ``init(url:)``; defaults to `localhost`, port 5432 and `prefer`, libpq's own TLS mode.
    public init(
        user: String, password: String? = nil, host: String = "localhost", port: Int = 5432, database: String,
        tls: TLSMode = .prefer
    ) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.tls = tls
    }

    /// Whether `value` is meant as a PostgreSQL URL rather than a file path.
    public static func isURL(_ value: String) -> Bool {
        let lowered = value.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://` or `postgresql://` URL. Throws ``PostgresStoreError/badURL(_:reason:)``
    /// naming what is wrong (never the password).
    public init(url value: String) throws {
        guard Self.isURL(value), let components = URLComponents(string: value) else {
            throw PostgresStoreError.badURL(Self.redacted(value), reason: "it is not a postgres:// URL")
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresStoreError.badURL(Self.redacted(value), reason: "it names no host")
        }
        if let port = components.port, !(1...65_535).contains(port) {
            throw PostgresStoreError.badURL(Self.redacted(value), reason: "port \(port) is out of range")
        }
        let user = components.user.flatMap { $0.removingPercentEncoding } ?? ""
        guard !user.isEmpty else {
            throw PostgresStoreError.badURL(
                Self.redacted(value), reason: "it names no user (postgres://USER:PASSWORD@HOST:PORT/DATABASE)")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let database = path.removingPercentEncoding ?? path
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw PostgresStoreError.badURL(
                        Self.redacted(value),
                        reason:
                            "sslmode '\(item.value ?? "")' is not one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                tls = mode
            default:
                throw PostgresStoreError.badURL(
                    Self.redacted(value), reason: "voldir does not understand the URL parameter '\(item.name)'")
            }
        }
        self.init(
            user: user, password: components.password.flatMap { $0.removingPercentEncoding }, host: host,
            port: components.port ?? 5432, database: database.isEmpty ? user : database, tls: tls)
    }

    /// `host:port/database`: what errors and logs name.
    public var description: String { "\(host):\(port)/\(database)" }

    /// The URL again, without the password: safe to show.
    public var redactedURL: String { "postgres://\(user)@\(description)" }

    /// `value` with any password replaced by `***`, for an error about a URL that could not be read.
    static func redacted(_ value: String) -> String {
        guard let schemeEnd = value.range(of: "://"), let at = value[schemeEnd.upperBound...].lastIndex(of: "@") else {
            return value
        }
        let credentials = value[schemeEnd.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return value }
        return String(value[..<colon]) + ":***" + String(value[at...])
    }
}
