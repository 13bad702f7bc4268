import Foundation

/// An importer the registry can choose and run: a built-in ``DirectoryImporter`` type, or an
/// external executable found at run time (protocol 1 of `shared/formats/importer-protocol.md`).
///
/// Built-in plugins are types, known when voldir is built; external ones are values, found on
/// the machine. The registry speaks to both through this one interface.
public protocol ImporterPlugin: Sendable {
    /// The id `--plugin` takes.
    var identifier: String { get }
    /// What the plugin reads, in a few words for `voldir plugins`.
    var summary: String { get }
    /// File extensions the plugin reads, lower case, without the dot.
    var fileExtensions: Set<String> { get }
    /// Where an external plugin was found; `nil` for a built-in one.
    var location: String? { get }
    /// Whether each file the plugin reads is a network's whole roster, so that importing it ends
    /// the memberships of people it no longer lists (see ``DirectoryImporter/readsRosters``).
    var readsRosters: Bool { get }
    /// How sure the plugin is that it reads the input the sample was taken from.
    func recognises(_ sample: ImportSample) -> Recognition
    /// Reads the whole input into `sink`, as ``DirectoryImporter/read(_:options:into:)`` does.
    func read(_ input: ImportInput, options: ImportOptions, into sink: any ImportSink) throws
}

/// A built-in plugin type, seen through ``ImporterPlugin``.
public struct BuiltInImporter: ImporterPlugin {
    /// The plugin type.
    public let type: any DirectoryImporter.Type

    /// Wraps a built-in plugin type.
    public init(_ type: any DirectoryImporter.Type) {
        self.type = type
    }

    public var identifier: String { type.identifier }
    public var summary: String { type.summary }
    public var fileExtensions: Set<String> { type.fileExtensions }
    public var location: String? { nil }
    public var readsRosters: Bool { type.readsRosters }

    public func recognises(_ sample: ImportSample) -> Recognition {
        type.recognises(sample)
    }

    public func read(_ input: ImportInput, options: ImportOptions, into sink: any ImportSink) throws {
        try type.init().read(input, options: options, into: sink)
    }
}

/// An external plugin that was found but cannot be used, and why: listed by `voldir plugins`,
/// never run.
public struct UnusableImporter: Sendable, Hashable, Codable {
    /// The name its file gives (`voldir-import-NAME`).
    public var name: String
    /// Where it was found.
    public var location: String
    /// Why it cannot be used, in words a coordinator can act on.
    public var reason: String

    /// Records an unusable plugin.
    public init(name: String, location: String, reason: String) {
        self.name = name
        self.location = location
        self.reason = reason
    }
}
