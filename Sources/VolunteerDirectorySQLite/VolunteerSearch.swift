import Foundation
import GRDB
import VolunteerDirectory

/// Answers a ``VolunteerQuery``: the filters become cached bit sets that are intersected, and
/// the volunteers left are ranked in memory from the parts of the score the sets carry, each
/// part scored by the core's ``SearchRanking``.
struct VolunteerSearch {
    let query: VolunteerQuery
    /// The query's skills and languages, understood once for both searching and explaining.
    let understanding: QueryUnderstanding
    let facets: FacetCache
    let taxonomy: SkillTaxonomy
    var catalogue: LanguageCatalogue = .shared

    /// The volunteers who pass every filter, or `nil` when the query has no filter to narrow by;
    /// and the filters that carry a part of the score.
    private func candidates(_ db: Database, at snapshot: FacetCache.Snapshot) throws
        -> (ids: [Int64], scored: [VolunteerSet])?
    {
        let capacity = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM volunteer") ?? 0
        var sets: [VolunteerSet] = []
        func facet(_ key: String, _ sql: String, _ arguments: StatementArguments = []) throws {
            sets.append(
                try facets.set(key, at: snapshot) {
                    try VolunteerSet(capacity: capacity, db: db, sql: sql, arguments: arguments)
                })
        }
        /// A facet the directory keeps (``SearchFacets``), built by `sql` when those kept are out of date.
        func kept(_ key: String, _ names: [String], _ sql: String, _ arguments: StatementArguments = []) throws {
            sets.append(
                try facets.kept(key, names: names, capacity: capacity, at: snapshot, in: db) {
                    try VolunteerSet(capacity: capacity, db: db, sql: sql, arguments: arguments)
                })
        }
        if !query.includeWithoutConsent {
            try kept("consent", [SearchFacets.Name.consent], "SELECT id FROM volunteer WHERE consent_contact = 1")
        }
        if query.sharedWithPartnersOnly {
            try facet(
                "share:partners", "SELECT id FROM volunteer WHERE consent_share = ?", [ShareScope.partners.rawValue])
        }
        for expansion in understanding.skills {
            sets.append(
                try facets.set("skill:\(expansion.key):\(taxonomy.fingerprint)", at: snapshot) {
                    try skillSet(expansion, capacity: capacity, db: db, snapshot: snapshot)
                })
        }
        let minimum = query.minimumProficiency?.rawValue ?? 0
        for language in query.languages {
            sets.append(
                try facets.set(
                    "language:\(language.code ?? "?" + language.written.matchingKey):\(minimum)", at: snapshot
                ) {
                    try languageSet(language, minimum: minimum, capacity: capacity, db: db)
                })
        }
        if let network = query.network {
            try facet(
                "network:\(network)",
                "SELECT m.volunteer_id FROM membership m JOIN network n ON n.id = m.network_id WHERE n.name_key = ? OR n.external_id = ?",
                [network.matchingKey, network])
        }
        if let area = query.area {
            let district = Postcode.district(area) ?? area.uppercased()
            // UNION ALL: the bit set drops a person both match, where UNION sorted every id in a
            // temporary B-tree (10 ms of a one-shot search in a district of 35,000, against 2).
            try facet(
                "area:\(district):\(area.matchingKey)",
                "SELECT id FROM volunteer WHERE postcode_district = ? UNION ALL SELECT id FROM volunteer WHERE area_key = ?",
                [district, area.matchingKey])
        }
        for slot in query.availability {
            let bits = StoredSlots.bits(overlapping: slot)
            try kept(
                "slot:\(slot)", (0..<64).filter { bits & (1 << $0) != 0 }.map { SearchFacets.Name.slotBit($0) },
                "SELECT volunteer_id FROM volunteer_availability WHERE slots & ? != 0", [bits])
        }
        if let dbs = query.minimumDBS {
            let sql = "SELECT id FROM volunteer WHERE dbs_level >= ?"
            if dbs == DBSLevel.none {
                try facet("dbs:\(dbs.rawValue)", sql, [dbs.rawValue])
            } else {
                try kept("dbs:\(dbs.rawValue)", [SearchFacets.Name.dbs(atLeast: dbs.rawValue)], sql, [dbs.rawValue])
            }
        }
        if !query.textTerms.isEmpty {
            // Words vary too much to cache: asked of the full-text index each time, with relevance
            // (bm25 is lower for better matches, so its negation is the score).
            var set = VolunteerSet(capacity: capacity)
            let rows = try Row.fetchCursor(
                db, sql: "SELECT rowid, bm25(volunteer_text) FROM volunteer_text WHERE volunteer_text MATCH ?",
                arguments: [query.textTerms.joined(separator: " ")])
            while let row = try rows.next() {
                let id: Int64 = row[0]
                let rank: Double = row[1]
                set.insert(id, score: SearchRanking.text(bm25: rank))
            }
            sets.append(set)
        }
        guard var result = sets.first else { return nil }
        for set in sets.dropFirst() { result.formIntersection(set) }
        return (result.ids, sets.filter(\.ranks))
    }

