import Logging
import PostgresNIO
import VolunteerDirectoryPostgres

extension PostgresLocation {
    /// A plain connection to `database` on this server (this location's own when `nil`): for a
    /// test that looks under the store, as an administrator with psql would.
    func connect(to database: String? = nil) async throws -> PostgresConnection {
        try await PostgresConnection.connect(
            configuration: .init(
                host: host, port: port, username: user, password: password, database: database ?? self.database,
                tls: .disable),
            id: 1, logger: Logger(label: "test"))
    }
}
