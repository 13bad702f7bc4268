/// A coordinator's matching report: who is proposed for each need and why, alternates, the places
/// no one can fill and why, language coverage, and skilled volunteers not placed anywhere.
///
/// Built once from a ``MatchResult``; rendered as HTML, Markdown, CSV or JSON.
public struct MatchReport: Sendable {
    /// Who the report is for.
    public enum Audience: String, Sendable, CaseIterable {
        /// The partnership's coordinators: everything, with contact details.
        case coordinator
        /// A partner: no contact details, and no one who did not agree to be shared with partners.
        case partner
    }

    /// A volunteer in the report, with why they are there.
    public struct Entry: Sendable {
        /// The volunteer.
        public var volunteer: Volunteer
        /// The pair's score.
        public var score: Double
        /// Why, in plain words.
        public var reasons: [String]
    }

    /// One need's part of the report.
    public struct NeedSection: Sendable {
        /// The need.
        public var need: Need
        /// The volunteers proposed.
        public var proposed: [Entry]
        /// The next best candidates.
        public var alternates: [Entry]
        /// Proposed volunteers left out for this audience.
        public var withheld: Int
        /// Empty places and why, if any.
        public var unfilled: MatchResult.Unfilled?
    }

    /// One language the needs ask for, against the speakers available (named apart from the
    /// directory's ``VolunteerDirectory/LanguageCoverage``, which counts speakers alone).
    public struct LanguageDemand: Sendable {
        /// The language's name.
        public var language: String
        /// Places on needs that ask for it (required or preferred).
        public var placesAsking: Int
        /// Volunteers who may be contacted and speak it.
        public var speakers: Int
        /// Of those, how many are proposed for a need in this run.
        public var proposed: Int
    }

    /// A skilled volunteer not placed anywhere.
    public struct Talent: Sendable {
        /// The volunteer.
        public var volunteer: Volunteer
        /// Their professional or qualified skills.
        public var skills: [Skill]
    }

    /// The audience.
    public let audience: Audience
    /// Per need, by id.
    public let needs: [NeedSection]
    /// Language coverage, most asked first.
    public let coverage: [LanguageDemand]
    /// Under-used talent, most skills first (at most ``talentLimit``).
    public let talent: [Talent]
    /// How many under-used skilled volunteers there are in all.
    public let talentTotal: Int
    /// The result the report is built from (filtered for the audience).
    public let result: MatchResult
    /// Places asked for and filled.
    public let placesAsked: Int
    /// Needs flagged as likely duplicates of another need held: not matched, and not counted in
    /// the places asked or the language coverage, so the same request is not met twice.
    public let duplicates: [Need]

    /// How many under-used volunteers are listed at most.
    public static let talentLimit = 100

