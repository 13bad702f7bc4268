import Foundation

/// The importer plugins installed in this build, in the order they are preferred on a tie.
///
/// The CLI builds the one registry, listing every plugin type once; nothing is discovered at run time.
public struct ImporterRegistry: Sendable {
    /// The plugin types.
    public let importers: [any DirectoryImporter.Type]

    /// Creates a registry of these plugin types.
    public init(_ importers: [any DirectoryImporter.Type]) {
        self.importers = importers
    }

    /// The identifiers of the installed plugins, in order.
    public var identifiers: [String] {
        var names: [String] = []
        for importer in importers { names.append(importer.identifier) }
        return names
    }

    /// The plugin with this identifier.
    public func importer(id: String) throws -> any DirectoryImporter.Type {
        for importer in importers where importer.identifier == id.lowercased() {
            return importer
        }
        throw ImportError.unknownImporter(id: id, known: identifiers)
    }

    /// The plugin most certain that it reads `sample`; on a tie the earlier in the list.
    public func importer(for sample: ImportSample) throws -> any DirectoryImporter.Type {
        var best: (any DirectoryImporter.Type)?
        var bestScore = Recognition.no
        for importer in importers {
            let score = importer.recognises(sample)
            if score > bestScore {
                best = importer
                bestScore = score
            }
        }
        guard let best else { throw ImportError.noImporter(file: sample.fileName) }
        return best
    }
}
