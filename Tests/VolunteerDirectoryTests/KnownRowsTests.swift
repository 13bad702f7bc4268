import Testing
import VolunteerDirectory

/// ``KnownRows``: a store's digests, in the order it read them, found by digest.
@Suite("Known rows")
struct KnownRowsTests {
    @Test("each digest is found at its position in the order given; others are not found")
    func positions() {
        // Unsorted, negative and positive bit patterns, as SQL stores them.
        let patterns: [Int64] = [42, -7, Int64.max, 0, Int64.min, 1_000_003]
        let rows = KnownRows(bitPatterns: patterns)
        #expect(rows.count == patterns.count)
        for (position, pattern) in patterns.enumerated() {
            #expect(rows.position(of: UInt64(bitPattern: pattern)) == position)
            #expect(rows.contains(UInt64(bitPattern: pattern)))
        }
        for absent: Int64 in [41, -8, 1, Int64.max - 1] {
            #expect(rows.position(of: UInt64(bitPattern: absent)) == nil)
        }
        #expect(KnownRows().position(of: 42) == nil)
        #expect(!KnownRows(bitPatterns: []).contains(0))
    }

    @Test("digests that share their low bits are all found, and a missing one among them is not")
    func sharedLowBits() {
        // Every digest here lands in the same slot of any table up to 2^32 slots.
        let patterns = (0..<1_000).map { Int64($0 + 1) << 32 | 5 }
        let rows = KnownRows(bitPatterns: patterns)
        for (position, pattern) in patterns.enumerated() {
            #expect(rows.position(of: UInt64(bitPattern: pattern)) == position)
        }
        #expect(rows.position(of: UInt64(5)) == nil)
        #expect(rows.position(of: UInt64(2_000) << 32 | 5) == nil)
    }

    @Test("a digest given twice is found at its first position")
    func repeated() {
        let rows = KnownRows(bitPatterns: [9, 3, 9, 3])
        #expect(rows.position(of: 9) == 0)
        #expect(rows.position(of: 3) == 1)
        #expect(rows.count == 4)
    }
}