    /// Holders of a skill, scored by how they hold it (exact, synonym, narrower, related) and the
    /// level they state.
    private func skillSet(
        _ expansion: SkillExpansion, capacity: Int64, db: Database, snapshot: FacetCache.Snapshot
    ) throws -> VolunteerSet {
        var set = VolunteerSet(capacity: capacity)
        func add(key: String, kind: SkillMatchKind, writtenAsAsked: Bool = false) throws {
            try DirectStatement.forEachRow(
                "SELECT volunteer_id, level FROM volunteer_skill WHERE key = ?", arguments: [key], in: db
            ) { row in
                let level = row.optional(1).map { Int($0) }
                set.insert(row[0], score: SearchRanking.skill(kind, level: level, writtenAsAsked: writtenAsAsked))
            }
        }
        // The text itself, as written by someone: the most exact of all.
        try add(key: expansion.key, kind: .exact, writtenAsAsked: true)
        if expansion.isUnderstood {
            // Every written skill mapped to a concept that counts, from the mappings made at import.
            for (concept, _) in expansion.concepts {
                let rows = try Row.fetchAll(
                    db.cachedStatement(sql: "SELECT key, kind FROM skill_mapping WHERE concept = ?"),
                    arguments: [concept])
                for row in rows {
                    let key: String = row[0]
                    guard key != expansion.key, let named = SkillMatchKind(rawValue: row[1]),
                        let kind = expansion.kind(ofConcept: concept, namedAs: named)
                    else { continue }
                    try add(key: key, kind: kind)
                }
            }
        } else {
            // Text the taxonomy does not know: longer skills that hold its words (the distinct keys
            // come from the index, one seek each).
            let keys = try String.fetchAll(
                db,
                sql: """
                    WITH RECURSIVE k(key) AS (
                      SELECT MIN(key) FROM volunteer_skill
                      UNION ALL SELECT (SELECT MIN(key) FROM volunteer_skill WHERE key > k.key) FROM k WHERE k.key IS NOT NULL)
                    SELECT key FROM k WHERE key IS NOT NULL
                    """)
            for held in keys where held != expansion.key {
                if let kind = expansion.kind(ofKey: held, mappings: []) { try add(key: held, kind: kind) }
            }
        }
        if let kind = expansion.interpreting {
            let interpreters = try facets.kept(
                "interprets", names: [SearchFacets.Name.interprets], capacity: capacity, at: snapshot, in: db
            ) {
                try VolunteerSet(
                    capacity: capacity, db: db,
                    sql: "SELECT DISTINCT volunteer_id FROM volunteer_language WHERE interprets = 1")
            }
            for id in interpreters.ids {
                set.insert(id, score: SearchRanking.interpreter(kind))
            }
        }
        return set
    }

    /// Speakers of a language and of the languages that count for it, scored by relation (exact,
    /// narrower, related), then proficiency, then interpreting.
    private func languageSet(_ language: LanguageReference, minimum: Int, capacity: Int64, db: Database) throws
        -> VolunteerSet
    {
        var set = VolunteerSet(capacity: capacity)
        let targets: [(column: String, value: String, relation: LanguageRelation)] =
            language.code.map { code in catalogue.languages(relatedTo: code).map { ("code", $0.code, $0.relation) } }
            ?? [("written_key", language.written.matchingKey, .exact)]
        for target in targets {
            try DirectStatement.forEachRow(
                """
                SELECT volunteer_id, proficiency, interprets FROM volunteer_language
                WHERE \(target.column) = ? AND COALESCE(proficiency, 0) >= ?\(target.column == "written_key" ? " AND code IS NULL" : "")
                """, arguments: [target.value, minimum], in: db
            ) { row in
                let proficiency = row.optional(1).map { Int($0) }
                set.insert(
                    row[0],
                    score: SearchRanking.language(target.relation, proficiency: proficiency, interprets: row[2] != 0))
            }
        }
        return set
    }

    func run(_ db: Database) throws -> [(VolunteerID, Double)] {
        // Free text beyond the caps costs the full-text index quadratic time: refused, not run.
        try VolunteerQuery.validate(text: query.text)
        let snapshot = try facets.snapshot(in: db)
        guard let filtered = try candidates(db, at: snapshot) else {
            // With no filter at all (everyone, consent or not), everyone scores 0: the first
            // `limit` in name order, straight from the name index.
            let ids = try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT id FROM volunteer ORDER BY name_key, id LIMIT ?"),
                arguments: [max(0, query.limit)])
            return ids.map { ($0, 0) }
        }
        let ranks = try facets.nameRanks(of: filtered.ids, at: snapshot, in: db)
        // Rank by score, ties by name then id; only the best `limit` are kept in order, so a
        // filter that admits half the directory costs one pass, not a sort of everyone.
        var best = SearchRanking.Best(limit: max(0, query.limit), candidates: filtered.ids.count)
        for id in filtered.ids {
            var score = 0.0
            for set in filtered.scored { score += set.score(of: id) }
            best.offer(id: id, score: score, rank: ranks.rank(of: id))
        }
        return best.ranked.map { ($0.id, $0.score) }
    }
}
