import VolunteerDirectory

/// Which column holds which field, worked out from the header row and the user's `--map`.
public struct HeaderLayout: Sendable {
    /// The column index of each field found.
    public private(set) var columns: [RosterField: Int] = [:]
    /// Headers that name no field, as written.
    public private(set) var unknownHeaders: [String] = []
    /// What the sheet holds.
    public let kind: RecordKind
    /// The header row as read, for naming a column in a message.
    public let header: [String]
    /// How many unknown columns one warning names before it counts the rest.
    public static let unknownColumnsNamed = 10

    /// Works out the layout. `columnMap` maps a header as written to a field name or spelling.
    public init(header: [String], kind: RecordKind, columnMap: [String: String]) throws(FieldError) {
        self.kind = kind
        self.header = header
        let mapped = Dictionary(
            columnMap.map { (RosterField.headerKey($0.key), $0.value) }, uniquingKeysWith: { _, last in last })
        for (index, title) in header.enumerated() {
            let key = RosterField.headerKey(title)
            guard !key.isEmpty else { continue }
            let field: RosterField?
            if let target = mapped[key] {
                guard let found = RosterField.field(forHeader: target, kind: kind) else {
                    throw FieldError(
                        "--map '\(title)=\(target)': '\(target)' is not a field of a \(kind.rawValue) sheet")
                }
                field = found
            } else {
                field = RosterField.field(forHeader: title, kind: kind)
            }
            if let field {
                if columns[field] == nil { columns[field] = index }
            } else {
                unknownHeaders.append(title.trimmingWhitespace())
            }
        }
    }

    /// One warning for every column that names no field, or `nil` when there is none: a sheet of
    /// 10,000 columns gets one line, naming the first few and counting the rest.
    public func unknownColumnsWarning() -> String? {
        let quoted = unknownHeaders.prefix(Self.unknownColumnsNamed).map { "'\(FieldLimits.excerpt(of: $0))'" }
        switch unknownHeaders.count {
        case 0:
            return nil
        case 1:
            let column = unknownHeaders[0].unicodeScalars.count <= 40 ? unknownHeaders[0] : "COLUMN"
            return
                "column \(quoted[0]) is not a \(kind.rawValue) field and was ignored; map it with --map '\(column)=FIELD'"
        default:
            let rest = unknownHeaders.count - quoted.count
            let list = quoted.joined(separator: ", ") + (rest > 0 ? ", and \(rest.grouped) more" : "")
            return "\(unknownHeaders.count.grouped) columns are not \(kind.rawValue) fields and were ignored: \(list); "
                + "map one with --map 'COLUMN=FIELD'"
        }
    }

    /// Guesses what a header row holds from the headers only one kind of sheet has.
    public static func kind(of header: [String], columnMap: [String: String]) -> RecordKind? {
        let keys = Set(header.map(RosterField.headerKey))
        let mappedKeys = Set(columnMap.keys.map(RosterField.headerKey))
        let volunteer = !keys.subtracting(mappedKeys).isDisjoint(with: RosterField.telltales(for: .volunteers))
        let needs = !keys.subtracting(mappedKeys).isDisjoint(with: RosterField.telltales(for: .needs))
        switch (volunteer, needs) {
        case (true, false): return .volunteers
        case (false, true): return .needs
        default: return nil
        }
    }

    /// Whether the sheet has a column for `field`.
    public func has(_ field: RosterField) -> Bool { columns[field] != nil }

    /// The trimmed cell of `field` in a row's `cells`, or `nil` when it is empty or absent.
    public func value(_ field: RosterField, in cells: [String]) -> String? {
        guard let index = columns[field], index < cells.count else { return nil }
        return cells[index].nonEmpty
    }

    /// The trimmed cell of `field` in a row's packed `cells`, or `nil` when it is empty or absent.
    public func value(_ field: RosterField, in cells: PackedCells) -> String? {
        guard let index = columns[field] else { return nil }
        return cells.cell(at: index)?.nonEmpty
    }
}
