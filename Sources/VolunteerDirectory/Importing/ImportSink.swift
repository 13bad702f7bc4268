/// What an importer hands its records to as it reads: the directory, inside one transaction.
///
/// Importers call these in input order and never keep records: each is applied at once, so
/// memory stays flat however large the input.
public protocol ImportSink: AnyObject {
    /// Announces a feed that is published again and again with a growing `sequence` under one
    /// `source`. The directory refuses a feed that is not newer than the last one imported (by
    /// throwing ``ImportError/staleFeed(source:sequence:lastImported:)``) unless forced.
    func beginSequence(_ sequence: Int, of source: String) throws

    /// Applies one record read at `location`.
    func receive(_ record: ImportRecord, at location: SourceLocation) throws

    /// Records that the record at `location` could not be read; the rest of the input goes on.
    func reject(at location: SourceLocation, reason: String) throws

    /// Records something worth a coordinator's attention.
    func warn(at location: SourceLocation?, _ message: String)

    /// Whether the directory holds a listing last read from a row with this digest.
    func isKnownRow(_ digest: UInt64) -> Bool

    /// Takes a row read before, unread.
    func receive(_ row: KnownRow, at location: SourceLocation) throws

    /// Applies one record read at `location` from a row with this digest.
    func receive(_ record: ImportRecord, at location: SourceLocation, rowDigest: UInt64) throws
}

// MARK: - Rows read before

extension ImportSink {
    /// Whether the directory holds a listing last read from a row with this digest (see
    /// ``KnownRows``). A plugin that reads rows asks before reading each one; by default, no.
    public func isKnownRow(_ digest: UInt64) -> Bool { false }

    /// Takes a row read before, unread (see ``KnownRow``). By default, reads it and applies the
    /// record, as ``receive(_:at:rowDigest:)``.
    public func receive(_ row: KnownRow, at location: SourceLocation) throws {
        guard let record = try row.read(at: location, into: self) else { return }
        try receive(record, at: location, rowDigest: row.digest)
    }

    /// Applies one record read at `location` from a row with this digest (see ``KnownRows``),
    /// so that the directory can remember the row. By default, as ``receive(_:at:)``.
    public func receive(_ record: ImportRecord, at location: SourceLocation, rowDigest: UInt64) throws {
        try receive(record, at: location)
    }
}
