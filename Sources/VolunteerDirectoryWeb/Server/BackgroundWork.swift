import Foundation

/// Runs blocking work (an import, a matching run, a bcrypt hash) on a Dispatch queue while the
/// caller suspends, so that neither an event loop nor the cooperative thread pool is held.
enum BackgroundWork {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
        }
    }
}