    /// For a `partner` audience, leaves out whoever does not share with partners and blanks email and phone.
    public init(
        result: MatchResult, index: MatchIndex, criteria: MatchCriteria, alternates: Int, audience: Audience,
        duplicates: [Need] = []
    ) {
        self.audience = audience
        self.duplicates = duplicates
        let positionOfNeed = Dictionary(uniqueKeysWithValues: index.needs.enumerated().map { ($1.id, $0) })
        func shown(_ id: VolunteerID) -> Bool {
            guard audience == .partner else { return true }
            return index.position(of: id).map { index.profiles[$0].sharesWithPartners } ?? false
        }
        func entry(_ volunteerID: VolunteerID, need: String, score: Double, reasons: [String]?) -> Entry? {
            guard let position = index.position(of: volunteerID), let needPosition = positionOfNeed[need],
                var volunteer = index.record(at: position)
            else {
                return nil
            }
            if audience == .partner {
                volunteer.email = nil
                volunteer.phone = nil
            }
            let why = reasons ?? criteria.reasons(index.volunteers[position], index.needs[needPosition], in: index)
            return Entry(volunteer: volunteer, score: score, reasons: why)
        }

        let involved = Set(result.assignments.map(\.need) + result.unfilled.map(\.need) + result.candidates.map(\.need))
        // Each need's part of the result, gathered once: not filtered out of the whole for every
        // need (a million comparisons for 1,000 needs).
        let assignedTo = Dictionary(grouping: result.assignments, by: \.need)
        let candidatesFor = Dictionary(grouping: result.candidates, by: \.need)
        let unfilled = Dictionary(result.unfilled.map { ($0.need, $0) }, uniquingKeysWith: { first, _ in first })
        var sections: [NeedSection] = []
        var placesAsked = 0
        for (position, need) in index.needRecords.enumerated() where involved.contains(need.id) {
            placesAsked += index.needs[position].places
            let assigned = assignedTo[need.id] ?? []
            let assignedIDs = Set(assigned.map(\.volunteer))
            let proposed = assigned.filter { shown($0.volunteer) }.compactMap {
                entry($0.volunteer, need: need.id, score: $0.score, reasons: $0.reasons)
            }
            let others = (candidatesFor[need.id] ?? []).filter {
                !assignedIDs.contains($0.volunteer) && shown($0.volunteer)
            }
            sections.append(
                NeedSection(
                    need: need, proposed: proposed,
                    alternates: others.prefix(alternates).compactMap {
                        entry($0.volunteer, need: need.id, score: $0.score, reasons: nil)
                    },
                    withheld: assigned.count - proposed.count, unfilled: unfilled[need.id]))
        }
        self.needs = sections
        self.placesAsked = placesAsked

        // Language coverage: what the needs ask for against who speaks it, by interned language.
        var asking: [Int32: (name: String, places: Int)] = [:]
        for section in sections {
            for requirement in section.need.languages {
                let key = index.vocabulary.id(MatchIndex.languageTerm(requirement.language))
                let places = (asking[key]?.places ?? 0) + MatchIndex.countedPlaces(section.need.places)
                asking[key] = (requirement.language.displayName(), places)
            }
        }
        let proposedIDs = Set(result.assignments.map(\.volunteer))
        // A speaker counts as matching counts them: the language itself, or a member of it
        // when it is a macrolanguage (Kurmanji for Kurdish). So each language spoken is mapped
        // to the languages asked for that it meets, and each volunteer's few are walked.
        var meets: [Int32: Set<Int32>] = [:]
        for need in index.needs {
            for language in need.requiredLanguages + need.preferredLanguages where asking[language.language] != nil {
                for spoken in language.accepted { meets[spoken, default: []].insert(language.language) }
            }
        }
        var speakers: [Int32: Int] = [:]
        var proposedSpeakers: [Int32: Int] = [:]
        var met = Set<Int32>()
        for volunteer in index.volunteers {
            met.removeAll(keepingCapacity: true)
            for spoken in index.languages(of: volunteer) {
                if let asked = meets[spoken.language] { met.formUnion(asked) }
            }
            guard !met.isEmpty else { continue }
            let proposed = proposedIDs.contains(volunteer.id)
            for key in met {
                speakers[key, default: 0] += 1
                if proposed { proposedSpeakers[key, default: 0] += 1 }
            }
        }
        coverage = asking.sorted { ($0.value.places, $1.value.name) > ($1.value.places, $0.value.name) }.map {
            key, asked in
            LanguageDemand(
                language: asked.name, placesAsking: asked.places, speakers: speakers[key] ?? 0,
                proposed: proposedSpeakers[key] ?? 0)
        }

        // Under-used talent: professional or foreign-qualified skills, proposed nowhere, placed nowhere.
        let underUsed = index.underUsed(excluding: proposedIDs, partnersOnly: audience == .partner)
        talentTotal = underUsed.count
        talent = underUsed.prefix(Self.talentLimit).compactMap { position in
            guard var volunteer = index.record(at: position) else { return nil }
            if audience == .partner {
                volunteer.email = nil
                volunteer.phone = nil
            }
            return Talent(volunteer: volunteer, skills: volunteer.underUsedSkills)
        }

        // The result itself, filtered for the audience.
        self.result =
            audience == .partner
            ? MatchResult(
                assignments: result.assignments.filter { shown($0.volunteer) },
                candidates: result.candidates.filter { shown($0.volunteer) }, unfilled: result.unfilled,
                totalScore: result.totalScore, pruning: result.pruning)
            : result
    }

    /// What the report says of a need flagged as a duplicate.
    public static func duplicateNote(_ need: Need) -> String {
        let kept = need.duplicateOf ?? "another need"
        return
            "\(need.id) (\(need.partner): \(need.title)) looks like a duplicate of \(kept): not matched, and counted once in "
            + "places and language coverage; 'voldir needs merge \(kept) \(need.id)' keeps one"
    }

    /// Places filled by the proposals.
    public var placesFilled: Int { needs.reduce(0) { $0 + $1.proposed.count + $1.withheld } }
}
