import Foundation
import Hummingbird
import Logging
import VolunteerDirectory

/// The coordinators' web app: builds the router over a ``WebDirectory`` and runs it.
///
/// ```swift
/// let app = WebApp(directory: directory, configuration: WebConfiguration(port: 8080))
/// try await app.run(onListening: { print("Listening on", $0) })
/// ```
public struct WebApp: Sendable {
    let state: WebState

    /// Sets up what every route shares (audit trail, background jobs); nothing listens until ``run(onListening:)``.
    public init(directory: WebDirectory, configuration: WebConfiguration) {
        state = WebState(directory: directory, configuration: configuration)
    }

    /// Every page and API route, behind the error, security-header and session middleware.
    public func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: ErrorPageMiddleware(configuration: state.configuration))
        router.add(
            middleware: SessionMiddleware(accounts: state.directory.accounts, configuration: state.configuration))
        StaticRoutes().register(on: router)
        SignInRoutes(state: state).register(on: router)
        SearchRoutes(state: state).register(on: router)
        VolunteerRoutes(state: state).register(on: router)
        VocabularyRoutes(state: state).register(on: router)
        NeedRoutes(state: state).register(on: router)
        ImportRoutes(state: state).register(on: router)
        MatchRoutes(state: state).register(on: router)
        AccountRoutes(state: state).register(on: router)
        return router
    }

    /// The Hummingbird application on the configured address; `onListening` is told the port.
    public func application(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol
    {
        Application(
            router: router(),
            configuration: .init(
                address: .hostname(state.configuration.host, port: state.configuration.port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? state.configuration.port) },
            logger: Self.logger)
    }

    /// Serves until SIGINT or SIGTERM, then deletes uploads still waiting for confirmation and
    /// writes the audit entries still queued (also when the server stopped on an error).
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        do {
            try await application(onListening: onListening).runService()
        } catch {
            await state.jobs.removeUploads()
            await state.trail.flush()
            throw error
        }
        await state.jobs.removeUploads()
        await state.trail.flush()
    }

    /// Waits until every audit entry queued so far is written: for tests.
    public func flushAudit() async { await state.trail.flush() }

    /// Requests are logged at notice level and above only: Hummingbird's request logging would
    /// otherwise print URLs, which may carry search terms.
    static var logger: Logger {
        var logger = Logger(label: "voldir.serve")
        logger.logLevel = .notice
        return logger
    }
}
