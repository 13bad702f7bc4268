/// A skill asked for (by a search or a need), understood against the taxonomy: which concepts
/// count and how, so any skill someone holds can be judged in one look-up per concept.
public struct SkillExpansion: Sendable, Hashable {
    /// The skill as asked.
    public let text: String
    /// Its matching key.
    public let key: String
    /// The concepts the text names, and how it named them.
    public let named: [SkillMapping]
    /// The concepts named: a holder matches `exact` or `synonym`, as their own text named it.
    public let direct: Set<String>
    /// Concepts below those named: a holder matches `narrower`.
    public let narrower: Set<String>
    /// Concepts linked as related: a holder matches `related`.
    public let related: Set<String>
    /// How someone who interprets a language matches, when the skill is (or is near) interpreting.
    public let interpreting: SkillMatchKind?

    /// Whether the taxonomy understood the text at all; if not, only the text itself can match.
    public var isUnderstood: Bool { !direct.isEmpty }

    /// How a concept found in someone's skill counts, given how their text named it.
    public func kind(ofConcept concept: String, namedAs kind: SkillMatchKind) -> SkillMatchKind? {
        if direct.contains(concept) { return kind }
        if narrower.contains(concept) { return .narrower }
        if related.contains(concept) { return .related }
        return nil
    }

    /// How a skill someone wrote (its matching key, and the concepts it maps to) stands to this
    /// one: the same text is exact; otherwise the best of its concepts; otherwise, when the words
    /// asked for appear whole within a longer skill, narrower.
    public func kind(ofKey heldKey: String, mappings: [SkillMapping]) -> SkillMatchKind? {
        guard !key.isEmpty else { return nil }
        if heldKey == key { return .exact }
        if let best = mappings.compactMap({ kind(ofConcept: $0.concept, namedAs: $0.kind) }).max() { return best }
        return " \(heldKey) ".contains(" \(key) ") ? .narrower : nil
    }

    /// Every concept that counts, with how it counts at best.
    public var concepts: [(key: String, kind: SkillMatchKind)] {
        named.map { ($0.concept, $0.kind) } + narrower.sorted().map { ($0, .narrower) }
            + related.sorted().map { ($0, .related) }
    }
}
