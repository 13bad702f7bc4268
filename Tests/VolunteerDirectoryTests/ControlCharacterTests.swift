import Testing
import VolunteerDirectory

/// A roster's text is shown, never obeyed: terminal escapes, C1 controls and bidirectional
/// overrides come out as visible escapes in tables, `show`, CSV and the HTML report.
@Suite("Control characters in output")
struct ControlCharacterTests {
    /// A name that would clear the screen, retitle the terminal, colour the rest red, carry a C1
    /// CSI and a DEL, and reverse what follows it.
    static let hostile = "Ann\u{1B}[2J\u{1B}]0;pwned\u{07}\u{1B}[31mRed\u{9B}1m\u{7F}\u{202E}txt.exe\u{2066}x\u{2069}"

    static func volunteer(name: String = hostile, notes: String? = nil) -> Volunteer {
        Volunteer(
            id: 7, name: name, skills: [Skill(written: "First aid\u{1B}[5m")], availability: [],
            consent: Consent(contact: true),
            notes: notes)
    }

    /// Whether text holds anything a terminal or a browser would act on.
    static func holdsControls(_ text: String, allowing allowed: Set<Unicode.Scalar> = ["\n"]) -> Bool {
        text.unicodeScalars.contains { scalar in
            !allowed.contains(scalar)
                && ((0x00...0x1F).contains(scalar.value) || (0x7F...0x9F).contains(scalar.value)
                    || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value))
        }
    }

    @Test("each kind of control character is written as a visible escape; text around it stays")
    func escapes() {
        #expect(
            Self.hostile.escapingControlCharacters()
                == #"Ann\u{1B}[2J\u{1B}]0;pwned\u{7}\u{1B}[31mRed\u{9B}1m\u{7F}\u{202E}txt.exe\u{2066}x\u{2069}"#)
        #expect(
            "Łukasz Nowak\tand\nnote".escapingControlCharacters(keeping: ["\n", "\t"]) == "Łukasz Nowak\tand\nnote")
        #expect("a\rb\u{0}".escapingControlCharacters(keeping: ["\n"]) == #"a\u{D}b\u{0}"#)
        #expect("كريم \u{200F}ok".escapingControlCharacters() == "كريم \u{200F}ok")
    }

    @Test("search tables show control characters escaped")
    func table() throws {
        let text = try Presentation.volunteers([VolunteerMatch(volunteer: Self.volunteer(), score: 1)], as: .table)
        #expect(!Self.holdsControls(text))
        #expect(text.contains(#"Ann\u{1B}[2J"#))
        let plain = TextTable(headers: ["NAME\u{1B}[1m"], rows: [["x\u{9B}2J"]]).rendered()
        #expect(!Self.holdsControls(plain))
    }

    @Test("show escapes every field but keeps the line breaks of notes")
    func show() throws {
        let text = try Presentation.volunteer(Self.volunteer(notes: "Line one\nLine two\u{1B}[8m"), as: .table)
        #expect(!Self.holdsControls(text))
        #expect(text.contains("Notes      Line one\nLine two\\u{1B}[8m"))
        #expect(text.contains(#"Name       Ann\u{1B}[2J"#))
    }

    @Test("CSV cells carry no control characters but quoted line breaks and tabs")
    func csv() throws {
        let text = try Presentation.volunteers(
            [VolunteerMatch(volunteer: Self.volunteer(notes: "a\nb"), score: 1)], as: .csv)
        #expect(!Self.holdsControls(text, allowing: ["\r", "\n"]))
        #expect(CSVWriter.cell("x\u{1B}[2J") == #"x\u{1B}[2J"#)
        #expect(CSVWriter.cell("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.cell("\u{1B}=cmd") == #"\u{1B}=cmd"#)
    }

    @Test("the HTML report escapes control characters in text and attributes; so does the Markdown one")
    func html() throws {
        let volunteers = [
            MatchReportTests.person(
                1, Self.hostile + "\" onmouseover=\"x", skills: [Skill(written: "Teaching")],
                languages: [("pl", .native)])
        ]
        let needs = [
            Need(
                id: "N-1\u{202E}", partner: "Schools\u{1B}[2J", title: "Reading\u{85}support",
                skills: [SkillRequirement(skill: Skill(written: "Teaching"), isRequired: true)], places: 2)
        ]
        let index = MatchIndex(volunteers: volunteers, needs: needs)
        let criteria = try MatchCriteria()
        let report = MatchReport(
            result: Matcher(criteria: criteria).match(index), index: index, criteria: criteria, alternates: 1,
            audience: .coordinator)
        let markdown = report.markdown()
        #expect(!Self.holdsControls(markdown))
        #expect(markdown.contains(#"Schools\\u{1B}\[2J"#))
        let html = report.html()
        #expect(!Self.holdsControls(html))
        #expect(html.contains(#"Ann\u{1B}[2J"#))
        #expect(html.contains("Schools\\u{1B}[2J"))
        #expect(!html.contains("\" onmouseover=\"x"))
    }
}
