import PostgresNIO

/// A row's cells read in order, each as text or a whole number, straight through the type's own
/// decoder.
///
/// `PostgresRow.decode` of a tuple is generic over every column's type and looks up type
/// metadata column by column: reading a page of search results through it cost the app server
/// more than the query cost the database. These read the two types our wide rows hold, with the
/// same decoders.
struct Cells {
    private var iterator: PostgresRow.Iterator

    init(_ row: PostgresRow) { iterator = row.makeIterator() }

    /// The next cell's text, `nil` for NULL.
    mutating func text() throws -> String? {
        let cell = try next()
        guard var buffer = cell.bytes else { return nil }
        return try String(from: &buffer, type: cell.dataType, format: cell.format, context: .default)
    }

    /// The next cell's whole number, `nil` for NULL.
    mutating func number() throws -> Int64? {
        let cell = try next()
        guard var buffer = cell.bytes else { return nil }
        return try Int64(from: &buffer, type: cell.dataType, format: cell.format, context: .default)
    }

    private mutating func next() throws -> PostgresCell {
        guard let cell = iterator.next() else { throw PostgresDecodingError.Code.missingData }
        return cell
    }
}
