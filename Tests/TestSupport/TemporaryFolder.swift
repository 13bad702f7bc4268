import Foundation

/// A new folder under the system's temporary folder, removed with everything in it when the
/// value goes away.
///
/// A test suite that is a structure holds one as a stored property: Swift Testing makes a new
/// suite value for each test and lets it go when the test ends, so no test leaves directories
/// of made-up people behind in `/tmp`.
public final class TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL

    /// Creates the folder, named `prefix` and a fresh UUID.
    public init(prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
