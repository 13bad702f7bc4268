import Foundation
import Synchronization

/// Runs `work` on two threads at once and returns what each run gave, in order: for the
/// guarantees that must hold when two coordinators act at the same moment.
func concurrently<T: Sendable>(_ work: @escaping @Sendable (Int) throws -> T) -> [Result<T, any Error>] {
    let results = Mutex<[Int: Result<T, any Error>]>([:])
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        let result = Result { try work(index) }
        results.withLock { $0[index] = result }
    }
    return results.withLock { done in (0..<2).compactMap { done[$0] } }
}
