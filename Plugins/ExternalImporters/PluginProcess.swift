import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs an external plugin's executable as protocol 1 asks: in a folder given, standard input
/// closed, never past a time limit, and stopped together with whatever it started.
///
/// Foundation's `Process` starts the plugin in a process group of its own, so stopping the group
/// stops its children too. Both output pipes are read on the calling thread with `poll`, so a
/// plugin that fills its standard error cannot block on it, and nothing here needs another
/// thread: imports call plugins synchronously from their reading thread.
struct PluginProcess: Sendable {
    /// How a run ended, when it did not end with exit status 0.
    enum Failure: Error, Equatable {
        /// The plugin could not be started.
        case couldNotStart(String)
        /// It exited with a non-zero status.
        case exited(Int32)
        /// It was ended by a signal.
        case signalled(Int32)
        /// It ran past its time limit and was stopped.
        case timedOut(Duration)
        /// It printed a line longer than the limit.
        case lineTooLong(Int)

        /// What happened, as the end of a sentence that starts with the plugin's name.
        var explanation: String {
            switch self {
            case .couldNotStart(let reason): "could not be started (\(reason))"
            case .exited(let status): "exited with status \(status) before the file was read"
            case .signalled(let signal): "was stopped by signal \(signal) before the file was read"
            case .timedOut(let limit):
                "ran past its time limit of \(Self.seconds(limit)) and was stopped (see --plugin-timeout)"
            case .lineTooLong(let limit): "printed a line longer than \(limit / (1 << 20)) MiB"
            }
        }

        private static func seconds(_ duration: Duration) -> String {
            let seconds = duration.components.seconds
            if seconds == 0 { return "\(duration.components.attoseconds / 1_000_000_000_000_000) ms" }
            return seconds % 60 == 0 ? "\(seconds / 60) minute(s)" : "\(seconds) s"
        }
    }

    /// The longest line a plugin may print on standard output (a record) or standard error.
    static let maximumLineLength = 16 << 20
    /// How long a plugin asked to stop (SIGTERM) has before it is killed.
    static let gracePeriod: Duration = .seconds(2)

    let executable: String
    let arguments: [String]
    let workingDirectory: String?
    let timeLimit: Duration

    /// Runs the plugin, handing each line of its standard output to `onOutput` and each line of
    /// its standard error to `onMessage`, in the order they arrive. Returns when the plugin has
    /// exited with status 0; throws a ``Failure`` otherwise, or the error `onOutput` threw (the
    /// plugin is then stopped).
    func run(onOutput: (String) throws -> Void, onMessage: (String) -> Void) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let messages = Pipe()
        process.standardOutput = output
        process.standardError = messages
        do {
            try process.run()
        } catch {
            throw Failure.couldNotStart(error.localizedDescription)
        }
        // The write ends belong to the plugin now: closing ours lets end-of-file arrive.
        try? output.fileHandleForWriting.close()
        try? messages.fileHandleForWriting.close()
        let deadline = ContinuousClock.now + timeLimit
        do {
            try drain(
                output: output.fileHandleForReading.fileDescriptor,
                messages: messages.fileHandleForReading.fileDescriptor,
                until: deadline, onOutput: onOutput, onMessage: onMessage)
            try waitForExit(process, until: deadline)
        } catch {
            stop(process)
            throw error
        }
        switch process.terminationReason {
        case .exit where process.terminationStatus == 0: return
        case .exit: throw Failure.exited(process.terminationStatus)
        case .uncaughtSignal: throw Failure.signalled(process.terminationStatus)
        @unknown default: throw Failure.exited(process.terminationStatus)
        }
    }

    /// Runs the plugin and collects its standard output (for `--describe` and `--recognise`).
    func collect() throws -> String {
        var lines: [String] = []
        try run(onOutput: { lines.append($0) }, onMessage: { _ in })
        return lines.joined(separator: "\n")
    }

    // MARK: - Helpers

    /// Reads both pipes to their end, handing each complete line to its handler.
    private func drain(
        output: Int32, messages: Int32, until deadline: ContinuousClock.Instant, onOutput: (String) throws -> Void,
        onMessage: (String) -> Void
    ) throws {
        let descriptors = [output, messages]
        func handle(_ line: String, from index: Int) throws {
            if index == 0 { try onOutput(line) } else { onMessage(line) }
        }
        var polled = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        var buffers = descriptors.map { _ in LineBuffer(limit: Self.maximumLineLength) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var open = descriptors.count
        while open > 0 {
            let remaining = deadline - .now
            guard remaining > .zero else { throw Failure.timedOut(timeLimit) }
            let wait = Int32(
                min(
                    1_000,
                    max(
                        1,
                        remaining.components.seconds * 1_000 + remaining.components.attoseconds / 1_000_000_000_000_000)
                ))
            let ready = poll(&polled, nfds_t(polled.count), wait)
            if ready < 0, errno != EINTR {
                throw Failure.couldNotStart("its output could not be read (error \(errno))")
            }
            guard ready > 0 else { continue }
            for index in polled.indices where polled[index].fd >= 0 && polled[index].revents != 0 {
                let count = chunk.withUnsafeMutableBytes { read(polled[index].fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                if count <= 0 {
                    polled[index].fd = -1  // poll passes over negative descriptors
                    open -= 1
                    if let last = buffers[index].remainder() { try handle(last, from: index) }
                    continue
                }
                for line in try buffers[index].append(chunk[0..<count]) { try handle(line, from: index) }
            }
        }
    }

    /// Waits for the plugin to exit once its output has ended, within the deadline.
    private func waitForExit(_ process: Process, until deadline: ContinuousClock.Instant) throws {
        while process.isRunning {
            guard ContinuousClock.now < deadline else { throw Failure.timedOut(timeLimit) }
            usleep(5_000)
        }
    }

    /// Asks the plugin's whole process group to stop, then kills it after the grace period.
    private func stop(_ process: Process) {
        let group = process.processIdentifier
        guard group > 0 else { return }
        kill(-group, SIGTERM)
        let killAt = ContinuousClock.now + Self.gracePeriod
        while process.isRunning, ContinuousClock.now < killAt { usleep(10_000) }
        kill(-group, SIGKILL)
        process.waitUntilExit()
    }
}

/// Bytes read from a pipe, cut into lines at `\n` (a `\r` before it is dropped), with a limit on
/// how long one line may grow.
struct LineBuffer {
    let limit: Int
    private var pending: [UInt8] = []

    init(limit: Int) { self.limit = limit }

    /// Adds bytes; returns the lines they complete.
    mutating func append(_ bytes: ArraySlice<UInt8>) throws(PluginProcess.Failure) -> [String] {
        var lines: [String] = []
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            pending.append(contentsOf: bytes[start..<newline])
            lines.append(Self.text(pending))
            pending.removeAll(keepingCapacity: true)
            start = newline + 1
        }
        pending.append(contentsOf: bytes[start...])
        guard pending.count <= limit else { throw .lineTooLong(limit) }
        return lines
    }

    /// What is left after the last line end, if anything.
    func remainder() -> String? {
        pending.isEmpty ? nil : Self.text(pending)
    }

    private static func text(_ bytes: [UInt8]) -> String {
        let trimmed = bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes[...]
        return String(decoding: trimmed, as: UTF8.self)
    }
}
