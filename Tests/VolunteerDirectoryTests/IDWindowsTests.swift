import Testing
import VolunteerDirectory

/// How a store cuts the directory's ids into the windows it reads a batch at a time.
@Suite("Id windows")
struct IDWindowsTests {
    @Test("windows cover the range in order, each at most the width, the last cut short")
    func windows() {
        #expect((1...10).windows(ofWidth: 3) == [1...3, 4...6, 7...9, 10...10])
        #expect((5...5).windows(ofWidth: 20_000) == [5...5])
        #expect((1...3).windows(ofWidth: 0) == [1...1, 2...2, 3...3])
    }

    @Test("a window ending at the largest id does not overflow")
    func largestID() {
        let top = VolunteerID.max
        #expect(((top - 4)...top).windows(ofWidth: 3) == [(top - 4)...(top - 2), (top - 1)...top])
    }
}
