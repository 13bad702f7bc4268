import Crypto

/// The skills the partnership works with, and how free text maps onto them.
///
/// Built from the taxonomy shipped with the package (``standard()``), optionally extended by a
/// coordinator's own files (``extended(with:)``). Understanding a skill is a few dictionary
/// look-ups over the words of the text: microseconds.
///
/// ```swift
/// let taxonomy = try SkillTaxonomy.standard()
/// taxonomy.understand("ACCA qualified")          // [accountancy (synonym)]
/// taxonomy.expansion(of: "legal advice")          // solicitor, barrister, ... as narrower
/// ```
public struct SkillTaxonomy: Sendable {
    /// Every concept, by key.
    public let concepts: [String: SkillConcept]
    /// A digest of the concepts, so a store can tell when mappings made with another taxonomy
    /// must be made again.
    public let fingerprint: String

    private let terms: [String: [SkillMapping]]
    private let longestTerm: Int
    private let narrowerOf: [String: [String]]
    private let relatedTo: [String: Set<String>]

    /// A taxonomy with no skills: free text is matched as written.
    public static let empty = SkillTaxonomy(validated: [:])

    /// Builds the taxonomy from concepts whose links have been checked.
    init(validated concepts: [String: SkillConcept]) {
        var terms: [String: [SkillMapping]] = [:]
        var longest = 1
        var narrowerOf: [String: [String]] = [:]
        var relatedTo: [String: Set<String>] = [:]
        var digest = SHA256()
        func add(_ text: String, _ mapping: SkillMapping) {
            for form in Self.termForms(text) {
                // One look-up of the form, its mappings changed in place: built in every process
                // that understands a skill, so its dictionary work counts.
                Self.keepBest(mapping, in: &terms[form, default: []])
                longest = max(longest, form.utf8.reduce(1) { $1 == UInt8(ascii: " ") ? $0 + 1 : $0 })
            }
        }
        for concept in concepts.values.sorted(by: { $0.key < $1.key }) {
            for text in concept.synonyms + concept.qualifications {
                add(text, SkillMapping(concept: concept.key, kind: .synonym))
            }
            add(concept.label, SkillMapping(concept: concept.key, kind: .exact))
            add(concept.key, SkillMapping(concept: concept.key, kind: .exact))
            for broader in concept.broader { narrowerOf[broader, default: []].append(concept.key) }
            for related in concept.related where related != concept.key {
                relatedTo[concept.key, default: []].insert(related)
                relatedTo[related, default: []].insert(concept.key)
            }
            let fields =
                [concept.key, concept.label] + concept.synonyms + ["|"] + concept.qualifications + ["|"]
                + concept.broader
                + ["|"] + concept.related + [concept.impliedByInterpreting ? "interprets" : ""]
            digest.update(data: Array(fields.joined(separator: "\u{1F}").utf8) + [0x1E])
        }
        self.concepts = concepts
        self.terms = terms
        self.longestTerm = longest
        self.narrowerOf = narrowerOf
        self.relatedTo = relatedTo
        self.fingerprint = digest.finalize().hex
    }

    /// Adds `mapping` to the mappings of one term: once per concept, the best way it is named
    /// (an exact name over a synonym).
    private static func keepBest(_ mapping: SkillMapping, in mappings: inout [SkillMapping]) {
        guard let existing = mappings.firstIndex(where: { $0.concept == mapping.concept }) else {
            mappings.append(mapping)
            return
        }
        if mappings[existing].kind <= mapping.kind { mappings[existing] = mapping }
    }

    /// The forms under which a term is found: its matching key, and its singular when the last
    /// word is a plain plural (`accountants`, `computers`).
    private static func termForms(_ text: String) -> [String] {
        let key = text.matchingKey
        guard !key.isEmpty else { return [] }
        let singular = singularised(key)
        return singular == key ? [key] : [key, singular]
    }

    /// The phrase with a plain plural last word made singular; hyphenated keys are words too.
    private static func singularised(_ phrase: String) -> String {
        guard phrase.count > 3, phrase.hasSuffix("s"), !phrase.hasSuffix("ss"), !phrase.hasSuffix("us"),
            !phrase.hasSuffix("is")
        else { return phrase }
        return String(phrase.dropLast())
    }

    /// The taxonomy concepts named in a piece of free text, each once, the best way it was named.
    /// Longer names win over the shorter names within them ("first aid at work" is one skill,
    /// "food bank" is not "bank").
    public func understand(_ text: String) -> [SkillMapping] {
        let words = text.matchingKey.split(separator: " ").map(String.init)
        guard !words.isEmpty, !terms.isEmpty else { return [] }
        var found: [SkillMapping] = []
        var index = 0
        while index < words.count {
            var matched = 0
            for length in stride(from: min(longestTerm, words.count - index), through: 1, by: -1) {
                let phrase = words[index..<(index + length)].joined(separator: " ")
                guard let mappings = terms[phrase] ?? terms[Self.singularised(phrase)] else { continue }
                for mapping in mappings {
                    if let existing = found.firstIndex(where: { $0.concept == mapping.concept }) {
                        if mapping.kind > found[existing].kind { found[existing] = mapping }
                    } else {
                        found.append(mapping)
                    }
                }
                matched = length
                break
            }
            index += max(matched, 1)
        }
        return found
    }

    /// Every concept below `key` (its narrower skills, theirs, and so on).
    public func narrower(than key: String) -> Set<String> {
        var result: Set<String> = []
        var pending = narrowerOf[key] ?? []
        while let next = pending.popLast() {
            if result.insert(next).inserted { pending += narrowerOf[next] ?? [] }
        }
        return result
    }

    /// The concepts linked to `key` as related, in either direction.
    public func related(to key: String) -> Set<String> { relatedTo[key] ?? [] }

    /// What a search or a need for `text` should find: the concepts it names, those narrower,
    /// and those related.
    public func expansion(of text: String) -> SkillExpansion {
        let named = understand(text)
        let direct = Set(named.map(\.concept))
        var narrower: Set<String> = []
        for concept in direct { narrower.formUnion(self.narrower(than: concept)) }
        narrower.subtract(direct)
        var related: Set<String> = []
        for concept in direct { related.formUnion(relatedTo[concept] ?? []) }
        related.subtract(direct)
        related.subtract(narrower)
        let interpreting: SkillMatchKind? =
            direct.contains { concepts[$0]?.impliedByInterpreting == true }
            ? .exact
            : narrower.contains { concepts[$0]?.impliedByInterpreting == true }
                ? .narrower
                : related.contains { concepts[$0]?.impliedByInterpreting == true } ? .related : nil
        return SkillExpansion(
            text: text, key: text.matchingKey, named: named, direct: direct, narrower: narrower, related: related,
            interpreting: interpreting)
    }
}
