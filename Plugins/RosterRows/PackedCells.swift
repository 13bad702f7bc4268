/// A row's cells in one buffer: each cell's length in UTF-8 bytes (four bytes, little-endian),
/// then its bytes. What ``RowDigest`` digests, and what a row read before carries to the writing
/// thread, where it is almost never read: one allocation made and freed, where the cells
/// themselves were an array and a string for every longer cell.
///
/// A reader that finds cells as bytes (the CSV reader) packs them as it reads, so a row read
/// before is digested and passed over without a string ever being made of it; the cells are
/// made only for a row that must be read.
public struct PackedCells: Sendable {
    private let bytes: [UInt8]

    /// Packs `cells`.
    public init(_ cells: [String]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cells.reduce(cells.count * 4) { $0 + $1.utf8.count })
        for cell in cells {
            Self.appendLength(cell.utf8.count, to: &bytes)
            bytes.append(contentsOf: cell.utf8)
        }
        self.bytes = bytes
    }

    /// Cells already packed in this layout, as UTF-8 (bytes that are not are read as U+FFFD,
    /// as `String(decoding:as:)` reads them).
    public init(packed bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Appends a cell's length as the layout has it, for a reader packing cells itself.
    public static func appendLength(_ count: Int, to bytes: inout [UInt8]) {
        let count = UInt32(truncatingIfNeeded: count)
        withUnsafeBytes(of: count.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Writes a cell's length over the four bytes at `offset`, for a reader that learns it after
    /// the cell's bytes.
    public static func setLength(_ count: Int, at offset: Int, in bytes: inout [UInt8]) {
        let count = UInt32(truncatingIfNeeded: count)
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: count >> (8 * index)) }
    }

    /// Calls `body` with the packed bytes.
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        bytes.withUnsafeBytes(body)
    }

    /// The cells again, as they were given.
    public var cells: [String] {
        var cells: [String] = []
        forEachCell {
            cells.append(String(decoding: $0, as: UTF8.self))
            return true
        }
        return cells
    }

    /// The cell at `index` (from 0), or `nil` past the last.
    public func cell(at index: Int) -> String? {
        withCell(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of the cell at `index` (from 0); `nil` past the last.
    public func withCell<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        var position = 0
        var result: Result?
        forEachCell { bytes in
            guard position == index else {
                position += 1
                return true
            }
            result = body(bytes)
            return false
        }
        return result
    }

    /// Whether every cell is empty or white space (such rows mean nothing). Decided on the bytes
    /// when they are ASCII, as nearly every cell is.
    public var isBlank: Bool {
        var sawOtherScript = false
        var sawText = false
        forEachCell { cell in
            for byte in cell {
                if byte >= 0x80 {
                    sawOtherScript = true
                } else if !(byte == 0x20 || (0x09...0x0D).contains(byte)) {
                    sawText = true
                    return false
                }
            }
            return true
        }
        if sawText { return false }
        return !sawOtherScript || cells.allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }

    /// Calls `body` with each cell's bytes in order, until it returns `false` (a reader of one
    /// cell, of a row passed over, stops there rather than walking the rest).
    private func forEachCell(_ body: (UnsafeBufferPointer<UInt8>) -> Bool) {
        bytes.withUnsafeBufferPointer { all in
            var offset = 0
            while offset + 4 <= all.count {
                let count = Int(
                    UInt32(all[offset]) | UInt32(all[offset + 1]) << 8 | UInt32(all[offset + 2]) << 16
                        | UInt32(all[offset + 3]) << 24)
                offset += 4
                let end = min(offset + count, all.count)
                guard body(UnsafeBufferPointer(rebasing: all[offset..<end])) else { return }
                offset = end
            }
        }
    }
}
