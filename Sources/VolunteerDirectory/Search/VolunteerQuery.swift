/// What a coordinator is looking for. Every filter given must hold; ranking puts the closest first.
public struct VolunteerQuery: Sendable, Hashable {
    /// Skills, each of which the volunteer must hold (matched by key, or as whole words within one).
    public var skills: [String]
    /// Languages, each of which the volunteer must use.
    public var languages: [LanguageReference]
    /// The lowest proficiency that counts for ``languages``.
    public var minimumProficiency: Proficiency?
    /// A network, by name or the source's id.
    public var network: String?
    /// A ward or neighbourhood, or a postcode district such as `SK4`.
    public var area: String?
    /// Slots, in each of which the volunteer must be free.
    public var availability: [Slot]
    /// The lowest DBS level.
    public var minimumDBS: DBSLevel?
    /// Full-text words over names, skills and notes.
    public var text: String?
    /// Whether to include people who have not agreed to be contacted.
    public var includeWithoutConsent: Bool
    /// Only people who agreed their details may be shared with the partnership's partners: what
    /// a partner may search. Filtered by the store, before the limit, so a partner gets as many
    /// results as anyone.
    public var sharedWithPartnersOnly = false
    /// The most results to return.
    public var limit: Int

    /// Creates a query; with no filters it lists everyone who may be contacted.
    public init(
        skills: [String] = [], languages: [LanguageReference] = [], minimumProficiency: Proficiency? = nil,
        network: String? = nil, area: String? = nil, availability: [Slot] = [], minimumDBS: DBSLevel? = nil,
        text: String? = nil, includeWithoutConsent: Bool = false, limit: Int = 50
    ) {
        self.skills = skills
        self.languages = languages
        self.minimumProficiency = minimumProficiency
        self.network = network
        self.area = area
        self.availability = availability
        self.minimumDBS = minimumDBS
        self.text = text
        self.includeWithoutConsent = includeWithoutConsent
        self.limit = limit
    }

    /// The free text's words, folded as every store's full-text index holds them
    /// (``Swift/String/searchFolded``: "Lukasz" finds Łukasz) and reduced to letters and digits
    /// (``Swift/String/matchingKey``).
    public var textWords: [String] {
        (text ?? "").searchFolded.matchingKey.split(separator: " ").map(String.init)
    }

    /// ``textWords``, each quoted so user input cannot inject FTS5 syntax.
    public var textTerms: [String] {
        textWords.map { "\"\($0)\"" }
    }

    // MARK: - Limits

    /// The number of results a search may ask for: enough for any screen or export, and few
    /// enough that no search holds the whole directory.
    public static let limitRange: ClosedRange<Int> = 1...10_000
    /// The most words of free text: each is one more lookup in the full-text index, and the
    /// index's work grows with their square.
    public static let maximumTextWords = 32
    /// The longest free text, in characters.
    public static let maximumTextLength = 512

    /// Throws when the limit or the free text is beyond what a search accepts (``limitRange``,
    /// ``maximumTextLength``, ``maximumTextWords``).
    public func validate() throws(QueryError) {
        guard Self.limitRange.contains(limit) else { throw .limitOutOfRange(limit) }
        try Self.validate(text: text)
    }

    /// Throws when free text is longer than ``maximumTextLength`` characters or has more than
    /// ``maximumTextWords`` words. Stores call it before searching, whatever the limit.
    public static func validate(text: String?) throws(QueryError) {
        guard let text else { return }
        let characters = text.count
        guard characters <= maximumTextLength else { throw .textTooLong(characters: characters) }
        let words = text.searchFolded.matchingKey.split(separator: " ").count
        guard words <= maximumTextWords else { throw .tooManyWords(words) }
    }
}

/// A volunteer found by a search, with the score they were ranked by and how they meet it.
public struct VolunteerMatch: Sendable, Hashable {
    /// The volunteer.
    public var volunteer: Volunteer
    /// Higher is closer: exact skills over synonyms, narrower and related ones; the same language
    /// over a member of it or a related one; then levels, proficiency and text relevance.
    public var score: Double
    /// How each skill and language asked for is met.
    public var matched: [MatchedTerm]

    /// `matched` defaults to empty, as for a search that asked for no skill or language; ``match`` is then `nil`.
    public init(volunteer: Volunteer, score: Double, matched: [MatchedTerm] = []) {
        self.volunteer = volunteer
        self.score = score
        self.matched = matched
    }

    /// The weakest way any skill or language asked for is met (`exact` when all are exact), or
    /// `nil` when the search asked for none.
    public var match: SkillMatchKind? { matched.weakestMatch }
}

extension [MatchedTerm] {
    /// The weakest way any of these terms is met (`exact` when all are exact), or `nil` when empty.
    public var weakestMatch: SkillMatchKind? { map(\.match).min() }
}
