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

    @Test("one cell is read by its index, without the others; past the last there is none")
    func oneCell() {
        let packed = PackedCells(["R1", "", "Łódź Network"])
        #expect(packed.cell(at: 0) == "R1")
        #expect(packed.cell(at: 1) == "")
        #expect(packed.cell(at: 2) == "Łódź Network")
        #expect(packed.cell(at: 3) == nil)
        #expect(packed.withCell(at: 2) { Array($0) } == Array("Łódź Network".utf8))
        #expect(PackedCells(packed: [1, 0, 0, 0, 0x41]).cell(at: 0) == "A")
    }

    @Test(
        "a row is blank when every cell is empty or white space, in any script",
        arguments: [
            ([], true), ([""], true), (["", " \t", "\r\n"], true),
            (["\u{00A0}", "\u{3000}"], true),  // no-break and ideographic spaces: decided on the text
            (["", "x"], false), (["é"], false), ([" ", "\u{00A0}Ł"], false),
        ] as [([String], Bool)])
    func blank(cells: [String], isBlank: Bool) {
        #expect(PackedCells(cells).isBlank == isBlank)
    }
}
