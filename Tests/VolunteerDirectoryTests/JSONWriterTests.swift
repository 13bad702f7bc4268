import Foundation
import PropertyBased
import Testing

@testable import VolunteerDirectory

/// The search array (`voldir search --format json`, `/api/search`) and `voldir show --format
/// json` are written by ``JSONWriter``; every byte must be the one `JSONEncoder` writes through
/// ``Presentation/json(_:)``, which every other `--format json` still uses.
@Suite("JSON writer: the same bytes as JSONEncoder")
struct JSONWriterTests {
    typealias VolunteerJSON = Presentation.VolunteerJSON

    /// Text that JSON treats specially or that an encoder might: quotes, backslashes, `/`, every
    /// control character, DEL, the line and paragraph separators, a byte-order mark, emoji,
    /// several scripts, combining marks, the last scalar, and JSON's own punctuation.
    static let fragments =
        [
            "", " ", "\"", "\\", "/", "\\\"", "\\u0041", "</script>", "http://example.org/a/b", "\u{7F}", "\u{80}",
            "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{202E}", "\u{0301}", "\u{10FFFF}", "😀", "👩🏽‍⚕️", "🇬🇧", "اُردو",
            "हिन्दी", "漢字", "한국어", "Łukasz", "Kılıç", "[", "]", "[ ]", "[\n\n  ]", "{", "}", " : ", ",", "null",
            "1.0", "e", "\r\n",
        ] + (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) }

    /// Strings made of those pieces, or `nil`.
    static let texts = Gen<String?>.element(of: fragments).map { $0 ?? "" }.array(of: 0...5).map { $0.joined() }
        .optional(valueRate: 0.7).array(of: 0...40)

    /// Scores as a search writes them (rounded to three places), and the ones whose spelling is
    /// easy to get wrong: whole numbers, tenths, thirds, large, small, negative zero.
    static let scores = Gen<Double>.value(in: -2_000...2_000).map { ($0 * 1000).rounded() / 1000 }.array(of: 0...6)
    static let specialScores: [Double?] = [nil, 0.1, 1, 1000.5, 0.333, 0, -0.0, 100, 1e16, 1e-5, 1e21, 0.001, -12.5]

    /// How many volunteers, skills, languages, slots, networks and matched terms.
    static let sizes = Gen<Int>.value(in: -1...3).array(of: 8)
    static let flags = Gen.bool.array(of: 0...12)

    @Test("generated volunteers with awkward text, empty arrays, nil optionals and awkward scores")
    func generatedVolunteers() async throws {
        await propertyCheck(count: 300, input: Self.texts, Self.scores, Self.sizes, Self.flags) {
            texts, scores, sizes, flags in
            var draw = Draw(texts: texts, scores: scores, flags: flags)
            let volunteers = (0..<(sizes[0] + 1) * 2).map { index in
                draw.volunteer(id: Int64(index) * 7_919 - 3, sizes: sizes.shifted(by: index))
            }
            try #require(try JSONWriter.document(volunteers) == Presentation.json(volunteers))
            for volunteer in volunteers.prefix(2) {
                try #require(try JSONWriter.document(volunteer) == Presentation.json(volunteer))
            }
        }
    }

    @Test("each awkward score, alone and in a volunteer", arguments: specialScores)
    func scores(score: Double?) throws {
        var volunteer = VolunteerJSON(Volunteer(id: 1, name: "Ann"))
        volunteer.score = score
        #expect(try JSONWriter.document([volunteer]) == Presentation.json([volunteer]))
        if let score {
            #expect(try JSONWriter.document([score]) == Presentation.json([score]))
        }
    }

    @Test("every field set, every control character, and the largest ids")
    func everything() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        var volunteer = VolunteerJSON(
            Volunteer(
                id: .max, name: "Zoë \"Z\" O'Brien \\ / \u{2028} 😀 اُردو", email: "z@example.org",
                phone: "0161 \u{0}\u{1F}", postcode: "SK1 1AA", area: "Brinnington & Central", ageBand: .age25to34,
                skills: [Skill(written: "ACCA/CIMA qualified", level: .professional, qualifiedIn: "PK")],
                languages: [
                    SpokenLanguage(
                        language: LanguageReference(written: "Urdu (Nastaliq)", code: "urd", script: "Arab"),
                        proficiency: .native, interprets: true),
                    SpokenLanguage(language: LanguageReference(written: "Scouse \"/\\", code: nil)),
                ],
                availability: [Slot(day: .sat, part: .any)], dbs: DBSCheck(level: .enhanced),
                consent: Consent(contact: true, share: .partners), notes: controls + "\u{7F}",
                memberships: [Membership(networkID: 1, networkName: "Race Equality / SREP")], isListed: false),
            score: 1000.5,
            matched: [
                MatchedTerm(skill: "accountancy", written: "ACCA/CIMA qualified", match: .synonym)
            ]
        )
        volunteer.dbsIssued = "2024-02-29"
        #expect(try JSONWriter.document([volunteer, volunteer]) == Presentation.json([volunteer, volunteer]))
        volunteer.id = .min
        volunteer.matched = []
        volunteer.languages = []
        volunteer.skills = [.init(name: controls, level: nil, qualifiedIn: nil)]
        #expect(try JSONWriter.document(volunteer) == Presentation.json(volunteer))
    }

    @Test("no volunteers: []")
    func empty() throws {
        #expect(try JSONWriter.document([VolunteerJSON]()) == Presentation.json([VolunteerJSON]()))
        #expect(try Presentation.volunteers([], as: .json) == "[]")
    }

    @Test("search results and one volunteer go through the writer with the same bytes")
    func presentation() throws {
        let ann = Volunteer(
            id: 12, name: "Ann \"Nan\" Lee", postcode: "SK4 1AA",
            skills: [Skill(written: "book-keeping")],
            languages: [
                SpokenLanguage(
                    language: LanguageReference(written: "Polish", code: "pol"), proficiency: .fluent, interprets: true)
            ])
        let matches = [
            VolunteerMatch(
                volunteer: ann, score: 2.0 / 3,
                matched: [MatchedTerm(skill: "accountancy", written: "book-keeping", match: .synonym)]),
            VolunteerMatch(volunteer: Volunteer(id: 13, name: "Bo"), score: 1),
        ]
        let json = try Presentation.volunteers(matches, as: .json)
        #expect(json == (try Presentation.json(matches.map(VolunteerJSON.init))))
        #expect(json.contains("\"score\" : 0.667"))
        #expect(try Presentation.volunteer(ann, as: .json) == Presentation.json(VolunteerJSON(ann)))
    }

    @Test("a score JSON cannot hold is refused, as the encoder refuses it", arguments: [Double.nan, .infinity])
    func unencodable(score: Double) {
        var volunteer = VolunteerJSON(Volunteer(id: 1, name: "Ann"))
        volunteer.score = score
        #expect(throws: EncodingError.self) { try Presentation.json([volunteer]) }
        #expect(throws: EncodingError.self) { try JSONWriter.document([volunteer]) }
    }
}

