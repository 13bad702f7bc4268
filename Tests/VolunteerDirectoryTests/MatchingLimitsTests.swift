import Testing
import VolunteerDirectory

/// Numbers that reach the matcher from a roster, a weights file or the command line: each is
/// refused with its range where it is read, and none that gets through can trap the solver.
@Suite("Matching: numbers at the boundary")
struct MatchingLimitsTests {
    let volunteers = (1...4).map { MatcherTests.volunteer(VolunteerID($0), skills: ["First aid"]) }

    @Test(
        "a need stored with billions of places is matched, filling as many as there are candidates",
        arguments: [
            2_147_483_648, Int(Int32.max), Int.max,
        ])
    func hugePlaces(places: Int) throws {
        let needs = [
            MatcherTests.need("N-1", skills: ["first aid"], places: places), MatcherTests.need("N-2", places: 1),
        ]
        let index = MatchIndex(volunteers: volunteers, needs: needs)
        let result = Matcher(criteria: try MatchCriteria(), options: Matcher.Options(maxPerVolunteer: 2)).match(index)
        #expect(result.assignments.filter { $0.need == "N-1" }.count == 4)
        #expect(result.assignments.filter { $0.need == "N-2" }.count == 1)
        let unfilled = try #require(result.unfilled.first { $0.need == "N-1" })
        #expect(unfilled.places > 1_000_000)
        // The report adds places up across needs, and must not overflow either.
        let report = MatchReport(
            result: result, index: index, criteria: try MatchCriteria(), alternates: 1, audience: .coordinator)
        #expect(report.markdown().contains("N-1"))
    }

    @Test("a need stored with a negative number of places asks for none")
    func negativePlaces() throws {
        let index = MatchIndex(
            volunteers: volunteers, needs: [MatcherTests.need("N-1", places: Int.min)],
            confirmed: [(need: "N-1", volunteer: 1)])
        let result = Matcher(criteria: try MatchCriteria()).match(index)
        #expect(result.assignments.isEmpty)
        #expect(result.unfilled.isEmpty)
    }

    @Test("pruning on a need with more places than candidates keeps every candidate")
    func prunedHugePlaces() throws {
        let index = MatchIndex(volunteers: volunteers, needs: [MatcherTests.need("N-1", places: Int.max)])
        let options = Matcher.Options(maxPerVolunteer: 1, pruneAbove: 0, pruningSlack: Int.max)
        let result = Matcher(criteria: try MatchCriteria(), options: options).match(index)
        #expect(result.assignments.count == 4)
    }

    @Test(
        "a volunteer's capacity beyond 32 bits does not trap the solver", arguments: [2_147_483_648, Int.max, Int.min])
    func hugeCapacity(maxPerVolunteer: Int) throws {
        let needs = (1...3).map { MatcherTests.need("N-\($0)") }
        let index = MatchIndex(volunteers: Array(volunteers.prefix(1)), needs: needs)
        let result = Matcher(criteria: try MatchCriteria(), options: Matcher.Options(maxPerVolunteer: maxPerVolunteer))
            .match(index)
        #expect(result.assignments.count == (maxPerVolunteer > 0 ? 3 : 0))
    }

    @Test(
        "a weight that is not a finite number from 0 to 1000 is refused",
        arguments: [
            Double.nan, .infinity, -.infinity, 1e15, 1e300, 1000.5, -1,
        ])
    func weightsOutOfRange(weight: Double) {
        #expect(throws: MatchError.self) { try MatchCriteria(weights: ["fairness": weight]) }
    }

    @Test("weights at the ends of the range match without trapping", arguments: [0.0, 1000.0])
    func extremeWeights(weight: Double) throws {
        let criteria = try MatchCriteria(
            weights: Dictionary(uniqueKeysWithValues: MatchCriteria.all.map { (type(of: $0).key, weight) }))
        let index = MatchIndex(volunteers: volunteers, needs: [MatcherTests.need("N-1", places: 2)])
        let result = Matcher(criteria: criteria).match(index)
        #expect(result.assignments.count == 2)
    }

    @Test("a weights file value out of range is refused with the file, the line and the range")
    func weightsFileOutOfRange() {
        let text = "# weights\nnearness = 2\nfairness = 1e300\n"
        #expect(throws: MatchError.weightOutOfRange(name: "fairness", value: "1e300", location: "w.txt:3")) {
            try MatchCriteria.weights(parsing: text, file: "w.txt")
        }
        let error = #expect(throws: MatchError.self) {
            try MatchCriteria.weights(parsing: "fairness = nan", file: "w.txt")
        }
        #expect(
            error?.description
                == "w.txt:1: the weight 'nan' for 'fairness' is out of range; a weight is a number from 0 to 1000")
    }

    @Test(
        "--weight entries are read as name=number within the range",
        arguments: [
            ("fairness=nan", false), ("fairness=inf", false), ("fairness=1e15", false), ("fairness=-0.5", false),
            ("fairness", false),
            ("=3", false), ("a=b=c", false), ("fairness=4", true), ("nearness = 2.5", true), ("fairness=1000", true),
        ])
    func weightOption(entry: String, accepted: Bool) {
        #expect(((try? MatchCriteria.weight(parsing: entry)) != nil) == accepted)
    }
}

extension MatchingLimitsTests {
    @Test("the report adds up the places of needs stored with billions of places without overflowing")
    func reportOfHugeNeeds() throws {
        let speakers = (1...3).map {
            MatcherTests.volunteer(VolunteerID($0), skills: ["First aid"], languages: [("Polish", .fluent)])
        }
        let needs = (1...3).map { MatcherTests.need("N-\($0)", languages: [("Polish", nil)], places: Int.max) }
        let index = MatchIndex(volunteers: speakers, needs: needs)
        let criteria = try MatchCriteria()
        let report = MatchReport(
            result: Matcher(criteria: criteria).match(index), index: index, criteria: criteria, alternates: 1,
            audience: .coordinator)
        #expect(report.markdown().contains("Polish"))
        #expect(report.html().contains("Polish"))
        #expect(report.coverage.first?.placesAsking == 3 * Int(Int32.max))
    }
}
