import Foundation
import Synchronization
import VolunteerDirectoryPostgres

/// The PostgreSQL server the tests may use: `VOLDIR_TEST_POSTGRES`, a `postgres://` URL of an
/// account that may create databases (`.ci/run` starts one with `.ci/postgres-cluster`). Each
/// directory a test makes gets a database of its own, dropped after. Without the variable, the
/// tests that need a server are not run.
public enum PostgresTestServer {
    /// The server, when `VOLDIR_TEST_POSTGRES` names one.
    public static let location: PostgresLocation? = {
        guard let url = ProcessInfo.processInfo.environment["VOLDIR_TEST_POSTGRES"], !url.isEmpty else { return nil }
        return try? PostgresLocation(url: url)
    }()

    /// Whether a server is there to test against.
    public static var isAvailable: Bool { location != nil }

    /// A new, empty database on the server.
    public static func freshDatabase() throws -> PostgresLocation {
        guard var server = location else {
            throw PostgresStoreError.badURL("", reason: "VOLDIR_TEST_POSTGRES is not set")
        }
        let name = "voldir_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try PostgresAdministration.createDatabase(named: name, on: server)
        server.database = name
        return server
    }

    /// Drops `database` once every store registered for it (`store`, and any given later) has
    /// gone. A test's last use of a store can come after its last use of whatever made it (Swift
    /// may release an object after its last use, not at the end of its scope): dropping the
    /// database when the maker goes would end the sessions of a test still running.
    public static func drop(_ database: PostgresLocation, whenGone store: AnyObject) {
        let box = WeakReference(store)
        pending.withLock { $0.append((box, database.database)) }
        sweep()
    }

    /// Drops the databases whose stores have all gone.
    public static func sweep() {
        let gone: [String] = pending.withLock { pending in
            let live = Set(pending.filter { $0.store.object != nil }.map(\.database))
            let gone = Set(pending.map(\.database)).subtracting(live)
            pending.removeAll { gone.contains($0.database) }
            return gone.sorted()
        }
        guard let server = location else { return }
        for name in gone { try? PostgresAdministration.dropDatabase(named: name, on: server) }
    }

    private static let pending = Mutex<[(store: WeakReference, database: String)]>([])

    /// Drops a database ``freshDatabase()`` made, at once.
    public static func drop(_ database: PostgresLocation) throws {
        guard let server = location else { return }
        try PostgresAdministration.dropDatabase(named: database.database, on: server)
    }

    /// The URL of `database`, password included: what a test passes as `--db`.
    public static func url(of database: PostgresLocation) -> String {
        let credentials =
            database.user
            + (database.password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) }
                ?? "")
        return
            "postgres://\(credentials)@\(database.host):\(database.port)/\(database.database)?sslmode=\(database.tls.rawValue)"
    }
}

/// A reference that does not keep its object alive.
final class WeakReference: @unchecked Sendable {
    weak var object: AnyObject?

    init(_ object: AnyObject) {
        self.object = object
    }
}
