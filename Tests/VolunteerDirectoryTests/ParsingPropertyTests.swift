import PropertyBased
import Testing
import VolunteerDirectory

/// Random input for every entry point that reads numbers and lists from a roster, a feed, a
/// weights file or the command line, and for the matcher: nothing may crash, and what is read
/// stays within its documented range.
@Suite("Parsing and matching: random input never crashes")
struct ParsingPropertyTests {
    /// Pieces that parsers treat specially: digits, signs, exponents, the names of infinities
    /// and NaN, huge numbers, separators, brackets, dates, levels, slots, letters from several
    /// scripts, control characters and bidirectional overrides.
    static let fragments = [
        "", " ", "0", "1", "9", "-", "+", ".", "e", "E", "x", "0x", "nan", "NaN", "inf", "-inf", "infinity", "1e300",
        "1e15",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "2147483648", "99999999999999999999999",
        ";", ",", "/", "|", "(", ")", "[", "]", "=", ":", "#", "\n", "\r", "\t", "\u{0}", "\u{1B}[2J", "\u{9B}",
        "\u{7F}",
        "\u{202E}", "\u{2066}", "\u{FEFF}", "\u{00A0}", "\u{0301}", "Urdu", "ur", "pa-Arab", "native", "fluent",
        "basic",
        "enhanced", "standard", "professional", "Accountancy", "qualified in", "Pakistan", "mon", "tue-evening",
        "weekends",
        "weekday", "mornings", "any", "sat", "2025-03-28", "31/02/2025", "28.03.2025", "T09:30:00Z", "0000", "00", "29",
        "Łukasz", "Kılıç", "ß", "ﬁ", "İ", "ŉ", "हिन्दी", "اُردو", "한국어", "🇬🇧", "👩🏽‍⚕️", "\u{10FFFF}",
    ]

    /// Strings made of those pieces.
    static let text = Gen<String?>.element(of: fragments).map { $0 ?? "" }.array(of: 0...12).map { $0.joined() }

    /// Strings of any Unicode scalars at all.
    static let anyScalars = Gen<UInt32>.value(in: 0...0x10FFFF).map { Character(Unicode.Scalar($0) ?? "\u{FFFD}") }
        .string(of: 0...24)

    /// Every double there is: NaN, infinities, subnormals, the largest and the smallest.
    static let anyDouble = Gen<UInt64>.value().map { Double(bitPattern: $0) }

