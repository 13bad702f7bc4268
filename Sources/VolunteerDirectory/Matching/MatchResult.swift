/// What matching proposed, with everything needed to check it.
public struct MatchResult: Sendable, Codable, Equatable {
    /// A volunteer proposed for a need, and why.
    public struct Assignment: Sendable, Codable, Equatable {
        /// The need's id, as `voldir needs` prints it.
        public var need: String
        /// The volunteer's id, as `voldir search` prints it.
        public var volunteer: VolunteerID
        /// The pair's score.
        public var score: Double
        /// The reasons, in plain words: requirements met first, then what the score counted.
        public var reasons: [String]
    }

    /// A pair that met every hard requirement, with its score.
    public struct Candidate: Sendable, Codable, Equatable {
        /// The need's id.
        public var need: String
        /// The volunteer's id.
        public var volunteer: VolunteerID
        /// The pair's score.
        public var score: Double
    }

    /// Places no one could fill, and why.
    public struct Unfilled: Sendable, Codable, Equatable {
        /// The need's id.
        public var need: String
        /// How many places stay empty.
        public var places: Int
        /// Why, in words: what no volunteer has, and who nearly qualifies.
        public var reasons: [String]
    }

    /// How the candidate list was cut on a large directory, and how the cut is known to be safe.
    public struct Pruning: Sendable, Codable, Equatable {
        /// Candidate pairs that met every hard requirement.
        public var candidatesConsidered: Int
        /// Candidate pairs listed in ``MatchResult/candidates``.
        public var candidatesListed: Int
        /// How many times the solver ran before the dual check found nothing to add.
        public var rounds: Int
        /// How the listed set was chosen and why it keeps the optimum.
        public var method: String
    }

    /// The proposed pairs, by need then score.
    public var assignments: [Assignment]
    /// Every candidate pair (or, when ``pruning`` says so, those that can matter), by need then score.
    public var candidates: [Candidate]
    /// Needs with places left empty.
    public var unfilled: [Unfilled]
    /// The sum of the assignments' scores.
    public var totalScore: Double
    /// Set when the candidate list was cut.
    public var pruning: Pruning?
}
