import Foundation

/// Why an import wrote nothing. Every case names the file and says what to do.
public enum ImportError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The input as a whole is broken (not well-formed XML, a cut-short feed, no header row).
    case malformed(file: String, location: SourceLocation?, reason: String)
    /// `--strict` was given and records were rejected.
    case rejectedInStrictMode(file: String, rejections: [Rejection])
    /// A sequenced feed is not newer than the last imported from the same source.
    case staleFeed(source: String, sequence: Int, lastImported: Int)
    /// No installed plugin reads this input.
    case noImporter(file: String)
    /// `--plugin` named a plugin that is not installed.
    case unknownImporter(id: String, known: [String])
    /// The header does not say whether the file holds volunteers or needs.
    case unclearKind(file: String)
    /// `--plugin` named an external plugin that was found but cannot be used.
    case unusableImporter(id: String, location: String, reason: String)
    /// An external plugin failed while reading (exited non-zero, was killed, printed a line too
    /// long, or ran past its time limit), with the last lines it wrote to standard error.
    case pluginFailed(file: String, plugin: String, reason: String, lastMessages: [String])

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot be read: \(reason)"
        case .malformed(let file, let location, let reason):
            "\(location.map { $0.placing(in: file) } ?? file): \(reason); nothing was imported from this file"
        case .rejectedInStrictMode(let file, let rejections):
            "\(file): \(rejections.count) record(s) rejected and --strict was given, so nothing was imported:\n"
                + rejections.map { "  \($0.location.placing(in: file)): \($0.reason)" }.joined(separator: "\n")
        case .staleFeed(let source, let sequence, let last):
            "the feed from '\(source)' has sequence \(sequence), but sequence \(last) was already imported; "
                + "it is stale and was not imported (use --force to import it anyway)"
        case .noImporter(let file):
            "\(file): no importer plugin recognises this file; name one with --plugin (see 'voldir plugins')"
        case .unknownImporter(let id, let known):
            "no importer plugin '\(id)'; installed: \(known.joined(separator: ", "))"
        case .unclearKind(let file):
            "\(file): the header does not say whether this holds volunteers or needs; add --kind volunteers or --kind needs"
        case .unusableImporter(let id, let location, let reason):
            "the importer plugin '\(id)' at \(location) cannot be used: \(reason)"
        case .pluginFailed(let file, let plugin, let reason, let lastMessages):
            "\(file): the importer plugin '\(plugin)' \(reason); nothing was imported from this file"
                + (lastMessages.isEmpty
                    ? "" : ". Its last messages:\n" + lastMessages.map { "  \(plugin): \($0)" }.joined(separator: "\n"))
        }
    }

    public var errorDescription: String? { description }
}
