import Testing

@testable import VolunteerDirectory

@Suite("UTC fields")
struct UTCFieldsTests {
    @Test("a field is padded with zeros to its width, a minus sign counting as one, and never cut")
    func padding() {
        let cases: [(Int64, Int, String)] = [
            (7, 2, "07"), (0, 3, "000"), (12_345, 4, "12345"), (-5, 4, "-005"), (42, 0, "42"),
        ]
        for (value, width, written) in cases {
            var text = ""
            UTCFields.append(value, width: width, to: &text)
            #expect(text == written, "\(value) in \(width)")
        }
    }
}
