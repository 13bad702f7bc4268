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
}
