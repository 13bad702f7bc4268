import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import Synchronization

/// The connections a store holds to its server: opened when needed, kept idle for the next
/// question, and dropped when the server closed them (a restart costs the one request that was
/// using a connection at that moment, no more).
///
/// Every question is asked synchronously: the caller waits on postgres-nio's futures on its own
/// thread, never on an event loop. The web app's `async` face (``AsyncPostgresDirectory``) asks
/// from NIO's blocking thread pool, so neither the event loops nor the cooperative threads wait.
final class PostgresConnections: Sendable {
    /// Where the server is.
    let location: PostgresLocation
    private let configuration: PostgresConnection.Configuration
    private let idle = Mutex<[PostgresConnection]>([])
    private let nextID = Atomic<Int>(1)

    /// How many idle connections are kept for the next question; more are closed when returned.
    static let keptIdle = 16

    /// postgres-nio's log: nothing of it is written anywhere, because its debug lines carry
    /// statements, and statements can carry personal data.
    static let logger = Logger(label: "voldir.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    init(location: PostgresLocation) throws {
        self.location = location
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: try Self.tls(for: location))
        configuration.options.connectTimeout = .seconds(10)
        self.configuration = configuration
    }

    private static func tls(for location: PostgresLocation) throws -> PostgresConnection.Configuration.TLS {
        switch location.tls {
        case .disable:
            return .disable
        case .prefer, .require:
            // As libpq's 'prefer' and 'require': encrypted, the certificate not checked.
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            let context = try NIOSSLContext(configuration: tls)
            return location.tls == .prefer ? .prefer(context) : .require(context)
        case .verifyFull:
            return .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }

    deinit {
        for connection in idle.withLock({ $0 }) { Self.close(connection) }
    }

    // MARK: - Synchronous

    /// Runs `body` with a connection of its own, waiting on this thread.
    @discardableResult
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try checkOutWaiting()
        do {
            let result = try body(connection)
            checkIn(connection)
            return result
        } catch {
            release(connection, after: error)
            throw PostgresStoreError.actionable(error, at: location)
        }
    }

    /// Runs `body` in one transaction on a connection of its own: committed when it returns
    /// (rolled back instead when `rollingBack`), rolled back when it throws.
    func transaction<T>(rollingBack: Bool = false, _ body: (PostgresConnection) throws -> T) throws -> T {
        try inTransaction(begin: "BEGIN", end: rollingBack ? "ROLLBACK" : "COMMIT", body)
    }

    /// Runs `body`'s reads in one read-only snapshot: every statement sees the directory as it was
    /// when the first ran, before or after any import, never half of one.
    func snapshot<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try inTransaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", end: "COMMIT", body)
    }

    /// `begin`, then `body`, then `end` when it returns, or a rollback when it throws.
    private func inTransaction<T>(
        begin: PostgresQuery, end: PostgresQuery, _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        try withConnection { connection in
            try connection.run(begin)
            do {
                let result = try body(connection)
                try connection.run(end)
                return result
            } catch {
                Self.rollBack(connection, after: error)
                throw error
            }
        }
    }

    /// Ends a failed transaction. Not on a connection the failure closed: the server has rolled
    /// the transaction back already, and a statement sent there would wait for an answer that
    /// never comes.
    private static func rollBack(_ connection: PostgresConnection, after error: any Error) {
        guard !connection.isClosed, !PostgresStoreError.isConnectionFailure(error) else { return }
        _ = try? connection.run("ROLLBACK")
    }

    private func checkOutWaiting() throws -> PostgresConnection {
        if let connection = takeIdle() { return connection }
        do {
            let connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                id: nextID.add(1, ordering: .relaxed).oldValue, logger: Self.logger
            ).wait()
            // voldir asks many small questions: a page of results is a few hundred rows found by
            // index. The planner judged some of them (a union over four tables) worth parallel
            // workers, and starting the workers took 8 ms of a query that takes 3 ms alone.
            do {
                try connection.run("SET max_parallel_workers_per_gather = 0")
            } catch {
                Self.close(connection)
                throw error
            }
            return connection
        } catch {
            throw PostgresStoreError.actionable(error, at: location)
        }
    }

    // MARK: - The pool

    private func takeIdle() -> PostgresConnection? {
        idle.withLock { idle in
            while let connection = idle.popLast() {
                if !connection.isClosed { return connection }
            }
            return nil
        }
    }

    private func checkIn(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return }
        let kept = idle.withLock { idle in
            guard idle.count < Self.keptIdle else { return false }
            idle.append(connection)
            return true
        }
        if !kept { Self.close(connection) }
    }

    /// Returns a connection after `error`: to the pool when it is still sound, closed otherwise
    /// (also after a prepared statement failed: see ``PreparedStatementFailed``).
    private func release(_ connection: PostgresConnection, after error: any Error) {
        if PostgresStoreError.isConnectionFailure(error) || error is PreparedStatementFailed {
            Self.close(connection)
        } else {
            checkIn(connection)
        }
    }

    /// Closes every idle connection (those in use close when they come back).
    func closeIdle() {
        for connection in idle.withLock({ idle in
            defer { idle.removeAll() }
            return idle
        }) {
            Self.close(connection)
        }
    }

    /// Closes `connection` without waiting, keeping it alive until it has closed (postgres-nio
    /// asks that a connection be closed before it goes).
    private static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }
}

