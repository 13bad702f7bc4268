import NIOCore
import PostgresNIO
import Synchronization

/// The statements sent on each open connection and not yet answered, so that they can be failed
/// at once should the connection close first: postgres-nio never answers a statement sent to a
/// connection that is closing.
///
/// One watch on each connection's close, kept while it is open: a watch per statement (as there
/// was) stayed on the connection's close future until the connection closed, and held every
/// answer with it: a pooled connection that lived for the web app's whole run kept about 67 KB
/// for each search it served.
final class UnansweredStatements: Sendable {
    /// Every connection's.
    static let shared = UnansweredStatements()

    /// One connection's statements waiting for an answer, by ticket.
    private struct Waiting {
        weak var connection: PostgresConnection?
        var failures: [Int: @Sendable (any Error) -> Void] = [:]
    }

    private let waiting = Mutex<[ObjectIdentifier: Waiting]>([:])
    private let lastTicket = Atomic<Int>(0)

    /// Holds `fail` until ``answered(_:on:)`` gives its ticket back, calling it should
    /// `connection` close first.
    func add(on connection: PostgresConnection, fail: @escaping @Sendable (any Error) -> Void) -> Int {
        let key = ObjectIdentifier(connection)
        let ticket = lastTicket.add(1, ordering: .relaxed).newValue
        let watched = waiting.withLock { waiting in
            // A connection at the address of one gone (unclosed) is another: watched afresh.
            let watched = waiting[key]?.connection === connection
            if !watched { waiting[key] = Waiting(connection: connection) }
            waiting[key]?.failures[ticket] = fail
            return watched
        }
        if !watched {
            connection.closeFuture.whenComplete { _ in
                let failures = self.waiting.withLock { waiting -> [@Sendable (any Error) -> Void] in
                    guard waiting[key]?.connection === connection || waiting[key]?.connection == nil else { return [] }
                    return waiting.removeValue(forKey: key).map { Array($0.failures.values) } ?? []
                }
                for fail in failures { fail(ConnectionClosed()) }
            }
        }
        return ticket
    }

    /// Forgets the statement `ticket` stood for: it was answered.
    func answered(_ ticket: Int, on connection: PostgresConnection) {
        let key = ObjectIdentifier(connection)
        waiting.withLock { waiting in
            guard waiting[key]?.connection === connection else { return }
            waiting[key]?.failures[ticket] = nil
        }
    }

    /// How many statements wait on `connection` (on every connection when `nil`): for tests.
    func count(on connection: PostgresConnection?) -> Int {
        waiting.withLock { waiting in
            waiting.values.filter { connection == nil || $0.connection === connection }.reduce(0) {
                $0 + $1.failures.count
            }
        }
    }
}
