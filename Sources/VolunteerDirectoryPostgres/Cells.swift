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

extension Cells {
    /// The next cell's one-dimensional array of whole numbers (`bigint[]` or `integer[]`), empty
    /// for NULL: read from PostgreSQL's binary array format in one pass, where the generic array
    /// decoding looked up each element's type (a quarter of a one-shot search's time, reading
    /// facet sets of a million ids).
    mutating func numbers() throws -> [Int64] {
        try elements { buffer, length in
            switch length {
            case 8: buffer.readInteger(as: Int64.self)
            case 4: buffer.readInteger(as: Int32.self).map(Int64.init)
            default: nil
            }
        }
    }

    /// The next cell's one-dimensional array of flags (`boolean[]`), empty for NULL.
    mutating func flags() throws -> [Bool] {
        try elements { buffer, length in length == 1 ? buffer.readInteger(as: UInt8.self).map { $0 != 0 } : nil }
    }

    /// The next cell's one-dimensional array of single-precision numbers (`real[]`), empty for NULL.
    mutating func reals() throws -> [Float] {
        try elements { buffer, length in
            length == 4 ? buffer.readInteger(as: UInt32.self).map(Float.init(bitPattern:)) : nil
        }
    }

    /// The elements of the next cell, an array sent in binary: its dimensions (none, or one), a
    /// flag for NULLs, the element type, each dimension's length and lower bound, then each element
    /// as its length and its bytes. A NULL element, a second dimension or an element `read` cannot
    /// read fails the read.
    private mutating func elements<Element>(_ read: (inout ByteBuffer, Int32) -> Element?) throws -> [Element] {
        let cell = try next()
        guard var buffer = cell.bytes else { return [] }
        guard cell.format == .binary, let dimensions = buffer.readInteger(as: Int32.self),
            buffer.readInteger(as: Int32.self) != nil, buffer.readInteger(as: UInt32.self) != nil
        else { throw PostgresDecodingError.Code.failure }
        guard dimensions > 0 else { return [] }
        guard dimensions == 1, let count = buffer.readInteger(as: Int32.self), count >= 0,
            buffer.readInteger(as: Int32.self) != nil
        else { throw PostgresDecodingError.Code.failure }
        var result: [Element] = []
        result.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let length = buffer.readInteger(as: Int32.self), length >= 0, buffer.readableBytes >= Int(length),
                let element = read(&buffer, length)
            else { throw PostgresDecodingError.Code.failure }
            result.append(element)
        }
        return result
    }
}

extension PostgresQueryResult {
    /// The first row's cells as `read` reads them, or `nil` when there is no row: for the
    /// statements that answer in one row (a search's arrays of ids and evidence).
    func firstRow<T>(_ read: (inout Cells) throws -> T) throws -> T? {
        guard let row = first else { return nil }
        var cells = Cells(row)
        return try read(&cells)
    }
}
