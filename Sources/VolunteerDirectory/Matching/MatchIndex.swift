/// The directory turned into the matcher's compact form: names interned, and inverted indexes
/// from language and skill word to volunteers, so each need's candidates are found without
/// looking at everyone.
public struct MatchIndex: Sendable {
    /// The volunteers, in id order.
    public let volunteers: [MatchVolunteer]
    /// Every volunteer's skills, one volunteer after another (see ``skills(of:)``).
    let heldSkills: [HeldSkill]
    /// Every volunteer's languages, one volunteer after another (see ``languages(of:)``).
    let spokenLanguages: [SpokenEntry]
    /// What a report says of each volunteer beyond what matching weighs, by position: enough to
    /// choose whom it names without holding everyone's full record.
    let profiles: [MatchProfile]
    /// Full volunteer records by position: everyone's when the index was built from records
    /// (``init(volunteers:needs:confirmed:taxonomy:catalogue:)``); only those a report names
    /// when ``MatchRun`` built it from the store in batches and then loaded them.
    private var records: [Int32: Volunteer]
    /// The needs, in id order.
    public let needs: [MatchNeed]
    /// The full need records, by position.
    public let needRecords: [Need]
    /// Interned names, to speak about them.
    public let vocabulary: Vocabulary

    private let byLanguage: [Int32: [Int32]]
    /// Dense skill ids by matching key, for the bit sets of ``SkillRequirementMatch``.
    private let skillIDs: [String: Int32]

    /// What the matcher compares by number: a language, a postcode district or a ward.
    public enum Term: Hashable, Sendable {
        /// A language by its ISO 639-3 code, or by its written form's matching key when the
        /// catalogue did not understand it.
        case language(String)
        /// A postcode district (`SK4`).
        case district(String)
        /// A ward or area, by its matching key.
        case area(String)
    }

    /// Interned terms both ways.
    public struct Vocabulary: Sendable {
        fileprivate(set) var ids: [Term: Int32] = [:]
        fileprivate(set) var terms: [Term] = []

        mutating func intern(_ term: Term) -> Int32 {
            if let id = ids[term] { return id }
            let id = Int32(terms.count)
            ids[term] = id
            terms.append(term)
            return id
        }

        /// The term interned as `id`, or `nil` for none (-1).
        public func term(_ id: Int32) -> Term? { id >= 0 && Int(id) < terms.count ? terms[Int(id)] : nil }
        /// The id of a term, or -1 when it was never interned.
        public func id(_ term: Term) -> Int32 { ids[term] ?? -1 }

        /// The name of the language interned as `id` (`Polish` for `pol`), an unrecognised
        /// language as written, or nothing when `id` is not a language.
        public func languageName(_ id: Int32) -> String {
            guard case .language(let value)? = term(id) else { return "" }
            return LanguageCatalogue.shared.language(code: value)?.name ?? value
        }
    }

    /// Builds the index from everyone's full records, all held: for tests and small directories.
    ///
    /// - Parameters:
    ///   - volunteers: everyone who may be contacted.
    ///   - needs: the open needs.
    ///   - confirmed: confirmed placements on open needs, as (need id, volunteer id).
    ///   - taxonomy: how written skills are understood (synonyms, narrower and related skills).
    ///   - catalogue: how languages relate (a macrolanguage is met by its members).
    public init(
        volunteers: [Volunteer], needs: [Need], confirmed: [(need: String, volunteer: VolunteerID)] = [],
        taxonomy: SkillTaxonomy = .empty, catalogue: LanguageCatalogue = .shared
    ) {
        var builder = Builder(confirmed: confirmed)
        builder.add(volunteers, keepingRecords: true)
        self.init(builder, needs: needs, taxonomy: taxonomy, catalogue: catalogue)
    }

