import Foundation
import VolunteerDirectory

/// Finds external importer plugins: executables named `voldir-import-NAME` in the folders of
/// `$VOLDIR_PLUGIN_PATH`, then `Plugins/bin/` beside the Imports folder, then `$PATH`. The first
/// found for a NAME wins. Each is asked to `--describe` itself; one that does not answer with
/// protocol 1 under its own name is listed as unusable, with the reason, and never run.
public struct ExternalImporterDiscovery: Sendable {
    /// The folders searched, in order.
    public let folders: [String]
    /// How long each plugin may take to describe itself (the protocol allows 5 seconds).
    public let questionTimeLimit: Duration

    /// The prefix every external plugin's file name has.
    public static let prefix = "voldir-import-"

    /// Searches the folders the environment and the Imports folder give.
    public init(environment: [String: String], importsFolder: URL, questionTimeLimit: Duration = .seconds(5)) {
        func split(_ list: String?) -> [String] {
            (list ?? "").split(separator: ":", omittingEmptySubsequences: true).map(String.init)
        }
        let beside = importsFolder.standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent("Plugins").appendingPathComponent("bin").path
        self.init(
            folders: split(environment["VOLDIR_PLUGIN_PATH"]) + [beside] + split(environment["PATH"]),
            questionTimeLimit: questionTimeLimit)
    }

    /// Searches exactly these folders, in order.
    public init(folders: [String], questionTimeLimit: Duration = .seconds(5)) {
        self.folders = folders
        self.questionTimeLimit = questionTimeLimit
    }

    /// What was found: the plugins that can be used, in discovery order, and those that cannot.
    public func discover() -> (usable: [ExternalImporter], unusable: [UnusableImporter]) {
        var usable: [ExternalImporter] = []
        var unusable: [UnusableImporter] = []
        for (name, path) in candidates() {
            switch Self.describe(name: name, path: path, timeLimit: questionTimeLimit) {
            case .success(let plugin): usable.append(plugin)
            case .failure(let problem):
                unusable.append(UnusableImporter(name: name, location: path, reason: problem.reason))
            }
        }
        return (usable, unusable)
    }

    /// Every `voldir-import-NAME` executable, the first for each NAME, in search order.
    func candidates() -> [(name: String, path: String)] {
        let manager = FileManager.default
        var seen: Set<String> = []
        var found: [(name: String, path: String)] = []
        for folder in folders {
            guard let entries = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            for entry in entries.sorted() where entry.hasPrefix(Self.prefix) {
                let name = String(entry.dropFirst(Self.prefix.count))
                guard Self.isValidName(name), !seen.contains(name) else { continue }
                let path = URL(fileURLWithPath: folder).appendingPathComponent(entry).path
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                    manager.isExecutableFile(atPath: path)
                else { continue }
                seen.insert(name)
                found.append((name, path))
            }
        }
        return found
    }

    /// Whether NAME is lower-case letters, digits and `-`, as the protocol asks.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Asks one executable to describe itself.
    static func describe(name: String, path: String, timeLimit: Duration) -> Result<ExternalImporter, FieldError> {
        let process = PluginProcess(
            executable: path, arguments: ["--describe"], workingDirectory: nil, timeLimit: timeLimit)
        let answer: String
        do {
            answer = try process.collect()
        } catch let failure as PluginProcess.Failure {
            return .failure(FieldError("asked to --describe itself, it \(failure.explanation)"))
        } catch {
            return .failure(FieldError("asked to --describe itself, it failed (\(error))"))
        }
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(answer.utf8)) else {
            return .failure(FieldError("its --describe answer is not one JSON object"))
        }
        let fields = Fields(object)
        do throws(FieldError) {
            guard let version = try fields.integer("protocol") else {
                throw FieldError("its --describe answer gives no \"protocol\"; this voldir speaks protocol 1")
            }
            guard version == 1 else { throw FieldError("it speaks protocol \(version); this voldir speaks protocol 1") }
            guard let identifier = try fields.string("identifier"), identifier == name else {
                throw FieldError(
                    "it describes itself as '\((try? fields.string("identifier")) ?? nil ?? "")' but its file is named \(prefix)\(name)"
                )
            }
            guard let summary = try fields.string("summary")?.nonEmpty else {
                throw FieldError("its --describe answer has no \"summary\"")
            }
            let extensions = try fields.strings("extensions").map {
                $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
            }
            return .success(
                ExternalImporter(
                    identifier: name, summary: summary, fileExtensions: Set(extensions),
                    version: try fields.string("version"),
                    path: path))
        } catch {
            return .failure(error)
        }
    }
}
