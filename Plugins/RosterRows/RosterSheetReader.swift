import VolunteerDirectory

/// Reads the rows of a roster or needs sheet once its header row is known: works out the layout
/// (header spellings and `--map`), checks the sheet can be read, and turns each row of cells into
/// a record, rejecting with its location the rows that cannot be read. Shared by every plugin
/// that reads rosters as rows of cells (CSV files, workbooks), so they read alike.
public struct RosterSheetReader {
    /// A roster's rows, or a needs sheet's. Kept apart rather than as an enum's cases, which
    /// each row copied out (and retained, field by field) to read.
    private let volunteerRows: VolunteerRows?
    private let needRows: NeedRowReader?
    /// Which column holds which field.
    public let layout: HeaderLayout

    /// Reads the header row `header`, found at `headerLocation`, warning `sink` once about the
    /// columns it ignores. Throws an ``ImportError`` when the sheet as a whole cannot be read: the kind is
    /// unclear, a `--map` names no field, or a roster has no name column.
    public init(
        header: [String], at headerLocation: SourceLocation, file: String, options: ImportOptions, sink: any ImportSink
    ) throws(ImportError) {
        guard let kind = options.kind ?? HeaderLayout.kind(of: header, columnMap: options.columnMap) else {
            throw .unclearKind(file: file)
        }
        let layout: HeaderLayout
        do {
            layout = try HeaderLayout(header: header, kind: kind, columnMap: options.columnMap)
        } catch {
            throw .malformed(file: file, location: headerLocation, reason: error.reason)
        }
        if let warning = layout.unknownColumnsWarning() {
            sink.warn(at: headerLocation, warning)
        }
        switch kind {
        case .volunteers:
            guard layout.has(.name) || layout.has(.givenName) || layout.has(.familyName) else {
                throw .malformed(
                    file: file, location: nil,
                    reason:
                        "no name column (looked for 'name', 'full name', or 'first name' with 'surname'); map one with --map"
                )
            }
            if !layout.has(.network), options.network == nil {
                sink.warn(
                    at: nil, "no network column and no --network given: volunteers are imported without a network")
            }
            volunteerRows = VolunteerRows(
                layout: layout, defaultNetwork: options.network?.nonEmpty, fileName: file, catalogue: options.catalogue)
            needRows = nil
        case .needs:
            volunteerRows = nil
            needRows = NeedRowReader(layout: layout, catalogue: options.catalogue)
        }
        self.layout = layout
    }

    /// Whether a row reads as a roster or needs header: it names a field only one kind of sheet
    /// has, or any field at all when `--kind` says what the sheet holds. Lets a plugin skip the
    /// title rows above a spreadsheet's header.
    public static func readsAsHeader(_ cells: [String], options: ImportOptions) -> Bool {
        if let kind = options.kind {
            return (try? HeaderLayout(header: cells, kind: kind, columnMap: options.columnMap)).map {
                !$0.columns.isEmpty
            } ?? false
        }
        return HeaderLayout.kind(of: cells, columnMap: options.columnMap) != nil
    }

    /// Reads one row of cells found at `location` into a record for `sink`, or rejects it there.
    /// A roster row the directory read before (its digest known) goes to `sink` unread.
    public func read(_ cells: [String], at location: SourceLocation, into sink: any ImportSink) throws {
        try read(PackedCells(cells), cells: cells, at: location, into: sink)
    }

    /// Reads one row, packed as its reader found it (see ``PackedCells``), as a row of cells is
    /// read; its cells are made strings only if it must be read.
    public func read(_ packed: PackedCells, at location: SourceLocation, into sink: any ImportSink) throws {
        try read(packed, cells: nil, at: location, into: sink)
    }

    private func read(_ packed: PackedCells, cells: [String]?, at location: SourceLocation, into sink: any ImportSink)
        throws
    {
        do {
            if let volunteerRows {
                let digest = volunteerRows.digest.digest(packed)
                if sink.isKnownRow(digest) {
                    try sink.receive(volunteerRows.knownRow(packed, digest: digest), at: location)
                } else {
                    let record = try volunteerRows.reader.record(from: cells ?? packed.cells) {
                        sink.warn(at: location, $0)
                    }
                    try sink.receive(.volunteer(record), at: location, rowDigest: digest)
                }
            } else if let needRows {
                let need = try needRows.need(from: cells ?? packed.cells) { sink.warn(at: location, $0) }
                try sink.receive(.need(need), at: location)
            }
        } catch let error as FieldError {
            try sink.reject(at: location, reason: error.reason)
        }
    }
}
