import Testing
import VolunteerDirectoryGeneration

@testable import VolunteerDirectory

@Suite("Matching")
struct MatcherTests {
    static func volunteer(
        _ id: VolunteerID, skills: [String] = [], languages: [(String, Proficiency?)] = [],
        slots: [Slot] = [Slot(day: .any, part: .any)],
        dbs: DBSLevel? = nil, postcode: String? = nil, interprets: Bool = false
    ) -> Volunteer {
        Volunteer(
            id: id, name: "Volunteer \(id)", postcode: postcode, skills: skills.map { Skill(written: $0) },
            languages: languages.map {
                SpokenLanguage(language: .resolving($0.0), proficiency: $0.1, interprets: interprets)
            },
            availability: slots, dbs: dbs.map { DBSCheck(level: $0) }, consent: Consent(contact: true))
    }

    static func need(
        _ id: String, skills: [String] = [], preferred: [String] = [], languages: [(String, Proficiency?)] = [],
        slots: [Slot] = [],
        places: Int = 1, dbs: DBSLevel? = nil, postcode: String? = nil
    ) -> Need {
        Need(
            id: id, partner: "Partner", title: "Need \(id)",
            skills: skills.map { SkillRequirement(skill: Skill(written: $0), isRequired: true) }
                + preferred.map { SkillRequirement(skill: Skill(written: $0), isRequired: false) },
            languages: languages.map {
                LanguageRequirement(language: .resolving($0.0), minimumProficiency: $0.1, isRequired: true)
            },
            postcode: postcode, slots: slots, places: places, minimumDBS: dbs)
    }

    func match(
        _ volunteers: [Volunteer], _ needs: [Need], confirmed: [(need: String, volunteer: VolunteerID)] = [],
        options: Matcher.Options = Matcher.Options()
    ) throws -> MatchResult {
        let index = MatchIndex(volunteers: volunteers, needs: needs, confirmed: confirmed)
        return Matcher(criteria: try MatchCriteria(), options: options).match(index)
    }

