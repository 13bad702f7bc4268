import PostgresNIO

/// The text of a statement that the app server makes on every request (the session, the
/// directory's state, the people on a page of results), prepared once on each connection under
/// its name, so the server parses and plans it once per connection rather than once per request.
///
/// Under load (`pg_stat_statements`, 16 clients on `/api/search`) planning these took 1.2 ms of
/// the database's time a request, the union that reads the people's details half of it. A
/// prepared statement's text is fixed: only statements whose shape does not depend on the
/// request belong here.
protocol PreparedText: Sendable {
    /// The statement's name on the connection, unique among voldir's.
    static var name: String { get }
    /// The statement, its values as `$1`, `$2`, ….
    static var sql: String { get }
    /// The types of `$1`, `$2`, …, declared rather than taken from the first values bound (a
    /// NULL there would leave a type unknown for the connection's life).
    static var parameterTypes: [PostgresDataType] { get }
}

/// `Text`'s statement with its values bound, run by ``PostgresNIO/PostgresConnection/run(_:)-(Prepared<Text>)``.
struct Prepared<Text: PreparedText>: PostgresPreparedStatement {
    typealias Row = PostgresRow

    static var name: String { Text.name }
    static var sql: String { Text.sql }
    static var bindingDataTypes: [PostgresDataType] { Text.parameterTypes }

    /// The values for `$1`, `$2`, …, in order.
    let bindings: PostgresBindings

    init(_ bindings: PostgresBindings = PostgresBindings()) {
        self.bindings = bindings
    }

    func makeBindings() -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}

/// A prepared statement failed for a reason other than its connection. postgres-nio keeps a
/// failed preparation for the statement's name on that connection, and cannot tell a statement
/// the server has forgotten (`DISCARD ALL`, a pooler in transaction mode) from one it holds, so
/// the connection is closed rather than used again (``PostgresConnections``); what is said is
/// `underlying`'s message.
struct PreparedStatementFailed: Error {
    let underlying: any Error
}

extension PostgresConnection {
    /// Runs `statement` (preparing it first, once per connection) and waits for all its rows: for
    /// the synchronous interfaces only, as ``run(_:)-(PostgresQuery)``. A failure other than the
    /// connection's is thrown as ``PreparedStatementFailed``.
    func run<Text>(_ statement: Prepared<Text>) throws -> [PostgresRow] {
        do {
            // postgres-nio runs prepared statements only from `async` code.
            return try wait {
                var rows: [PostgresRow] = []
                for try await row in try await self.execute(statement, logger: PostgresConnections.logger) {
                    rows.append(row)
                }
                return rows
            }
        } catch  where !PostgresStoreError.isConnectionFailure(error) {
            throw PreparedStatementFailed(underlying: error)
        }
    }
}
