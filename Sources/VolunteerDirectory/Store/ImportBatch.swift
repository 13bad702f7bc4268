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
    /// When the file was last changed (its modification time): a roster's date. A roster ends
    /// only listings last listed by a roster no newer than itself, so an older copy imported after
    /// a newer one takes no one off.
    public var fileDate: Date?

    /// Give `source` and `sequence` for a sequenced feed only, and `fileDate` when the file's time is known.
    public init(
        fileName: String, sha256: String, plugin: String, importedAt: Date, counts: ImportCounts,
        source: String? = nil, sequence: Int? = nil, fileDate: Date? = nil
    ) {
        self.fileName = fileName
        self.sha256 = sha256
        self.plugin = plugin
        self.importedAt = importedAt
        self.counts = counts
        self.source = source
        self.sequence = sequence
        self.fileDate = fileDate
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
    /// People taken off a roster: a roster that no longer lists them, or a listing id the roster
    /// gave to someone else. Their membership of the roster's network ended.
    public var ended = 0
    /// Records of people forgotten at their request (``ErasureStore``): not imported.
    public var suppressed = 0

    /// Creates zero counts.
    public init() {}
}
