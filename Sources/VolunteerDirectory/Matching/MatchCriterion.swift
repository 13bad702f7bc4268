/// One named part of a candidate's score: preferred skills, nearness, fairness, ...
///
/// A criterion rates a volunteer for a need from 0 (no help) to 1 (as good as it gets) and says
/// in plain words why, for the report. The score of a pair is the weighted sum of its criteria.
/// New criteria are new types added to ``MatchCriteria/all``; nothing else changes.
///
/// ```swift
/// struct SpeaksWelsh: MatchCriterion {
///     static let key = "welsh"
///     static let summary = "speaks Welsh"
///     func value(of volunteer: MatchVolunteer, for need: MatchNeed, in index: MatchIndex) -> Double { ... }
///     func reason(for volunteer: MatchVolunteer, need: MatchNeed, in index: MatchIndex) -> String? { ... }
/// }
/// ```
public protocol MatchCriterion: Sendable {
    /// The name `--weight` and weight files use (`nearness`).
    static var key: String { get }
    /// What it rewards, for `voldir match --help`.
    static var summary: String { get }
    /// The weight when none is set.
    static var defaultWeight: Double { get }
    /// From 0 to 1: how much this volunteer brings to this need on this criterion.
    func value(of volunteer: MatchVolunteer, for need: MatchNeed, in index: MatchIndex) -> Double
    /// Why, in words for a coordinator, when the criterion counted.
    func reason(for volunteer: MatchVolunteer, need: MatchNeed, in index: MatchIndex) -> String?
}

/// The criteria the matcher scores with, and their weights.
public struct MatchCriteria: Sendable {
    /// Every criterion, with its default weight: the one list to extend.
    public static let all: [any MatchCriterion] = [
        PreferredSkillsCriterion(), PreferredLanguagesCriterion(), ProficiencyCriterion(), SkillLevelCriterion(),
        InterpretingCriterion(), NearnessCriterion(), AvailabilityCriterion(), FairnessCriterion(),
    ]

    /// The criteria with their weights, in a fixed order.
    public let weighted: [(criterion: any MatchCriterion, weight: Double)]

    /// The weights a criterion may have. Every criterion rates from 0 to 1, so a pair's score
    /// stays below 8,000 and its cost in the solver (thousandths) far inside 64 bits; a weight
    /// outside this range (or not a number, or infinite) is refused where it is read.
    public static let weightRange: ClosedRange<Double> = 0...1_000

    /// The default weights, overridden by `weights` (keyed by ``MatchCriterion/key``), each of
    /// which must name a criterion and lie within ``weightRange``.
    public init(weights: [String: Double] = [:]) throws(MatchError) {
        let keys = Set(Self.all.map { type(of: $0).key })
        for key in weights.keys.sorted() {
            guard keys.contains(key) else { throw .unknownCriterion(key, known: keys.sorted()) }
            if let value = weights[key], !Self.weightRange.contains(value) {
                throw .weightOutOfRange(name: key, value: String(value), location: nil)
            }
        }
        weighted = Self.all.map { criterion in
            (criterion, weights[type(of: criterion).key] ?? type(of: criterion).defaultWeight)
        }
        let nonzero = weighted.filter { $0.weight != 0 }
        (counted, countedWeights) = (nonzero.map(\.criterion), nonzero.map(\.weight))
    }

    /// The criteria whose weight is not 0, and their weights: what ``score(_:_:in:)`` adds up.
    private let counted: [any MatchCriterion]
    private let countedWeights: [Double]

    /// The weighted score of a pair.
    public func score(_ volunteer: MatchVolunteer, _ need: MatchNeed, in index: MatchIndex) -> Double {
        // Called for millions of pairs: each criterion is asked where it lies in a list of its
        // own, rather than copied out of `weighted` with its weight first (a tenth of the time).
        var total = 0.0
        for position in counted.indices {
            total += countedWeights[position] * counted[position].value(of: volunteer, for: need, in: index)
        }
        return total
    }

    /// The reasons of the criteria that counted for a pair, heaviest first.
    public func reasons(_ volunteer: MatchVolunteer, _ need: MatchNeed, in index: MatchIndex) -> [String] {
        weighted.filter { $0.weight > 0 && $0.criterion.value(of: volunteer, for: need, in: index) > 0 }
            .sorted { $0.weight > $1.weight }
            .compactMap { $0.criterion.reason(for: volunteer, need: need, in: index) }
    }

    /// Reads weights from text, one `name = number` per line (`#` starts a comment); each
    /// number must lie within ``weightRange``.
    public static func weights(parsing text: String, file: String) throws(MatchError) -> [String: Double] {
        var weights: [String: Double] = [:]
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line =
                raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingWhitespace() ?? ""
            guard !line.isEmpty else { continue }
            let parts = line.split(whereSeparator: { $0 == "=" || $0 == ":" }).map { String($0).trimmingWhitespace() }
            guard parts.count == 2, let value = Double(parts[1]) else {
                throw .badWeight(file: file, line: number + 1, text: line)
            }
            guard weightRange.contains(value) else {
                throw .weightOutOfRange(name: parts[0], value: parts[1], location: "\(file):\(number + 1)")
            }
            weights[parts[0]] = value
        }
        return weights
    }

    /// Reads one `name=number` weight, as `--weight` gives it; the number must lie within
    /// ``weightRange``.
    public static func weight(parsing entry: String) throws(MatchError) -> (name: String, value: Double) {
        let parts = entry.split(separator: "=", omittingEmptySubsequences: false)
            .map { String($0).trimmingWhitespace() }
        guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]) else { throw .badWeightOption(entry) }
        guard weightRange.contains(value) else {
            throw .weightOutOfRange(name: parts[0], value: parts[1], location: nil)
        }
        return (parts[0], value)
    }
}

/// Why matching could not run.
public enum MatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A weight names no criterion.
    case unknownCriterion(String, known: [String])
    /// A weight line could not be read.
    case badWeight(file: String, line: Int, text: String)
    /// `--need` named a need that is not held.
    case unknownNeed(String)
    /// A weight is not a number within ``MatchCriteria/weightRange`` (NaN and infinity are not);
    /// `location` is `file:line` when it came from a weights file.
    case weightOutOfRange(name: String, value: String, location: String?)
    /// A `--weight` option is not of the form `name=number`.
    case badWeightOption(String)

    public var description: String {
        switch self {
        case .unknownCriterion(let key, let known):
            "no criterion '\(key)'; the criteria are \(known.joined(separator: ", "))"
        case .badWeight(let file, let line, let text):
            "\(file):\(line): '\(text)' is not a weight; write it as name = number, such as nearness = 2"
        case .unknownNeed(let id):
            "no need '\(id)'; 'voldir needs' lists them"
        case .weightOutOfRange(let name, let value, let location):
            (location.map { "\($0): " } ?? "")
                + "the weight '\(value)' for '\(name)' is out of range; a weight is a number from "
                + "\(Int(MatchCriteria.weightRange.lowerBound)) to \(Int(MatchCriteria.weightRange.upperBound))"
        case .badWeightOption(let entry):
            "'\(entry)' needs the form name=number, such as nearness=3"
        }
    }
}
