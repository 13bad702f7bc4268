import VolunteerDirectory

/// What the directory holds in skills and languages: the coverage views behind `voldir skills`
/// and `voldir languages`.
extension InMemoryDirectoryStore {
    public func unmappedSkills(limit: Int) throws -> [UnmappedSkill] {
        var written: [String: String] = [:]
        var holders: [String: Set<VolunteerID>] = [:]
        for person in snapshot.volunteers.values {
            for details in person.details.values {
                for skill in details.skills where taxonomy.understand(skill.key).isEmpty {
                    holders[skill.key, default: []].insert(person.id)
                    if written[skill.key].map({ skill.written.utf8.lexicographicallyPrecedes($0.utf8) }) ?? true {
                        written[skill.key] = skill.written
                    }
                }
            }
        }
        return holders.map {
            UnmappedSkill(written: written[$0.key] ?? $0.key, key: $0.key, volunteers: $0.value.count)
        }
        .sorted { a, b in
            a.volunteers != b.volunteers
                ? a.volunteers > b.volunteers : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
        }
        .prefix(max(0, limit)).map { $0 }
    }

    public func skillHolders() throws -> [String: Int] {
        var holders: [String: Set<VolunteerID>] = [:]
        var interpreters: Set<VolunteerID> = []
        for person in snapshot.volunteers.values {
            for details in person.details.values {
                for skill in details.skills {
                    for mapping in taxonomy.understand(skill.key) {
                        holders[mapping.concept, default: []].insert(person.id)
                    }
                }
                if details.languages.contains(where: \.spoken.interprets) { interpreters.insert(person.id) }
            }
        }
        // Interpreting a language is the interpreting skill, whether or not it was written down.
        for concept in taxonomy.concepts.values where concept.impliedByInterpreting {
            holders[concept.key, default: []].formUnion(interpreters)
        }
        return holders.mapValues(\.count).filter { $0.value > 0 }
    }

    public func languageCoverage() throws -> [LanguageCoverage] {
        /// One volunteer's use of one language: each counted once, at the best proficiency any source gave.
        struct Use {
            var written: String
            var best: Int
            var interprets: Bool

            mutating func merge(_ other: Use) {
                if other.written.utf8.lexicographicallyPrecedes(written.utf8) { written = other.written }
                best = max(best, other.best)
                interprets = interprets || other.interprets
            }
        }
        var uses: [String: [VolunteerID: Use]] = [:]
        var codes: [String: String?] = [:]
        for person in snapshot.volunteers.values {
            for details in person.details.values {
                for stored in details.languages {
                    let code = stored.spoken.language.code
                    let identity = code ?? "?" + stored.writtenKey
                    codes[identity] = code
                    let use = Use(
                        written: stored.spoken.language.written, best: stored.spoken.proficiency?.rawValue ?? 0,
                        interprets: stored.spoken.interprets)
                    uses[identity, default: [:]][person.id, default: use].merge(use)
                }
            }
        }
        return uses.map { identity, people in
            // Named as the SQLite store names it: the first spelling of those at the lowest proficiency.
            let lowest = people.values.map(\.best).min() ?? 0
            let written =
                people.values.filter { $0.best == lowest }.map(\.written)
                .min { $0.utf8.lexicographicallyPrecedes($1.utf8) } ?? identity
            var coverage = LanguageCoverage(
                code: codes[identity] ?? nil, written: written, byProficiency: [:], interpreters: 0)
            for use in people.values {
                coverage.byProficiency[Proficiency(rawValue: use.best), default: 0] += 1
                if use.interprets { coverage.interpreters += 1 }
            }
            return coverage
        }.sorted { a, b in
            // Most spoken first, then by name; the same name twice (two codes) by code, as SQLite groups them.
            (a.total, b.written, b.code ?? "") > (b.total, a.written, a.code ?? "")
        }
    }
}
