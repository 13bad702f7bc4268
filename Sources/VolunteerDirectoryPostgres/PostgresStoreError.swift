import Foundation
import PostgresNIO

/// What can go wrong with a PostgreSQL directory, said so that a coordinator (or their IT team)
/// can act on it: each names the server as `host:port/database` and never the password, and none
/// carries a stack trace or a statement's values.
public enum PostgresStoreError: Error, Equatable, CustomStringConvertible {
    /// The `--db` URL could not be read.
    case badURL(String, reason: String)
    /// No server answered at the address.
    case unreachable(PostgresLocation, reason: String)
    /// The server refused the user name or password.
    case badCredentials(PostgresLocation, user: String)
    /// The server has no such database.
    case noDatabase(PostgresLocation)
    /// The database holds no directory yet, and the command only reads.
    case noDirectory(PostgresLocation)
    /// The server is older than voldir supports.
    case unsupportedServer(PostgresLocation, version: String)
    /// The directory was written by a newer voldir.
    case newerSchema(PostgresLocation, migration: String)
    /// The connection was lost; whatever the transaction had written was rolled back.
    case connectionLost(PostgresLocation)
    /// The account or server may only read (a read replica, a read-only role).
    case readOnly(PostgresLocation)
    /// The server refused a statement.
    case refused(PostgresLocation, reason: String)
    /// `voldir backup` or `voldir restore` (`restoring`) on a PostgreSQL directory: the server's own
    /// tools back it up, and the message says which to run, and what a restore must re-apply.
    case serverBackups(PostgresLocation, file: String, restoring: Bool)

    public var description: String {
        switch self {
        case .badURL(let url, let reason):
            return "--db '\(url)': \(reason)"
        case .unreachable(let location, let reason):
            return
                "cannot reach the PostgreSQL server at \(location.host):\(location.port) (database '\(location.database)'): \(reason); check the host and port, and that the server is running"
        case .badCredentials(let location, let user):
            return
                "the PostgreSQL server at \(location.host):\(location.port) refused user '\(user)' for database '\(location.database)': check the user name and password in --db"
        case .noDatabase(let location):
            return
                "the PostgreSQL server at \(location.host):\(location.port) has no database '\(location.database)': create it (createdb -O USER \(location.database)) or correct --db"
        case .noDirectory(let location):
            return
                "no directory in \(location): the database holds no voldir tables yet; import a roster or run 'voldir migrate --db …' first"
        case .unsupportedServer(let location, let version):
            return
                "the PostgreSQL server at \(location.host):\(location.port) (database '\(location.database)') runs version \(version); voldir needs PostgreSQL 15 or later"
        case .newerSchema(let location, let migration):
            return
                "the directory in \(location) was written by a newer voldir (it has migration '\(migration)', which this voldir does not know): upgrade voldir"
        case .connectionLost(let location):
            return
                "lost the connection to the PostgreSQL server at \(location.host):\(location.port) (database '\(location.database)'); nothing of the unfinished change was kept: try again"
        case .readOnly(let location):
            return
                "\(location) may only be read with this account (or is a read replica): nothing was written; use an account that may write, on the primary server"
        case .refused(let location, let reason):
            return "PostgreSQL (\(location)) refused: \(reason)"
        case .serverBackups(let location, let file, restoring: false):
            return
                "voldir does not write backups of a PostgreSQL directory: back up \(location) with the server's own "
                + "tools: pg_dump --format=custom --file='\(file)' '\(location.redactedURL)' (or the server's base "
                + "backups with WAL archiving); nothing was written"
        case .serverBackups(let location, let file, restoring: true):
            let url = location.redactedURL
            return
                "voldir does not restore a PostgreSQL directory: restore a pg_dump of \(location) with the server's "
                + "own tools, then erase again everyone erased since the dump was taken, whom it brings back. "
                + "(1) Save the erasure journal first: psql '\(url)' -c \"\\copy (SELECT DISTINCT volunteer_id FROM "
                + "erasure) TO 'erased.txt'\". (2) pg_restore --clean --if-exists --dbname='\(url)' '\(file)'. "
                + "(3) For each id in erased.txt: voldir forget ID --reason \"re-applied after a restore\" --yes "
                + "--db '\(url)' (a dump keeps volunteer ids, so an id names the same person; 'no volunteer with id' "
                + "means the dump does not hold them). Nothing was restored"
        }
    }

    /// The SQLSTATE of a server error, if `error` is one.
    static func sqlState(of error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// `error`, as thrown by postgres-nio, said for `location`; an error of ours, or of the core,
    /// is returned as it is.
    static func actionable(_ error: any Error, at location: PostgresLocation) -> any Error {
        if let failed = error as? PreparedStatementFailed { return actionable(failed.underlying, at: location) }
        if error is ConnectionClosed { return PostgresStoreError.connectionLost(location) }
        guard let error = error as? PSQLError else { return error }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "an error"
            switch state {
            case "28P01", "28000": return PostgresStoreError.badCredentials(location, user: location.user)
            case "3D000": return PostgresStoreError.noDatabase(location)
            case "57P01", "57P02", "57P03": return PostgresStoreError.connectionLost(location)
            case "25006", "42501": return PostgresStoreError.readOnly(location)
            default: return PostgresStoreError.refused(location, reason: "\(message) (SQLSTATE \(state))")
            }
        case .connectionError:
            return PostgresStoreError.unreachable(location, reason: reason(error.underlying))
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return PostgresStoreError.connectionLost(location)
        case .sslUnsupported:
            return PostgresStoreError.unreachable(
                location, reason: "the server does not offer TLS, which sslmode asks for")
        case .authMechanismRequiresPassword:
            return PostgresStoreError.badCredentials(location, user: location.user)
        default:
            return PostgresStoreError.refused(location, reason: String(describing: error.code))
        }
    }

    /// What NIO's connection error says, in a few words.
    private static func reason(_ underlying: (any Error)?) -> String {
        let text = underlying.map { String(describing: $0) } ?? ""
        let lowered = text.lowercased()
        if lowered.contains("refused") { return "the connection was refused" }
        if lowered.contains("timeout") || lowered.contains("timed out") { return "no answer within 10 seconds" }
        if lowered.contains("resolve") || lowered.contains("getaddrinfo") || lowered.contains("no such host")
            || lowered.contains("name or service")
        {
            return "the host name could not be resolved"
        }
        if lowered.contains("unreachable") { return "the network or host is unreachable" }
        return "the connection failed"
    }

    /// Whether the connection that raised `error` can no longer be used (and must not go back to
    /// the pool).
    static func isConnectionFailure(_ error: any Error) -> Bool {
        if error is ConnectionClosed { return true }
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown: return true
        case .server: return (error.serverInfo?[.sqlState] ?? "").hasPrefix("57P")
        default: return false
        }
    }
}
