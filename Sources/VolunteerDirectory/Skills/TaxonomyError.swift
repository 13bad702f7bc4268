import Foundation

/// A skills taxonomy file that cannot be used, with where and why, so its author can fix it.
public struct TaxonomyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as named to the user.
    public var file: String
    /// The line, from 1, when known.
    public var line: Int?
    /// The column, from 1, when known.
    public var column: Int?
    /// What is wrong, in words.
    public var reason: String

    /// Without `line` and `column` (the defaults) the description names the file alone.
    public init(file: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        let place = [line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        return "\(file)\(place.isEmpty ? "" : ":" + place): \(reason)"
    }
}

extension TaxonomyError: LocalizedError {
    public var errorDescription: String? { description }
}
