/// A row's cells in one buffer: each cell's length in UTF-8 bytes (four bytes, little-endian),
/// then its bytes. What ``RowDigest`` digests, and what a row read before carries to the writing
/// thread, where it is almost never read: one allocation made and freed, where the cells
/// themselves were an array and a string for every longer cell, made on the reading thread and
/// freed on the other (a million of each in a re-import).
struct PackedCells: Sendable {
    private let bytes: [UInt8]

    init(_ cells: [String]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cells.reduce(cells.count * 4) { $0 + $1.utf8.count })
        for cell in cells {
            let count = UInt32(truncatingIfNeeded: cell.utf8.count)
            withUnsafeBytes(of: count.littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: cell.utf8)
        }
        self.bytes = bytes
    }

    /// Calls `body` with the packed bytes.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        bytes.withUnsafeBytes(body)
    }

    /// The cells again, as they were given.
    var cells: [String] {
        var cells: [String] = []
        var offset = 0
        while offset + 4 <= bytes.count {
            let count = Int(
                UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                    | UInt32(bytes[offset + 3]) << 24)
            offset += 4
            cells.append(String(decoding: bytes[offset..<offset + count], as: UTF8.self))
            offset += count
        }
        return cells
    }
}
