import Crypto
import Foundation
import Synchronization

/// How the user asked for an import to be run.
public struct ImportRequest: Sendable {
    /// Options the plugins honour.
    public var options: ImportOptions
    /// A plugin to use instead of sniffing (`--plugin`).
    public var plugin: String?
    /// Whether any rejected record fails the whole file (`--strict`).
    public var strict: Bool
    /// Whether to report what would change and write nothing (`--dry-run`).
    public var dryRun: Bool
    /// Whether to import a feed that is not newer than the last from its source (`--force`).
    public var force: Bool
    /// Whether the file lists only some members of its rosters (`--partial`): then no one it
    /// leaves out is taken off. Without it a roster is its network's whole list of members.
    public var partial: Bool

    /// By default: sniff the plugin, import despite rejected records, write for real, and take each roster as whole.
    public init(
        options: ImportOptions = ImportOptions(), plugin: String? = nil, strict: Bool = false, dryRun: Bool = false,
        force: Bool = false, partial: Bool = false
    ) {
        self.options = options
        self.plugin = plugin
        self.strict = strict
        self.dryRun = dryRun
        self.force = force
        self.partial = partial
    }
}

/// What importing one file did.
public struct FileImportReport: Sendable, Codable {
    /// The file as the user named it.
    public var file: String
    /// The plugin that read it.
    public var plugin: String
    /// The counts.
    public var counts: ImportCounts
    /// The records that could not be read.
    public var rejected: [Rejection]
    /// Things worth attention.
    public var warnings: [ImportWarning]
    /// When this exact file was imported before, if it was (then nothing was applied).
    public var previouslyImported: Date?
    /// Whether this was a dry run (nothing was written).
    public var dryRun: Bool
    /// The people each roster no longer lists, taken off it (``ImportCounts/ended`` in all).
    public var departures: [RosterDeparture]
    /// Where the records of people forgotten at their request were: not imported
    /// (``ImportCounts/suppressed`` in all).
    public var suppressed: [SourceLocation]

    private enum CodingKeys: String, CodingKey {
        case file, plugin, created, updated, unchanged, erased, ended, departures, rejected, warnings,
            previouslyImported, dryRun
        case suppressed, suppressedRecords
    }

    private struct SuppressedRecord: Codable {
        var file: String
        var line: Int
        var column: Int?
    }

    private struct RejectedLine: Codable {
        var line: Int
        var column: Int?
        var sheet: String?
        var reason: String
    }

    /// The defaults suit a new file applied for real that took no one off and met no one forgotten.
    public init(
        file: String, plugin: String, counts: ImportCounts, rejected: [Rejection], warnings: [ImportWarning],
        previouslyImported: Date? = nil, dryRun: Bool = false, departures: [RosterDeparture] = [],
        suppressed: [SourceLocation] = []
    ) {
        self.departures = departures
        self.suppressed = suppressed
        self.file = file
        self.plugin = plugin
        self.counts = counts
        self.rejected = rejected
        self.warnings = warnings
        self.previouslyImported = previouslyImported
        self.dryRun = dryRun
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(plugin, forKey: .plugin)
        try container.encode(counts.created, forKey: .created)
        try container.encode(counts.updated, forKey: .updated)
        try container.encode(counts.unchanged, forKey: .unchanged)
        try container.encode(counts.erased, forKey: .erased)
        try container.encode(counts.ended, forKey: .ended)
        try container.encode(departures, forKey: .departures)
        try container.encode(counts.suppressed, forKey: .suppressed)
        try container.encode(
            suppressed.map { SuppressedRecord(file: file, line: $0.line, column: $0.column) },
            forKey: .suppressedRecords)
        try container.encode(
            rejected.map {
                RejectedLine(
                    line: $0.location.line, column: $0.location.column, sheet: $0.location.sheet, reason: $0.reason)
            },
            forKey: .rejected)
        try container.encode(
            warnings.map { w in w.location.map { "\($0.sheet == nil ? "line " : "")\($0): \(w.message)" } ?? w.message
            }, forKey: .warnings)
        try container.encodeIfPresent(previouslyImported, forKey: .previouslyImported)
        try container.encode(dryRun, forKey: .dryRun)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        plugin = try container.decode(String.self, forKey: .plugin)
        counts = ImportCounts()
        counts.created = try container.decode(Int.self, forKey: .created)
        counts.updated = try container.decode(Int.self, forKey: .updated)
        counts.unchanged = try container.decode(Int.self, forKey: .unchanged)
        counts.erased = try container.decodeIfPresent(Int.self, forKey: .erased) ?? 0
        counts.ended = try container.decodeIfPresent(Int.self, forKey: .ended) ?? 0
        departures = try container.decodeIfPresent([RosterDeparture].self, forKey: .departures) ?? []
        suppressed =
            try container.decodeIfPresent([SuppressedRecord].self, forKey: .suppressedRecords)?.map {
                SourceLocation(line: $0.line, column: $0.column)
            } ?? []
        counts.suppressed = suppressed.count
        rejected = try container.decode([RejectedLine].self, forKey: .rejected).map {
            Rejection(location: SourceLocation(line: $0.line, column: $0.column, sheet: $0.sheet), reason: $0.reason)
        }
        counts.rejected = rejected.count
        warnings = try container.decode([String].self, forKey: .warnings).map {
            ImportWarning(location: nil, message: $0)
        }
        previouslyImported = try container.decodeIfPresent(Date.self, forKey: .previouslyImported)
        dryRun = try container.decode(Bool.self, forKey: .dryRun)
    }
}

