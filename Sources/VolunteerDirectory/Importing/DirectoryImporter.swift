import Foundation

/// An importer plugin: reads one kind of input (a CSV roster, the Sector 3 feed, ...) into
/// ``ImportRecord``s.
///
/// Plugins live under `Plugins/`, depend only on this module, and are listed once in the CLI's
/// registry. The directory chooses a plugin by asking each how well it ``recognises(_:)`` the
/// input, then streams the input through ``read(_:options:into:)`` inside one transaction.
///
/// ```swift
/// struct TSVImporter: DirectoryImporter {
///     static let identifier = "tsv"
///     static let summary = "Tab-separated rosters"
///     static let fileExtensions: Set<String> = ["tsv"]
///     static func recognises(_ sample: ImportSample) -> Recognition { sample.fileExtension == "tsv" ? .likely : .no }
///     init() {}
///     func read(_ input: ImportInput, options: ImportOptions, into sink: any ImportSink) throws { ... }
/// }
/// ```
public protocol DirectoryImporter: Sendable {
    /// The id `--plugin` takes (`csv`, `sector3`).
    static var identifier: String { get }
    /// What the plugin reads, in a few words for `voldir plugins`.
    static var summary: String { get }
    /// File extensions the plugin reads, lower case, without the dot.
    static var fileExtensions: Set<String> { get }
    /// How sure the plugin is that it reads this input, from its first bytes and its name.
    static func recognises(_ sample: ImportSample) -> Recognition
    /// Whether the plugin reads rosters: each file a network's whole list of members now, so
    /// whoever a new copy leaves out has left it (unless imported with `--partial`), and a listing
    /// id given to someone else is told apart. `false` (the default) for feeds that say who
    /// leaves in their own way, like the Sector 3 feed's `withdrawn`.
    static var readsRosters: Bool { get }

    /// Called afresh for each input read, so state a plugin keeps for one file never carries over to the next.
    init()

    /// Reads the whole input, handing each record to `sink` as soon as it is read. Throws an
    /// ``ImportError`` when the input as a whole cannot be read (the directory then writes nothing).
    func read(_ input: ImportInput, options: ImportOptions, into sink: any ImportSink) throws
}

extension DirectoryImporter {
    /// Not a roster reader, unless the plugin says so.
    public static var readsRosters: Bool { false }
}

/// How sure an importer is that it reads an input; the most certain plugin wins.
public enum Recognition: Int, Sendable, Comparable {
    /// Not this plugin's input.
    case no = 0
    /// Could be (the extension fits, the content does not contradict it).
    case possible = 1
    /// Very likely (the content has this format's marks).
    case likely = 2
    /// Certain (a namespace or signature only this format has).
    case certain = 3

    public static func < (lhs: Recognition, rhs: Recognition) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The first bytes and the name of an input, for ``DirectoryImporter/recognises(_:)``.
public struct ImportSample: Sendable {
    /// The file name.
    public let fileName: String
    /// Up to the first 64 KiB.
    public let head: [UInt8]

    /// The file the sample was taken from, when there is one: external plugins are asked about
    /// the file itself.
    public let url: URL?

    /// `head` is at most the first 64 KiB; give `url` for a file: external plugins are asked about the file itself.
    public init(fileName: String, head: [UInt8], url: URL? = nil) {
        self.fileName = fileName
        self.head = head
        self.url = url
    }

    /// The lower-case extension without the dot.
    public var fileExtension: String { (fileName as NSString).pathExtension.lowercased() }

    /// The head as text, decoding invalid UTF-8 as replacement characters.
    public var text: String { String(decoding: head, as: UTF8.self) }
}

/// An input to import: a file, with progress reported as it is read.
public struct ImportInput: Sendable {
    /// The file.
    public let url: URL
    /// The name to use in messages (as the user gave it).
    public let displayName: String
    /// The file's size in bytes.
    public let size: Int64
    /// Called with the number of bytes read so far; importers call it as they go.
    public let progress: @Sendable (Int64) -> Void
    /// Called with each message an external plugin writes for the user while it reads, prefixed
    /// by its name.
    public let message: @Sendable (String) -> Void

    /// `displayName` is what messages call the file; `progress` and `message` default to doing nothing.
    public init(
        url: URL, displayName: String, size: Int64, progress: @escaping @Sendable (Int64) -> Void = { _ in },
        message: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.url = url
        self.displayName = displayName
        self.size = size
        self.progress = progress
        self.message = message
    }
}

/// What a roster holds when its header does not make it clear.
public enum RecordKind: String, Sendable, CaseIterable, Codable {
    /// Volunteers (a network roster).
    case volunteers
    /// Partnership needs.
    case needs
}

/// What the user told the import, for plugins to honour where it applies.
public struct ImportOptions: Sendable {
    /// The network for a roster that has no network column (`--network`).
    public var network: String?
    /// What the input holds when its header does not say (`--kind`).
    public var kind: RecordKind?
    /// Extra column names mapped to known fields (`--map 'Languages we speak=languages'`), keyed by
    /// the column name as written.
    public var columnMap: [String: String]
    /// The language catalogue to resolve languages with.
    public var catalogue: LanguageCatalogue
    /// How long an external plugin may run on one file before it is stopped (`--plugin-timeout`).
    public var pluginTimeout: Duration
    /// The sheet of a workbook to read (`--sheet`), hidden or not; otherwise the first visible
    /// sheet whose header row reads as a roster or needs sheet.
    public var sheet: String?

    /// Defaults: no `--network`, `--kind`, `--map` or `--sheet`, the shared catalogue, and ten minutes per plugin run.
    public init(
        network: String? = nil, kind: RecordKind? = nil, columnMap: [String: String] = [:],
        catalogue: LanguageCatalogue = .shared, pluginTimeout: Duration = .seconds(600), sheet: String? = nil
    ) {
        self.network = network
        self.kind = kind
        self.columnMap = columnMap
        self.catalogue = catalogue
        self.pluginTimeout = pluginTimeout
        self.sheet = sheet
    }
}
