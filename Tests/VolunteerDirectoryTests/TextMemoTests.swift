import Testing
import VolunteerDirectory

@Suite("Text memo")
struct TextMemoTests {
    @Test("each text is made once, and a full memo goes on answering without remembering more")
    func makesOnceWithinCapacity() {
        let memo = TextMemo<Int>(capacity: 2)
        var made: [String] = []
        func value(_ text: String) -> Int {
            memo.value(for: text) { text in
                made.append(text)
                return text.count
            }
        }
        #expect([value("a"), value("bb"), value("a"), value("bb")] == [1, 2, 1, 2])
        #expect(made == ["a", "bb"])
        #expect([value("ccc"), value("ccc")] == [3, 3])
        #expect(made == ["a", "bb", "ccc", "ccc"])
    }
}
