import Foundation
import Synchronization
import VolunteerDirectory

/// An importer plugin that is an executable of its own (`voldir-import-NAME`), in any language,
/// speaking protocol 1 of `shared/formats/importer-protocol.md`.
///
/// voldir runs it as a child process and hands what it prints to the directory exactly as a
/// built-in plugin's records: same normalisation, same all-or-nothing transaction. A plugin that
/// exits non-zero, is killed, prints a line over 16 MiB or runs past its time limit writes
/// nothing: the error carries its last messages.
///
/// ```swift
/// let found = ExternalImporterDiscovery(environment: ProcessInfo.processInfo.environment,
///                                       importsFolder: URL(fileURLWithPath: "Imports")).discover()
/// let registry = ImporterRegistry([CSVImporter.self], external: found.usable, unusable: found.unusable)
/// ```
public struct ExternalImporter: ImporterPlugin {
    public let identifier: String
    public let summary: String
    public let fileExtensions: Set<String>
    /// The version the plugin gives for itself.
    public let version: String?
    /// The executable.
    public let path: String

    public var location: String? { path }
    /// An external plugin's file need not be a network's whole roster (a phone's contacts are
    /// not), so importing one ends no one's membership.
    public var readsRosters: Bool { false }

    /// How long `--describe` and `--recognise` may take.
    static let questionTimeLimit: Duration = .seconds(5)
    /// How many of its last messages a failed plugin's error shows.
    static let messagesKept = 10

    /// Describes a plugin already asked (see ``ExternalImporterDiscovery``).
    public init(identifier: String, summary: String, fileExtensions: Set<String>, version: String?, path: String) {
        self.identifier = identifier
        self.summary = summary
        self.fileExtensions = fileExtensions
        self.version = version
        self.path = path
    }

    // MARK: - ImporterPlugin

    /// Asks the plugin (`--recognise FILE`); a plugin that does not answer in 5 seconds, or
    /// answers anything but the four words, does not recognise the file.
    public func recognises(_ sample: ImportSample) -> Recognition {
        guard let url = sample.url else {
            return fileExtensions.contains(sample.fileExtension) ? .possible : .no
        }
        let process = PluginProcess(
            executable: path, arguments: ["--recognise", url.path],
            workingDirectory: url.deletingLastPathComponent().path,
            timeLimit: Self.questionTimeLimit)
        guard let answer = try? process.collect() else { return .no }
        switch answer.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "certain": return .certain
        case "likely": return .likely
        case "possible": return .possible
        default: return .no
        }
    }

    public func read(_ input: ImportInput, options: ImportOptions, into sink: any ImportSink) throws {
        var arguments: [String] = []
        if let network = options.network { arguments += ["--network", network] }
        if let kind = options.kind { arguments += ["--kind", kind.rawValue] }
        let file = input.url.standardizedFileURL
        arguments.append(file.path)
        let process = PluginProcess(
            executable: path, arguments: arguments, workingDirectory: file.deletingLastPathComponent().path,
            timeLimit: options.pluginTimeout)
        let decoder = PluginRecordDecoder(
            source: "\(identifier):\(options.network?.matchingKey ?? input.displayName)", network: options.network,
            catalogue: options.catalogue)
        let messages = MessageLog(keeping: Self.messagesKept)
        var outputLine = 0
        let name = identifier
        do {
            try process.run(
                onOutput: { line in
                    outputLine += 1
                    guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
                    switch decoder.decode(line, number: outputLine) {
                    case .record(let record, let location): try sink.receive(record, at: location)
                    case .rejected(let location, let reason): try sink.reject(at: location, reason: reason)
                    case .warning(let location, let message): sink.warn(at: location, message)
                    }
                },
                onMessage: { line in
                    if let bytes = Self.progress(in: line) {
                        input.progress(bytes)
                    } else if !line.isEmpty {
                        messages.append(line)
                        input.message("\(name): \(line)")
                    }
                })
        } catch let failure as PluginProcess.Failure {
            throw ImportError.pluginFailed(
                file: input.displayName, plugin: identifier, reason: failure.explanation, lastMessages: messages.lines)
        }
    }

    /// The byte count of a `progress BYTES` line.
    static func progress(in line: String) -> Int64? {
        guard line.hasPrefix("progress ") else { return nil }
        return Int64(line.dropFirst("progress ".count).trimmingCharacters(in: .whitespaces))
    }
}

/// The last few messages a plugin wrote, kept to explain a failure.
final class MessageLog: Sendable {
    private let kept: Int
    private let storage = Mutex<[String]>([])

    init(keeping kept: Int) { self.kept = kept }

    func append(_ line: String) {
        storage.withLock { lines in
            lines.append(line)
            if lines.count > kept { lines.removeFirst(lines.count - kept) }
        }
    }

    var lines: [String] { storage.withLock { $0 } }
}