    /// Builds the index from what a ``Builder`` was given, batch by batch, counting the
    /// confirmed placements the builder was made with.
    init(_ builder: Builder, needs: [Need], taxonomy: SkillTaxonomy, catalogue: LanguageCatalogue = .shared) {
        let built = builder.finished()
        var vocabulary = built.vocabulary
        let compact = built.volunteers
        let skillIDs = built.skillIDs
        let placementsByNeed = built.placementsByNeed
        var byLanguage: [Int32: [Int32]] = [:]
        // Who holds each skill id and speaks each language, and what the taxonomy makes of each
        // skill, once per distinct key.
        var holders = [[Int32]](repeating: [], count: skillIDs.count)
        for (position, volunteer) in compact.enumerated() {
            let spoken = volunteer.languageRange.map { built.spokenLanguages[Int($0)].language }
            for language in Set(spoken) { byLanguage[language, default: []].append(Int32(position)) }
            let held = volunteer.skillRange.map { built.heldSkills[Int($0)].key }
            for id in Set(held) { holders[Int(id)].append(Int32(position)) }
        }
        let interpreters = compact.indices.filter { compact[$0].interpretsAny }.map { Int32($0) }
        let mappings = skillIDs.map { key, id in (key: key, id: id, mappings: taxonomy.understand(key)) }
        let sortedNeeds = needs.sorted { $0.id < $1.id }
        var compactNeeds: [MatchNeed] = []
        var skillMatches: [String: SkillRequirementMatch] = [:]
        for need in sortedNeeds {
            func skillMatch(_ skill: Skill) -> SkillRequirementMatch {
                if let known = skillMatches[skill.key] {
                    return SkillRequirementMatch(
                        written: skill.written, kinds: known.kinds, interpreting: known.interpreting,
                        candidates: known.candidates)
                }
                let expansion = taxonomy.expansion(of: skill.written)
                var kinds = [UInt8](repeating: 0, count: skillIDs.count)
                var meeting: Set<Int32> = []
                for held in mappings {
                    guard let kind = expansion.kind(ofKey: held.key, mappings: held.mappings) else { continue }
                    kinds[Int(held.id)] = SkillRequirementMatch.code(of: kind)
                    if kind.meetsRequirement { meeting.formUnion(holders[Int(held.id)]) }
                }
                if expansion.interpreting?.meetsRequirement == true { meeting.formUnion(interpreters) }
                let match = SkillRequirementMatch(
                    written: skill.written, kinds: kinds, interpreting: expansion.interpreting,
                    candidates: meeting.sorted())
                skillMatches[skill.key] = match
                return match
            }
            func languageRequirement(_ requirement: LanguageRequirement) -> LanguageRequirementMatch {
                let asked = vocabulary.intern(Self.languageTerm(requirement.language))
                let accepted =
                    requirement.language.code.map { code in
                        catalogue.languages(relatedTo: code).filter { $0.relation != .related }.map {
                            vocabulary.intern(.language($0.code))
                        }
                    } ?? [asked]
                return LanguageRequirementMatch(
                    language: asked, accepted: accepted, minimum: requirement.minimumProficiency?.rawValue ?? 0)
            }
            compactNeeds.append(
                MatchNeed(
                    id: need.id, requiredSkills: need.requiredSkills.map(skillMatch),
                    preferredSkills: need.preferredSkills.map(skillMatch),
                    requiredLanguages: need.languages.filter(\.isRequired).map(languageRequirement),
                    preferredLanguages: need.languages.filter { !$0.isRequired }.map(languageRequirement),
                    slots: need.slots.isEmpty ? SlotMask([]) : SlotMask(need.slots), dbs: need.minimumDBS ?? .none,
                    district: Postcode.district(need.postcode).map { vocabulary.intern(.district($0)) } ?? -1,
                    area: need.area.map { vocabulary.intern(.area($0.matchingKey)) } ?? -1,
                    places: Self.openPlaces(asked: need.places, confirmed: placementsByNeed[need.id] ?? 0)))
        }
        self.volunteers = compact
        self.heldSkills = built.heldSkills
        self.spokenLanguages = built.spokenLanguages
        self.profiles = built.profiles
        self.records = built.records
        self.needs = compactNeeds
        self.needRecords = sortedNeeds
        self.vocabulary = vocabulary
        self.byLanguage = byLanguage
        self.skillIDs = skillIDs
    }

