import Foundation

/// Writes text to a file through a buffer, so generating millions of rows stays fast and small.
final class BufferedOutput {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw GenerationError.cannotWrite(path)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw GenerationError.cannotWrite(path) }
        self.handle = handle
        buffer.reserveCapacity(capacity + 4096)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try handle.close()
    }
}

/// Why generated data could not be written.
public enum GenerationError: Error, LocalizedError, CustomStringConvertible {
    /// The output file could not be created.
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path): "cannot create '\(path)'; check the folder exists and can be written"
        }
    }

    public var errorDescription: String? { description }
}