/// Draws the parts of generated volunteers from the generated texts, scores and flags in turn,
/// starting again from the first when they run out.
private struct Draw {
    var texts: [String?]
    var scores: [Double]
    var flags: [Bool]
    private var next = 0

    init(texts: [String?], scores: [Double], flags: [Bool]) {
        self.texts = texts
        self.scores = scores
        self.flags = flags
    }

    mutating func optionalText() -> String? {
        next += 1
        return texts.isEmpty ? nil : texts[next % texts.count]
    }

    mutating func text() -> String { optionalText() ?? "" }

    mutating func flag() -> Bool {
        next += 1
        return flags.isEmpty ? false : flags[next % flags.count]
    }

    /// One way a term is met, drawn like the rest.
    mutating func matchKind() -> SkillMatchKind {
        next += 1
        return SkillMatchKind.allCases[next % SkillMatchKind.allCases.count]
    }

    mutating func score() -> Double? {
        next += 1
        if flag() { return JSONWriterTests.specialScores[next % JSONWriterTests.specialScores.count] }
        return scores.isEmpty ? nil : scores[next % scores.count]
    }

    /// `count` items, or none for a negative count.
    mutating func items<T>(_ count: Int, _ make: (inout Draw) -> T) -> [T] {
        (0..<max(count, 0)).map { _ in make(&self) }
    }

    mutating func volunteer(id: Int64, sizes: [Int]) -> Presentation.VolunteerJSON {
        var json = Presentation.VolunteerJSON(Volunteer(id: id, name: text()))
        json.email = optionalText()
        json.phone = optionalText()
        json.postcode = optionalText()
        json.area = optionalText()
        json.ageBand = optionalText()
        json.skills = items(sizes[1]) {
            .init(name: $0.text(), level: $0.optionalText(), qualifiedIn: $0.optionalText())
        }
        json.languages = items(sizes[2]) {
            .init(
                code: $0.optionalText(), name: $0.text(), written: $0.text(), script: $0.optionalText(),
                proficiency: $0.optionalText(), interprets: $0.flag())
        }
        json.availability = items(sizes[3]) { $0.text() }
        json.dbs = optionalText()
        json.dbsIssued = optionalText()
        json.consentToContact = flag() ? flag() : nil
        json.shareWith = optionalText()
        json.networks = items(sizes[4]) { $0.text() }
        json.listed = flag()
        json.notes = optionalText()
        json.score = score()
        json.match = flag() ? matchKind() : nil
        // -1: no `matched` key at all; 0: an empty array.
        json.matched =
            sizes[5] < 0
            ? nil
            : items(sizes[5]) {
                $0.flag()
                    ? MatchedTerm(skill: $0.text(), written: $0.text(), match: $0.matchKind())
                    : MatchedTerm(language: $0.text(), written: $0.text(), relation: $0.flag() ? .exact : .related)
            }
        return json
    }
}

extension Array {
    /// The array rotated left by `count` places.
    fileprivate func shifted(by count: Int) -> [Element] {
        guard !isEmpty else { return self }
        let start = count % self.count
        return Array(self[start...] + self[..<start])
    }
}