/// Imports files into a directory: picks the plugin, streams the file through it inside one
/// transaction, and records the batch.
public struct ImportService: Sendable {
    /// Where the directory is kept.
    public let store: any DirectoryStore
    /// The installed plugins.
    public let registry: ImporterRegistry
    /// Hashes worked out while listing a folder, so the import that follows reads each file once.
    private let knownHashes = FileHashes()

    /// Keep one service for a folder's listing and the imports after it: it remembers the hashes it worked out.
    public init(store: any DirectoryStore, registry: ImporterRegistry) {
        self.store = store
        self.registry = registry
    }

    /// The files in `folder` (not hidden, not in subfolders, by name) whose content has not been
    /// imported yet, and any entry that is neither a file nor a folder (importing it says what it is).
    public func pendingFiles(in folder: URL) throws -> [URL] {
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw ImportError.unreadable(
                file: folder.path, reason: "the folder cannot be listed (\(error.localizedDescription))")
        }
        var pending: [URL] = []
        for name in names.sorted()
        where !name.hasPrefix(".") && !name.lowercased().hasPrefix("readme")
            && !SkillTaxonomy.isExtensionFile(named: name)
        {
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue { continue }
            // What is not a regular file (a named pipe, a link that loops) is never read here: it is
            // listed, so that importing it says what it is.
            guard (try? RegularFile.check(url)) != nil else {
                pending.append(url)
                continue
            }
            if try store.batch(sha256: try hash(of: url, displayName: name)) == nil { pending.append(url) }
        }
        return pending
    }

    /// Imports one file. Throws an ``ImportError`` when nothing was written; otherwise returns what
    /// was done, including the records that were rejected.
    public func importFile(
        at url: URL, displayName: String? = nil, request: ImportRequest,
        progress: @escaping @Sendable (Int64, Int64) -> Void = { _, _ in },
        message: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> FileImportReport {
        let name = displayName ?? url.lastPathComponent
        let size = try Self.size(of: url, displayName: name)
        let sample = try Self.sample(of: url, displayName: name)
        let importerType =
            try request.plugin.map { try registry.importer(id: $0) }
            ?? registry.importer(for: sample)
        let hash = try self.hash(of: url, displayName: name)
        if let previous = try store.batch(sha256: hash) {
            var counts = ImportCounts()
            counts.unchanged = previous.counts.created + previous.counts.updated + previous.counts.unchanged
            return FileImportReport(
                file: name, plugin: importerType.identifier, counts: counts, rejected: [], warnings: [],
                previouslyImported: previous.importedAt, dryRun: request.dryRun)
        }
        let input = ImportInput(
            url: url, displayName: name, size: size, progress: { progress($0, size) }, message: message)
        let fileDate = Self.modificationDate(of: url)
        let body = { (writer: any DirectoryWriter) throws -> FileImportReport in
            let expectedRecords = Int(size / Self.bytesPerRecordAtMost)
            let applier = ImportApplier(
                writer: writer, force: request.force, readsRosters: importerType.readsRosters, partial: request.partial,
                fileName: name, expectedRecords: expectedRecords)
            // How the store prepares for the file's size (and finishes in `record`) is its own business.
            try writer.beginBatch(fileDate: fileDate, expectedRecords: expectedRecords)
            try ImportPipeline.run(importerType, input: input, options: request.options, into: applier)
            try applier.finish()
            if request.strict, !applier.rejections.isEmpty {
                throw ImportError.rejectedInStrictMode(file: name, rejections: applier.rejections)
            }
            try writer.record(
                ImportBatch(
                    fileName: name, sha256: hash, plugin: importerType.identifier, importedAt: Date(),
                    counts: applier.counts, source: applier.sequence?.source, sequence: applier.sequence?.number,
                    fileDate: fileDate))
            return FileImportReport(
                file: name, plugin: importerType.identifier, counts: applier.counts, rejected: applier.rejections,
                warnings: applier.warnings, dryRun: request.dryRun, departures: applier.departures,
                suppressed: applier.suppressed)
        }
        var report = try request.dryRun ? store.rehearse(body) : store.write(body)
        if report.counts.erased > 0, !request.dryRun {
            // The import is committed: from here a failure is a warning, never the error that
            // says nothing was written.
            do {
                try store.compact()
            } catch {
                report.warnings.append(
                    ImportWarning(
                        location: nil,
                        message: "the import is committed, but the erasures could not be made final yet (\(error)); "
                            + "traces of the people erased may stay in the directory's files until the next import "
                            + "that erases someone"))
            }
        }
        return report
    }

    /// Roster rows take about 150 bytes and feed records about 650: a file's size over this is a
    /// cautious count of the records in it.
    static let bytesPerRecordAtMost: Int64 = 700

    // MARK: - File helpers

    /// When the file was last changed: the date that orders copies of a roster (now, when unknown).
    private static func modificationDate(of url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? Date()
    }

    /// The file's SHA-256, from the hashes already worked out when the file has not changed since
    /// (same size and modification time), else read afresh.
    private func hash(of url: URL, displayName: String) throws(ImportError) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        let identity = FileHashes.Identity(
            path: url.standardizedFileURL.path, size: (attributes?[.size] as? NSNumber)?.int64Value ?? -1,
            modified: (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1)
        if let known = knownHashes[identity] { return known }
        let hash = try Self.sha256(of: url, displayName: displayName)
        knownHashes[identity] = hash
        return hash
    }

    /// The file's size, once it is known to be a regular file. Called before anything reads the
    /// file: a folder, a named pipe (read once, then reopened, it waited for ever) or a link that
    /// loops is refused here, saying what it is.
    private static func size(of url: URL, displayName: String) throws(ImportError) -> Int64 {
        do {
            return try RegularFile.check(url)
        } catch {
            throw .unreadable(file: displayName, reason: error.reason)
        }
    }

    private static func sample(of url: URL, displayName: String) throws(ImportError) -> ImportSample {
        let handle: FileHandle
        do {
            handle = try RegularFile.open(url)
        } catch {
            throw .unreadable(file: displayName, reason: error.reason)
        }
        defer { try? handle.close() }
        do {
            let head = try handle.read(upToCount: 65_536) ?? Data()
            return ImportSample(fileName: displayName, head: [UInt8](head), url: url)
        } catch {
            throw .unreadable(file: displayName, reason: "it cannot be read (\(error.localizedDescription))")
        }
    }

    /// The SHA-256 of a file's bytes, read in chunks.
    public static func sha256(of url: URL, displayName: String) throws(ImportError) -> String {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            var digest = SHA256()
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                digest.update(data: chunk)
            }
            return digest.finalize().hex
        } catch {
            throw .unreadable(file: displayName, reason: "it cannot be read (\(error.localizedDescription))")
        }
    }
}

/// File hashes by path, size and modification time, shared by copies of an ``ImportService``.
final class FileHashes: Sendable {
    struct Identity: Hashable {
        let path: String
        let size: Int64
        let modified: Double
    }

    private let hashes = Mutex<[Identity: String]>([:])

    subscript(identity: Identity) -> String? {
        get { hashes.withLock { $0[identity] } }
        set { hashes.withLock { $0[identity] = newValue } }
    }
}
