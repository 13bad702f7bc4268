import VolunteerDirectory

/// Which column holds which field, worked out from the header row and the user's `--map`.
public struct HeaderLayout: Sendable {
    /// The column index of each field found.
    public private(set) var columns: [RosterField: Int] = [:]
    /// Headers that name no field, as written.
    public private(set) var unknownHeaders: [String] = []
    /// What the sheet holds.
    public let kind: RecordKind

    /// Works out the layout. `columnMap` maps a header as written to a field name or spelling.
    public init(header: [String], kind: RecordKind, columnMap: [String: String]) throws(FieldError) {
        self.kind = kind
        let mapped = Dictionary(
            columnMap.map { (RosterField.headerKey($0.key), $0.value) }, uniquingKeysWith: { _, last in last })
        for (index, title) in header.enumerated() {
            let key = RosterField.headerKey(title)
            guard !key.isEmpty else { continue }
            let field: RosterField?
            if let target = mapped[key] {
                guard let found = RosterField.field(forHeader: target, kind: kind) else {
                    throw FieldError("--map '\(title)=\(target)': '\(target)' is not a field of a \(kind.rawValue) sheet")
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
}
