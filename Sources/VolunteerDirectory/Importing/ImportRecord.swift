/// Where in an input a record or a problem was found.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, for formats (XML) where it helps.
    public var column: Int?

    /// Creates a location.
    public init(line: Int, column: Int? = nil) {
        self.line = line
        self.column = column
    }

    /// `12` or `12:7`.
    public var description: String { column.map { "\(line):\($0)" } ?? "\(line)" }
}

/// One thing an importer read: the unit the directory applies, in order, as the input streams.
public enum ImportRecord: Sendable {
    /// A volunteer, as one source lists them.
    case volunteer(VolunteerRecord)
    /// A network and its member list.
    case network(NetworkRecord)
    /// A partner's need.
    case need(Need)
    /// A person to erase.
    case withdrawal(Withdrawal)
}

/// A record or input that could not be read, and why.
public struct Rejection: Sendable, Hashable, Codable {
    /// Where.
    public var location: SourceLocation
    /// Why, naming the offending value.
    public var reason: String

    /// Creates a rejection.
    public init(location: SourceLocation, reason: String) {
        self.location = location
        self.reason = reason
    }
}

/// Something worth a coordinator's attention that did not stop a record from importing.
public struct ImportWarning: Sendable, Hashable, Codable {
    /// Where, when it is tied to a place in the input.
    public var location: SourceLocation?
    /// What was noticed.
    public var message: String

    /// Creates a warning.
    public init(location: SourceLocation?, message: String) {
        self.location = location
        self.message = message
    }
}
