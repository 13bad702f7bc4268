import VolunteerDirectory

/// Answers a ``VolunteerQuery`` over the in-memory state: each filter is the set of volunteers it
/// admits, with their part of the score when the filter ranks; the sets are intersected and the
/// people left ranked by the core's ``SearchRanking``, ties by name then id.
struct MemorySearch {
    let query: VolunteerQuery
    let understanding: QueryUnderstanding
    let taxonomy: SkillTaxonomy
    let catalogue: LanguageCatalogue
    let state: MemoryState

    /// The volunteers a filter admits, each with their part of the score (0 for a filter that
    /// does not rank).
    typealias Admitted = [VolunteerID: Double]

    /// The ranked ids and scores, best first.
    func run() throws -> [(VolunteerID, Double)] {
        try VolunteerQuery.validate(text: query.text)
        let people = Array(state.volunteers.values)
        var filters: [Admitted] = []
        func admit(_ accepts: (MemoryState.StoredVolunteer) -> Bool) {
            filters.append(Dictionary(uniqueKeysWithValues: people.filter(accepts).map { ($0.id, 0) }))
        }
        if !query.includeWithoutConsent { admit { $0.consent.contact == true } }
        if query.sharedWithPartnersOnly { admit { $0.consent.share == .partners } }
        for expansion in understanding.skills { filters.append(skillHolders(expansion, among: people)) }
        let minimum = query.minimumProficiency?.rawValue ?? 0
        for language in query.languages { filters.append(speakers(language, minimum: minimum, among: people)) }
        if let network = query.network {
            let ids = Set(
                state.networks.values.filter { $0.name.matchingKey == network.matchingKey || $0.externalID == network }
                    .map(\.id))
            admit { person in state.memberships[person.id]?.keys.contains(where: ids.contains) ?? false }
        }
        if let area = query.area {
            let district = Postcode.district(area) ?? area.uppercased()
            admit { $0.district == district || $0.areaKey == area.matchingKey }
        }
        for slot in query.availability {
            admit { person in person.details.values.contains { $0.availability.contains { $0.overlaps(slot) } } }
        }
        if let dbs = query.minimumDBS { admit { $0.dbsLevel >= dbs } }
        let words = query.textWords
        if !words.isEmpty { filters.append(textMatches(words, among: people)) }

        // With no filter at all (everyone, consent or not), every volunteer is a candidate.
        let candidates =
            filters.first.map { first in
                first.keys.filter { id in filters.dropFirst().allSatisfy { $0[id] != nil } }
            } ?? people.map(\.id)
        let ranks = nameRanks()
        var best = SearchRanking.Best(limit: max(0, query.limit), candidates: candidates.count)
        for id in candidates {
            let score = filters.reduce(0.0) { $0 + ($1[id] ?? 0) }
            best.offer(id: id, score: score, rank: ranks[id] ?? .max)
        }
        return best.ranked.map { ($0.id, $0.score) }
    }

    // MARK: - Filters that rank

    /// Holders of a skill, scored by how they hold it (exact, synonym, narrower, related) and the
    /// level they state; interpreters too when the skill is interpreting.
    private func skillHolders(_ expansion: SkillExpansion, among people: [MemoryState.StoredVolunteer]) -> Admitted {
        var admitted: Admitted = [:]
        var kinds: [String: SkillMatchKind?] = [:]
        /// How a held key meets the skill asked for, beside the text itself (which `exact` with
        /// `writtenAsAsked` covers): through the taxonomy when it understood the text, else by
        /// the words asked for appearing whole in a longer skill.
        func kind(of key: String) -> SkillMatchKind? {
            if let known = kinds[key] { return known }
            let found: SkillMatchKind? =
                expansion.isUnderstood
                ? taxonomy.understand(key).compactMap { expansion.kind(ofConcept: $0.concept, namedAs: $0.kind) }.max()
                : expansion.kind(ofKey: key, mappings: [])
            kinds[key] = found
            return found
        }
        for person in people {
            for details in person.details.values {
                for skill in details.skills {
                    let level = skill.level?.rawValue
                    if skill.key == expansion.key {
                        keepBest(&admitted, person.id, SearchRanking.skill(.exact, level: level, writtenAsAsked: true))
                    } else if let found = kind(of: skill.key) {
                        keepBest(&admitted, person.id, SearchRanking.skill(found, level: level))
                    }
                }
                if let interpreting = expansion.interpreting, details.languages.contains(where: \.spoken.interprets) {
                    keepBest(&admitted, person.id, SearchRanking.interpreter(interpreting))
                }
            }
        }
        return admitted
    }

    /// Speakers of a language and of the languages that count for it, at `minimum` proficiency or
    /// better, scored by relation, then proficiency, then interpreting.
    private func speakers(_ asked: LanguageReference, minimum: Int, among people: [MemoryState.StoredVolunteer])
        -> Admitted
    {
        var admitted: Admitted = [:]
        let related = asked.code.map { code in
            Dictionary(grouping: catalogue.languages(relatedTo: code), by: \.code).mapValues { $0.map(\.relation) }
        }
        let writtenKey = asked.written.matchingKey
        for person in people {
            for details in person.details.values {
                for stored in details.languages where (stored.spoken.proficiency?.rawValue ?? 0) >= minimum {
                    let relations: [LanguageRelation] =
                        if let related {
                            stored.spoken.language.code.flatMap { related[$0] } ?? []
                        } else {
                            stored.spoken.language.code == nil && stored.writtenKey == writtenKey ? [.exact] : []
                        }
                    for relation in relations {
                        keepBest(
                            &admitted, person.id,
                            SearchRanking.language(
                                relation, proficiency: stored.spoken.proficiency?.rawValue,
                                interprets: stored.spoken.interprets))
                    }
                }
            }
        }
        return admitted
    }

    /// People whose name, written skills or notes hold every word asked for, scored by how often
    /// the words occur (a stand-in for BM25: see ``InMemoryDirectoryStore``).
    private func textMatches(_ words: [String], among people: [MemoryState.StoredVolunteer]) -> Admitted {
        var admitted: Admitted = [:]
        for person in people {
            let skills = person.details.sorted { $0.key < $1.key }.flatMap { $0.value.skills.map(\.written) }
            let text = [person.name, skills.joined(separator: " ; "), person.notes ?? ""]
            let held = text.flatMap { $0.searchFolded.matchingKey.split(separator: " ").map(String.init) }
            guard words.allSatisfy({ held.contains($0) }) else { continue }
            let occurrences = held.filter { words.contains($0) }.count
            keepBest(&admitted, person.id, SearchRanking.text(bm25: -Double(occurrences)))
        }
        return admitted
    }

    // MARK: - Helpers

    /// Keeps the higher of a person's scores under one filter, in hundredths of a point as the
    /// SQLite store keeps them, so that the two stores' sums agree to the last digit.
    private func keepBest(_ admitted: inout Admitted, _ id: VolunteerID, _ score: Double) {
        let rounded = Double(UInt16(clamping: Int((max(0, score) * 100).rounded()))) / 100
        admitted[id] = max(admitted[id] ?? 0, rounded)
    }

    /// Each volunteer's place in name order (by matching key, then id).
    private func nameRanks() -> [VolunteerID: Int32] {
        let ordered = state.volunteers.values.sorted { a, b in
            a.nameKey == b.nameKey ? a.id < b.id : a.nameKey.utf8.lexicographicallyPrecedes(b.nameKey.utf8)
        }
        return Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($0.element.id, Int32($0.offset)) })
    }
}