    /// The places still open on a need: those asked, held within `0...Int32.max` (a need stored
    /// with billions of places, or a negative number, must not overflow a count or the solver's
    /// capacities), less the confirmed placements, never below 0.
    static func openPlaces(asked: Int, confirmed: Int) -> Int {
        let places = countedPlaces(asked)
        return max(0, places - min(max(confirmed, 0), places))
    }

    /// A need's places as matching and its report count them: within `0...Int32.max`, so sums
    /// over many needs cannot overflow.
    static func countedPlaces(_ asked: Int) -> Int { min(max(asked, 0), Int(Int32.max)) }

    /// The skills a volunteer holds, as interned keys with the level stated.
    public func skills(of volunteer: MatchVolunteer) -> ArraySlice<HeldSkill> {
        heldSkills[Int(volunteer.skillRange.lowerBound)..<Int(volunteer.skillRange.upperBound)]
    }

    /// The languages a volunteer speaks, as interned codes with proficiency and interpreting.
    public func languages(of volunteer: MatchVolunteer) -> ArraySlice<SpokenEntry> {
        spokenLanguages[Int(volunteer.languageRange.lowerBound)..<Int(volunteer.languageRange.upperBound)]
    }

    /// The full record of the volunteer at `position`, when the index holds it (see ``records``).
    public func record(at position: Int) -> Volunteer? { records[Int32(position)] }

    /// The position of the volunteer with this id, found by halving: the volunteers are in id
    /// order, so no table of everyone's positions is needed.
    public func position(of id: VolunteerID) -> Int? {
        volunteers.sortedIndex(of: id, by: \.id)
    }

    /// Holds these full records, each at its volunteer's position, for a report to name them;
    /// records of people the index does not hold are left out.
    mutating func hold(_ loaded: [Volunteer]) {
        for volunteer in loaded {
            if let position = position(of: volunteer.id) { records[Int32(position)] = volunteer }
        }
    }

    /// The volunteers (positions) with under-used talent, as the report lists them: skills held
    /// professionally or qualified abroad, proposed for nothing by this run (`proposed`), placed
    /// nowhere, and (`partnersOnly`) sharing their details with partners; most such skills first,
    /// then by name and id.
    func underUsed(excluding proposed: Set<VolunteerID>, partnersOnly: Bool) -> [Int] {
        volunteers.indices.filter { position in
            profiles[position].underUsedSkills > 0 && volunteers[position].placements == 0
                && !proposed.contains(volunteers[position].id)
                && (!partnersOnly || profiles[position].sharesWithPartners)
        }.sorted { first, second in
            let (one, other) = (profiles[first], profiles[second])
            return (other.underUsedSkills, one.name, volunteers[first].id)
                < (one.underUsedSkills, other.name, volunteers[second].id)
        }
    }

    /// The dense id of a written skill's matching key, or -1 when no volunteer holds it.
    func skillID(_ key: String) -> Int32 { skillIDs[key] ?? -1 }

    /// How a language is keyed: its ISO 639-3 code, or its written form when not understood.
    static func languageTerm(_ reference: LanguageReference) -> Term {
        .language(reference.code ?? reference.written.matchingKey)
    }

    /// The volunteers (positions) who might meet the need's required languages and skills: the
    /// smallest list among its requirements, to be checked in full by ``HardConstraints``. When
    /// the list is a required skill's (`skill`, its offset), everyone on it meets that skill, and
    /// the check need not ask again.
    func shortlist(for need: MatchNeed) -> (volunteers: [Int32], skill: Int?)? {
        var lists: [(volunteers: [Int32], skill: Int?)] = need.requiredSkills.enumerated().map { ($1.candidates, $0) }
        for language in need.requiredLanguages {
            let speakers = language.accepted.map { byLanguage[$0] ?? [] }
            lists.append((speakers.count == 1 ? speakers[0] : Array(Set(speakers.joined())).sorted(), nil))
        }
        return lists.min { $0.volunteers.count < $1.volunteers.count }
    }
}