    @Test("every hard requirement excludes: skill, language at the minimum, DBS, a common slot")
    func hardConstraints() throws {
        let need = Self.need(
            "N", skills: ["teaching"], languages: [("Polish", .fluent)], slots: [Slot(day: .wed, part: .afternoon)],
            dbs: .enhanced)
        let good = Self.volunteer(1, skills: ["Primary teaching"], languages: [("pl", .native)], dbs: .enhanced)
        let volunteers = [
            good,
            Self.volunteer(2, skills: ["Cooking"], languages: [("pl", .native)], dbs: .enhanced),
            Self.volunteer(3, skills: ["Teaching"], languages: [("pl", .basic)], dbs: .enhanced),
            Self.volunteer(4, skills: ["Teaching"], languages: [("pl", nil)], dbs: .enhanced),
            Self.volunteer(5, skills: ["Teaching"], languages: [("pl", .native)], dbs: .standard),
            Self.volunteer(
                6, skills: ["Teaching"], languages: [("pl", .native)], slots: [Slot(day: .wed, part: .morning)],
                dbs: .enhanced),
            Self.volunteer(7, skills: ["Teaching"], languages: [("ur", .native)], dbs: .enhanced),
            Self.volunteer(8, skills: ["Teaching"], languages: [("pl", .native)], slots: [], dbs: .enhanced),
        ]
        let result = try match(volunteers, [need])
        #expect(result.candidates.map(\.volunteer) == [1])
        #expect(result.assignments.map(\.volunteer) == [1])
        #expect(result.assignments.first?.reasons.contains("speaks Polish (native) — required") == true)
        #expect(
            result.assignments.first?.reasons.contains("has Primary teaching for teaching (narrower) — required")
                == true)
    }

    @Test("skills meet a need exactly, by synonym or as narrower, never as related; macrolanguages by their members")
    func taxonomyAndLanguageFamilies() throws {
        let taxonomy = try SkillTaxonomy.standard()
        let criteria = try MatchCriteria()
        func candidates(_ need: Need, _ volunteers: [Volunteer]) -> [VolunteerID] {
            let index = MatchIndex(volunteers: volunteers, needs: [need], taxonomy: taxonomy)
            return Matcher(criteria: criteria).match(index).candidates.map(\.volunteer).sorted()
        }
        let legal = Self.need("L", skills: ["Legal advice"])
        #expect(
            candidates(
                legal,
                [
                    Self.volunteer(1, skills: ["Solicitor"]), Self.volunteer(2, skills: ["CILEx"]),
                    Self.volunteer(3, skills: ["Advocacy"]),
                    Self.volunteer(4, skills: ["Law"]), Self.volunteer(5, skills: ["Cooking"]),
                ]) == [1, 2, 4])
        let accounts = Self.need("A", skills: ["Accountancy"])
        #expect(
            candidates(
                accounts, [Self.volunteer(1, skills: ["ACCA qualified"]), Self.volunteer(2, skills: ["Bookkeeping"])])
                == [1])
        let interpreting = Self.need("I", skills: ["Interpreting"])
        #expect(
            candidates(
                interpreting, [Self.volunteer(1, languages: [("Urdu", .native)], interprets: true), Self.volunteer(2)])
                == [1])

        let kurdish = Self.need("K", languages: [("Kurdish", nil)])
        let speakers = [
            Self.volunteer(1, languages: [("Sorani", .fluent)]), Self.volunteer(2, languages: [("Kurmanji", .native)]),
            Self.volunteer(3, languages: [("Arabic", .native)]),
        ]
        #expect(candidates(kurdish, speakers) == [1, 2])
        let cantonese = Self.need("C", languages: [("Cantonese", nil)])
        #expect(
            candidates(
                cantonese,
                [Self.volunteer(1, languages: [("Chinese", .native)]), Self.volunteer(2, languages: [("粵語", nil)])])
                == [2])

        // The report says how the skill was met.
        let index = MatchIndex(
            volunteers: [Self.volunteer(1, skills: ["ACCA qualified"])], needs: [accounts], taxonomy: taxonomy)
        let result = Matcher(criteria: try MatchCriteria()).match(index)
        #expect(
            result.assignments.first?.reasons.contains("has ACCA qualified for Accountancy (synonym) — required")
                == true)
    }

    @Test("capacity: one need at a time by default, confirmed placements count against it")
    func capacity() throws {
        let volunteers = [Self.volunteer(1, skills: ["driving"])]
        let needs = [Self.need("A", skills: ["driving"]), Self.need("B", skills: ["driving"])]
        #expect(try match(volunteers, needs).assignments.count == 1)
        #expect(try match(volunteers, needs, options: Matcher.Options(maxPerVolunteer: 2)).assignments.count == 2)
        let placed = try match(volunteers, [Self.need("B", skills: ["driving"])], confirmed: [("A", 1)])
        #expect(placed.assignments.isEmpty)
        #expect(placed.unfilled.map(\.need) == ["B"])
    }

    @Test("fills as many places as possible before maximising the score")
    func cardinalityFirst() throws {
        // Volunteer 1 is the best for both needs, but only volunteer 1 can do need B.
        let volunteers = [
            Self.volunteer(1, skills: ["driving", "first aid"], postcode: "SK4 1AA"),
            Self.volunteer(2, skills: ["driving"]),
        ]
        let needs = [Self.need("A", skills: ["driving"], postcode: "SK4 2BB"), Self.need("B", skills: ["first aid"])]
        let result = try match(volunteers, needs)
        #expect(result.assignments.map { "\($0.need)-\($0.volunteer)" } == ["A-2", "B-1"])
        #expect(result.unfilled.isEmpty)
    }

    @Test("the fairness term favours people not yet placed")
    func fairness() throws {
        let volunteers = [Self.volunteer(1, skills: ["driving"]), Self.volunteer(2, skills: ["driving"])]
        let needs = [Self.need("A", skills: ["driving"]), Self.need("Z", skills: ["driving"])]
        let result = try match(
            volunteers, [needs[0]], confirmed: [("Z", 1)], options: Matcher.Options(maxPerVolunteer: 2))
        #expect(result.assignments.map(\.volunteer) == [2])
        #expect(result.assignments.first?.reasons.contains("not placed before") == true)
        let noFairness = try MatchCriteria(weights: ["fairness": 0])
        let index = MatchIndex(volunteers: volunteers, needs: [needs[0]], confirmed: [("Z", 1)])
        let without = Matcher(criteria: noFairness, options: Matcher.Options(maxPerVolunteer: 2)).match(index)
        #expect(without.assignments.map(\.volunteer) == [1])  // a tie, broken by id
    }

    @Test("unfilled places say what no one has and who nearly qualifies")
    func unfilledReasons() throws {
        let volunteers = [
            Self.volunteer(1, languages: [("Tigrinya", .native)], dbs: .basic),
            Self.volunteer(2, languages: [("ti", .fluent)]),
            Self.volunteer(3, languages: [("Polish", .native)], dbs: .enhanced),
        ]
        let result = try match(
            volunteers, [Self.need("T", languages: [("Tigrinya", .fluent)], places: 2, dbs: .enhanced)])
        let unfilled = try #require(result.unfilled.first)
        #expect(unfilled.places == 2)
        #expect(
            unfilled.reasons == [
                "no volunteer who may be contacted speaks Tigrinya (fluent) and holds an enhanced DBS check",
                "1 volunteer meets every other requirement but not: speaks Tigrinya (fluent)",
                "2 volunteers meet every other requirement but not: holds an enhanced DBS check",
            ])
        let nobody = try match(volunteers, [Self.need("S", languages: [("Somali", nil)])])
        #expect(nobody.unfilled.first?.reasons.first == "no volunteer who may be contacted speaks Somali")
    }

    @Test("the same directory gives the same result, whatever the input order")
    func determinism() throws {
        var random = SeededRandom(seed: 7)
        let (volunteers, needs) = Self.randomInstance(&random, volunteers: 40, needs: 12)
        let first = try match(volunteers, needs)
        let second = try match(volunteers.reversed(), needs.reversed())
        #expect(first == second)
    }

    @Test("optimal against brute force on small instances", arguments: Array(1...60))
    func optimal(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed))
        let (volunteers, needs) = Self.randomInstance(
            &random, volunteers: 2 + random.index(5), needs: 1 + random.index(3))
        let maxPer = 1 + random.index(2)
        let result = try match(volunteers, needs, options: Matcher.Options(maxPerVolunteer: maxPer))
        let best = Self.bruteForce(result.candidates, needs: needs, maxPerVolunteer: maxPer)
        #expect(result.assignments.count == best.count)
        #expect(Int((result.totalScore * 1000).rounded()) == best.score)
        let pruned = try match(
            volunteers, needs, options: Matcher.Options(maxPerVolunteer: maxPer, pruneAbove: 0, pruningSlack: 0))
        #expect(pruned.assignments.count == best.count)
        #expect(Int((pruned.totalScore * 1000).rounded()) == best.score)
        #expect(pruned.pruning != nil || result.candidates.isEmpty)
    }

    @Test("pruned matching of a larger instance keeps the optimum of the unpruned one", arguments: [11, 12, 13])
    func prunedLarger(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed))
        let (volunteers, needs) = Self.randomInstance(&random, volunteers: 300, needs: 40)
        let full = try match(volunteers, needs)
        let pruned = try match(volunteers, needs, options: Matcher.Options(pruneAbove: 0, pruningSlack: 1))
        #expect(full.pruning == nil)
        #expect(pruned.assignments.count == full.assignments.count)
        #expect(pruned.totalScore == full.totalScore)
        #expect(pruned.candidates.count <= full.candidates.count)
    }

    // MARK: - Helpers

    static func randomInstance(_ random: inout SeededRandom, volunteers: Int, needs: Int) -> ([Volunteer], [Need]) {
        let skills = ["driving", "first aid", "teaching", "cooking"]
        let languages = ["pol", "urd", "tir"]
        let days: [Day] = [.mon, .tue, .wed]
        let people = (1...volunteers).map { id in
            Self.volunteer(
                VolunteerID(id), skills: skills.filter { _ in random.chance(0.5) },
                languages: languages.filter { _ in random.chance(0.4) }.map {
                    ($0, Proficiency(rawValue: 1 + random.index(4)))
                },
                slots: [Slot(day: random.element(days), part: .any)], dbs: DBSLevel(rawValue: random.index(4)),
                postcode: "SK\(1 + random.index(3)) 1AA", interprets: random.chance(0.2))
        }
        let wanted = (1...needs).map { id in
            Self.need(
                "N\(id)", skills: random.chance(0.7) ? [random.element(skills)] : [],
                preferred: random.chance(0.5) ? [random.element(skills)] : [],
                languages: random.chance(0.4)
                    ? [(random.element(languages), Proficiency(rawValue: 1 + random.index(3)))] : [],
                slots: random.chance(0.5) ? [Slot(day: random.element(days), part: .any)] : [],
                places: 1 + random.index(2),
                dbs: random.chance(0.3) ? .standard : nil, postcode: "SK\(1 + random.index(3)) 2BB")
        }
        return (people, wanted)
    }

    /// The best (most places, then highest total) choice of candidate pairs, by trying them all.
    static func bruteForce(_ candidates: [MatchResult.Candidate], needs: [Need], maxPerVolunteer: Int) -> (
        count: Int, score: Int
    ) {
        let places = Dictionary(uniqueKeysWithValues: needs.map { ($0.id, $0.places) })
        var best = (count: 0, score: 0)
        func search(_ index: Int, _ count: Int, _ score: Int, _ used: [String: Int], _ load: [VolunteerID: Int]) {
            if index == candidates.count {
                if count > best.count || (count == best.count && score > best.score) { best = (count, score) }
                return
            }
            search(index + 1, count, score, used, load)
            let pair = candidates[index]
            if used[pair.need, default: 0] < places[pair.need, default: 0],
                load[pair.volunteer, default: 0] < maxPerVolunteer
            {
                var used = used
                var load = load
                used[pair.need, default: 0] += 1
                load[pair.volunteer, default: 0] += 1
                search(index + 1, count + 1, score + Int((pair.score * 1000).rounded()), used, load)
            }
        }
        search(0, 0, 0, [:], [:])
        return best
    }

    /// The matcher takes a shortlist drawn from a required skill's candidates as meeting that
    /// skill, without asking again: so the list must hold exactly those who meet it.
    @Test("a required skill's candidates are exactly the volunteers who meet it, interpreters included")
    func skillCandidatesAreThoseWhoMeetIt() throws {
        let taxonomy = try SkillTaxonomy.standard()
        let written = [
            "Solicitor", "CILEx", "Advocacy", "Law", "Cooking", "ACCA qualified", "Bookkeeping", "Accountancy",
            "Legal advice", "Translation", "Interpreting", "First aid", "Driving",
        ]
        var volunteers: [Volunteer] = []
        for id in 1...60 {
            let skills = (0..<(id % 4)).map { written[(id * 7 + $0 * 5) % written.count] }
            volunteers.append(
                Self.volunteer(
                    VolunteerID(id), skills: skills, languages: id % 3 == 0 ? [("Urdu", .native)] : [],
                    interprets: id % 6 == 0))
        }
        let needs = ["Legal advice", "Accountancy", "Interpreting", "Translation", "Law", "Cooking"].enumerated().map {
            Self.need("N-\($0)", skills: [$1])
        }
        let index = MatchIndex(volunteers: volunteers, needs: needs, taxonomy: taxonomy)
        var checked = 0
        for need in index.needs {
            for skill in need.requiredSkills {
                let meeting = index.volunteers.indices.filter { skill.isMet(by: index.volunteers[$0], in: index) }
                #expect(skill.candidates == meeting.map { Int32($0) }, "\(skill.written)")
                checked += meeting.count
            }
        }
        #expect(checked > 20)
    }
}