extension PostgresConnection {
    /// Runs `query` and waits for all its rows: for the synchronous interfaces only (never on an
    /// event loop). Should the connection close first (the server restarted, or ended this
    /// session), the wait ends with the failure at once: a statement sent to a connection that
    /// is closing is otherwise never answered.
    @discardableResult
    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try waitUnlessClosed(self.query(query, logger: PostgresConnections.logger))
    }

    /// Sends `rows` to their table with `COPY … FROM STDIN` and waits until the server has taken
    /// them: for the synchronous interfaces only, as ``run(_:)``. One round trip for any number
    /// of rows, where an `INSERT` costs one per few thousand values.
    func copy(_ rows: CopyRows) throws {
        guard !rows.isEmpty else { return }
        let (table, columns, data) = (rows.table, rows.columns, rows.data)
        try wait {
            try await self.copyFrom(table: table, columns: columns, logger: PostgresConnections.logger) { writer in
                try await writer.write(data)
            }
        }
    }

    /// Runs `body`, which calls postgres-nio's `async` interfaces on this connection, on the
    /// connection's own event loop (see ``EventLoopTaskExecutor`` for why not the pool), and
    /// waits for it as ``run(_:)`` waits for a query.
    func wait<T: Sendable>(for body: @escaping @Sendable () async throws -> T) throws -> T {
        let answered = eventLoop.makePromise(of: T.self)
        Task(executorPreference: EventLoopTaskExecutor(eventLoop)) {
            do {
                answered.succeed(try await body())
            } catch {
                answered.fail(error)
            }
        }
        return try waitUnlessClosed(answered.futureResult)
    }

    /// Waits for `answered`, or for the connection to close first, whichever comes first.
    func waitUnlessClosed<T: Sendable>(_ answered: EventLoopFuture<T>) throws -> T {
        let outcome = answered.eventLoop.makePromise(of: T.self)
        let settled = NIOLockedValueBox(false)
        let settle: @Sendable (Result<T, any Error>) -> Void = { result in
            guard
                settled.withLockedValue({ done in
                    defer { done = true }
                    return !done
                })
            else { return }
            outcome.completeWith(result)
        }
        let ticket = UnansweredStatements.shared.add(on: self) { error in settle(.failure(error)) }
        answered.whenComplete { result in
            UnansweredStatements.shared.answered(ticket, on: self)
            settle(result)
        }
        return try outcome.futureResult.wait()
    }
}

/// The connection closed before a statement was answered.
struct ConnectionClosed: Error {}
