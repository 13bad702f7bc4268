import Foundation
import Testing

/// Numbers and text that crossed the command line unchecked and crashed or stalled `voldir`:
/// each is now refused with the range it must lie in, and a roster's control characters are
/// shown, not obeyed, by the commands that print them.
extension CommandLineTests {
    /// Whether the run ended by exiting (not by a signal) with a usage or runtime error.
    static func refused(_ result: Result) -> Bool { result.status != 0 && result.status < 128 }

    @Test(
        "numbers outside their range are refused at the option, naming the range",
        arguments: [
            (
                "search", "--limit", "9223372036854775807",
                "--limit: '9223372036854775807' is out of range; a search lists from 1 to 10000 volunteers"
            ),
            (
                "search", "--limit", "10000000000",
                "--limit: '10000000000' is out of range; a search lists from 1 to 10000 volunteers"
            ),
            ("search", "--limit", "0", "--limit: '0' is out of range; a search lists from 1 to 10000 volunteers"),
            (
                "match", "--weight", "fairness=nan",
                "--weight: the weight 'nan' for 'fairness' is out of range; a weight is a number from 0 to 1000"
            ),
            ("match", "--weight", "fairness=inf", "--weight: the weight 'inf' for 'fairness' is out of range"),
            ("match", "--weight", "fairness=1e15", "--weight: the weight '1e15' for 'fairness' is out of range"),
            ("match", "--weight", "fairness=-1", "--weight: the weight '-1' for 'fairness' is out of range"),
            (
                "match", "--max-per-volunteer", "2147483648",
                "--max-per-volunteer '2147483648' is out of range; give a number from 1 to 1000"
            ),
            (
                "match", "--max-per-volunteer", "0",
                "--max-per-volunteer '0' is out of range; give a number from 1 to 1000"
            ),
            (
                "match", "--alternates", "9223372036854775807",
                "--alternates '9223372036854775807' is out of range; give a number from 0 to 100"
            ),
        ])
    func numbersOutOfRange(command: String, option: String, value: String, message: String) throws {
        let result = try voldir(command, option, value)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message))
    }

    @Test("search --text of thousands of words or characters is refused, naming the caps")
    func searchTextCaps() throws {
        let words = try voldir("search", "--text", (1...4_000).map { "word\($0)" }.joined(separator: " "))
        #expect(words.status == 64)
        #expect(words.stderr.contains("--text: the text is"))
        let manyShortWords = try voldir("search", "--text", Array(repeating: "a", count: 40).joined(separator: " "))
        #expect(manyShortWords.status == 64)
        #expect(manyShortWords.stderr.contains("the text has 40 words; a search takes at most 32"))
    }

    @Test("a --weights file value out of range is refused with its file and line")
    func matchWeightsFile() throws {
        let file = try write("weights.txt", "nearness = 2\nfairness = 1e300\n")
        let result = try voldir("match", "--weights", file)
        #expect(Self.refused(result))
        #expect(result.stderr.contains("weights.txt:2: the weight '1e300' for 'fairness' is out of range"))
    }

    @Test("show and search print a roster's terminal escapes as visible text")
    func controlCharacters() throws {
        let roster = try write(
            "r.csv",
            "Name,Email,Notes,Consent\n\"Ann\u{1B}[2J\u{1B}]0;pwned\u{07}\u{202E}\",ann@example.org,\"note\u{1B}[31m\",yes\n"
        )
        #expect(try voldir("import", roster, "--network", "A").status == 0)
        for output in [try voldir("show", "1"), try voldir("search"), try voldir("search", "--format", "csv")] {
            #expect(output.status == 0)
            #expect(!output.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
            #expect(output.stdout.contains(#"Ann\u{1B}[2J"#))
        }
    }
}
