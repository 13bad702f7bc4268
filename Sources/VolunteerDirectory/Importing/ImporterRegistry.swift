import Foundation

/// The importer plugins voldir can run, in the order they are preferred on a tie: the built-in
/// plugin types first, then the external executables found on this machine.
///
/// The CLI builds the one registry, listing every built-in plugin type once and adding what
/// external-plugin discovery found (`voldir-import-NAME` executables).
public struct ImporterRegistry: Sendable {
    /// Every usable plugin, built-in ones first.
    public let plugins: [any ImporterPlugin]
    /// External plugins that were found but cannot be used, with the reason.
    public let unusable: [UnusableImporter]

    /// Creates a registry of these built-in plugin types, followed by usable external plugins.
    ///
    /// An external plugin whose identifier a built-in plugin already has is listed as unusable:
    /// the built-in one always answers to its name.
    public init(
        _ builtIn: [any DirectoryImporter.Type], external: [any ImporterPlugin] = [], unusable: [UnusableImporter] = []
    ) {
        var plugins: [any ImporterPlugin] = builtIn.map(BuiltInImporter.init)
        var unusable = unusable
        let builtInNames = Set(builtIn.map { $0.identifier })
        for plugin in external {
            if builtInNames.contains(plugin.identifier) {
                unusable.append(
                    UnusableImporter(
                        name: plugin.identifier, location: plugin.location ?? "",
                        reason: "a built-in plugin is called '\(plugin.identifier)' already"))
            } else {
                plugins.append(plugin)
            }
        }
        self.plugins = plugins
        self.unusable = unusable
    }

    /// The identifiers of the usable plugins, in order.
    public var identifiers: [String] { plugins.map(\.identifier) }

    /// The plugin with this identifier.
    public func importer(id: String) throws -> any ImporterPlugin {
        if let plugin = plugins.first(where: { $0.identifier == id.lowercased() }) { return plugin }
        if let found = unusable.first(where: { $0.name == id.lowercased() }) {
            throw ImportError.unusableImporter(id: id, location: found.location, reason: found.reason)
        }
        throw ImportError.unknownImporter(id: id, known: identifiers)
    }

    /// The plugin most certain that it reads `sample`; on a tie the earlier in the list, so a
    /// built-in plugin wins a tie with an external one.
    public func importer(for sample: ImportSample) throws -> any ImporterPlugin {
        var best: (any ImporterPlugin)?
        var bestScore = Recognition.no
        for plugin in plugins {
            let score = plugin.recognises(sample)
            if score > bestScore {
                best = plugin
                bestScore = score
            }
            // Nothing later can do better than certain, and a tie goes to the earlier plugin:
            // external plugins are not run when a built-in one is sure.
            if bestScore == .certain { break }
        }
        guard let best else { throw ImportError.noImporter(file: sample.fileName) }
        return best
    }
}
