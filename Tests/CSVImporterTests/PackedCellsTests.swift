import Testing

@testable import RosterRows

/// ``PackedCells``: a row read before travels packed, and unpacks to the cells it was made of.
@Suite("Packed cells")
struct PackedCellsTests {
    @Test("cells unpack as they were given: empty cells, long cells, any script, a separator inside")
    func roundTrip() {
        let rows: [[String]] = [
            [],
            [""],
            ["", "", ""],
            ["R1", "Amina Rahman", "amina.rahman@example.org", "", "SK4 1AA", "Urdu; اردو; Polski", "Łukasz\u{1F}x"],
            [String(repeating: "long cell ", count: 10_000), "🙂"],
        ]
        for cells in rows {
            #expect(PackedCells(cells).cells == cells)
        }
    }

    @Test("the packed bytes are each cell's length, little-endian, then its bytes")
    func layout() {
        let bytes = PackedCells(["ab", "", "é"]).withBytes { Array($0) }
        #expect(bytes == [2, 0, 0, 0, 0x61, 0x62, 0, 0, 0, 0, 2, 0, 0, 0, 0xC3, 0xA9])
    }
}
