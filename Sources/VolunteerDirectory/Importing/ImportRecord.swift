/// Where in an input a record or a problem was found.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, for formats (XML) where it helps.
    public var column: Int?
    /// The sheet of a workbook; ``line`` is then the row number the spreadsheet shows.
    public var sheet: String?

    /// `line` counts from 1; give `column` for XML, and `sheet` for a workbook, where `line` is the row shown.
    public init(line: Int, column: Int? = nil, sheet: String? = nil) {
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    /// `12`, `12:7`, or `sheet "Volunteers", row 12`.
    public var description: String {
        if let sheet { return "sheet \"\(sheet)\", row \(line)" }
        return column.map { "\(line):\($0)" } ?? "\(line)"
    }

    /// The location in `file` as messages write it: `members.csv:12`, or
    /// `members.xlsx, sheet "Volunteers", row 12`.
    public func placing(in file: String) -> String {
        sheet == nil ? "\(file):\(description)" : "\(file), \(description)"
    }
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

    /// Write `reason` for a coordinator: the offending value in quotes, and what to do about it.
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

    /// Pass `nil` as `location` for a warning about the input as a whole rather than one place in it.
    public init(location: SourceLocation?, message: String) {
        self.location = location
        self.message = message
    }
}
