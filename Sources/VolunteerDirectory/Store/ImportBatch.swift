import Foundation

/// A recorded import: which file, read by which plugin, when, and what it changed.
public struct ImportBatch: Sendable, Hashable, Codable {
    /// The file name as given.
    public var fileName: String
    /// The SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    /// The plugin that read it.
    public var plugin: String
    /// When it was imported.
    public var importedAt: Date
    /// The counts.
    public var counts: ImportCounts
    /// The feed's source, for sequenced feeds.
    public var source: String?
    /// The feed's sequence, for sequenced feeds.
    public var sequence: Int?

    /// Creates a batch record.
    public init(
        fileName: String, sha256: String, plugin: String, importedAt: Date, counts: ImportCounts,
        source: String? = nil, sequence: Int? = nil
    ) {
        self.fileName = fileName
        self.sha256 = sha256
        self.plugin = plugin
        self.importedAt = importedAt
        self.counts = counts
        self.source = source
        self.sequence = sequence
    }
}

/// What an import did, record by record.
public struct ImportCounts: Sendable, Hashable, Codable {
    /// Records that added something new to the directory.
    public var created = 0
    /// Records that changed something held.
    public var updated = 0
    /// Records that matched what was held.
    public var unchanged = 0
    /// Records that could not be read.
    public var rejected = 0
    /// People erased on withdrawal.
    public var erased = 0

    /// Creates zero counts.
    public init() {}
}
