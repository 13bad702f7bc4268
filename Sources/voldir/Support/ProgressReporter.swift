import Foundation
import Synchronization

/// Shows how far a long import has got, on standard error, only when standard error is a terminal
/// and the file is large enough for it to matter.
final class ProgressReporter: Sendable {
    private let label: String
    private let enabled: Bool
    /// The percentage last shown; -1 before any.
    private let lastPercent = Mutex(-1)

    /// Files smaller than this import too fast to need a progress line.
    static let threshold: Int64 = 4 << 20

    init(label: String, size: Int64) {
        self.label = label
        enabled = size >= Self.threshold && isatty(STDERR_FILENO) == 1
    }

    func update(_ done: Int64, of total: Int64) {
        guard enabled, total > 0 else { return }
        let percent = Int(min(100, done * 100 / total))
        let changed = lastPercent.withLock { last in
            defer { last = percent }
            return last != percent
        }
        guard changed else { return }
        let megabytes = { (bytes: Int64) in String(format: "%.1f", Double(bytes) / 1_048_576) }
        // Reading ends before writing does: a large file then spends a while on the last records
        // and on building its search indexes, which should not look like a hang at 100%.
        let line =
            percent == 100
            ? "\(label): all \(megabytes(total)) MB read; writing the last records and updating the search indexes..."
            : "\(label): \(percent)% (\(megabytes(done)) of \(megabytes(total)) MB)"
        FileHandle.standardError.write(Data("\r\(line)\u{1B}[K".utf8))
    }

    func finish() {
        guard enabled else { return }
        if lastPercent.withLock({ $0 }) >= 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