    @Test(
        "weights: a weights file or --weight is read, or refused with a MatchError, and every weight read is in range")
    func weights() async {
        await propertyCheck(count: 400, input: Self.text, Self.anyDouble) { text, number in
            for entry in [text, "fairness=" + text, "fairness=\(number)", "nearness = \(number)"] {
                if let parsed = try? MatchCriteria.weight(parsing: entry) {
                    #expect(MatchCriteria.weightRange.contains(parsed.value))
                }
                if let parsed = try? MatchCriteria.weights(parsing: entry + "\n# note\n" + text, file: "w.txt") {
                    #expect(parsed.values.allSatisfy { MatchCriteria.weightRange.contains($0) })
                }
            }
            #expect(
                ((try? MatchCriteria(weights: ["fairness": number])) != nil)
                    == MatchCriteria.weightRange.contains(number))
        }
    }

    @Test("--available slots, levels and DBS checks: read or refused, never a crash")
    func slotsAndLevels() async {
        await propertyCheck(count: 400, input: Self.text, Self.anyScalars) { text, scalars in
            for input in [text, scalars] {
                if let slots = Slot.parse(input) { #expect(!slots.isEmpty) }
                _ = Proficiency(name: input)
                _ = SkillLevel(name: input)
                _ = DBSLevel(name: input)
                _ = ShareScope(name: input)
                _ = try? ItemParsing.dbs(input)
                _ = ItemParsing.yesNo(input)
            }
        }
    }

    @Test("list items, skills and languages: every item read is non-empty text")
    func listItems() async {
        await propertyCheck(count: 400, input: Self.text, Self.anyScalars) { text, scalars in
            for cell in [text, scalars, text + scalars] {
                let items = ListCell.items(cell)
                #expect(items.allSatisfy { !$0.isEmpty })
                for item in items {
                    _ = BracketedItem(parsing: item)
                    _ = ItemParsing.skill(item)
                    _ = ItemParsing.language(item)
                    _ = ItemParsing.languageRequirement(item, isRequired: true)
                }
            }
        }
    }

    @Test("dates: a date read is a real day between 1900 and 2200, and reads back the same")
    func dates() async {
        await propertyCheck(count: 400, input: Self.text, Gen.int(), Gen.int(), Gen.int()) { text, year, month, day in
            for input in [text, "\(year)-\(month)-\(day)", "\(day)/\(month)/\(year)"] {
                if let date = CalendarDate(parsing: input) {
                    #expect((1900...2200).contains(date.year))
                    #expect(CalendarDate(parsing: date.description) == date)
                }
                _ = try? ItemParsing.date(input, field: "date")
            }
            _ = CalendarDate(year: year, month: month, day: day)
        }
    }

    @Test("search text: folding, keys, escaping and the caps never crash, and folding is stable")
    func searchText() async {
        await propertyCheck(count: 400, input: Self.text, Self.anyScalars) { text, scalars in
            for input in [text, scalars] {
                let folded = input.searchFolded
                #expect(folded.searchFolded == folded)
                _ = input.matchingKey
                _ = VolunteerQuery(text: input).textTerms
                _ = try? VolunteerQuery(text: input).validate()
                let escaped = input.escapingControlCharacters()
                #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            }
        }
    }

    @Test("matching small random directories with any places, capacity and weights in range never traps")
    func matching() async throws {
        let numbers = Gen.int().array(of: 1...24)
        let weights = Gen.oneOf(
            Gen.always(0.0).eraseToAnySequence(), Gen.always(1000.0).eraseToAnySequence(),
            Gen<Double>.value(in: 0...1000).eraseToAnySequence(),
            Gen.always(Double.leastNonzeroMagnitude).eraseToAnySequence()
        ).array(of: MatchCriteria.all.count)
        await propertyCheck(count: 150, input: numbers, weights, Gen.int()) { numbers, weights, capacity in
            let skills = ["First aid", "Teaching", "Driving"]
            let volunteers = numbers.prefix(6).enumerated().map { offset, number in
                MatcherTests.volunteer(
                    VolunteerID(offset + 1), skills: [skills[Int(number.magnitude % 3)]],
                    languages: number.isMultiple(of: 2) ? [("Polish", .fluent)] : [],
                    postcode: number.isMultiple(of: 3) ? "SK4 1AA" : nil)
            }
            let needs = numbers.dropFirst(6).prefix(5).enumerated().map { offset, places in
                MatcherTests.need(
                    "N-\(offset)", skills: [skills[Int(places.magnitude % 3)]], preferred: ["Driving"],
                    languages: places.isMultiple(of: 5) ? [("Polish", nil)] : [], places: places, postcode: "SK4 2BB")
            }
            let confirmed = volunteers.prefix(2).compactMap { volunteer in
                needs.first.map { (need: $0.id, volunteer: volunteer.id) }
            }
            let keys = MatchCriteria.all.map { type(of: $0).key }
            guard let criteria = try? MatchCriteria(weights: Dictionary(uniqueKeysWithValues: zip(keys, weights)))
            else {
                Issue.record("weights in range were refused: \(weights)")
                return
            }
            let index = MatchIndex(volunteers: volunteers, needs: needs, confirmed: confirmed)
            for options in [
                Matcher.Options(maxPerVolunteer: capacity),
                Matcher.Options(maxPerVolunteer: capacity, pruneAbove: 0, pruningSlack: capacity),
            ] {
                let result = Matcher(criteria: criteria, options: options).match(index)
                var perVolunteer: [VolunteerID: Int] = [:]
                for assignment in result.assignments { perVolunteer[assignment.volunteer, default: 0] += 1 }
                #expect(perVolunteer.values.allSatisfy { $0 <= max(0, capacity) })
                for need in needs {
                    #expect(result.assignments.filter { $0.need == need.id }.count <= max(0, need.places))
                }
                #expect(result.totalScore.isFinite)
                _ = MatchReport(result: result, index: index, criteria: criteria, alternates: 3, audience: .coordinator)
                    .markdown()
            }
        }
    }
}
