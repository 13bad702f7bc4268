import PostgresNIO
import VolunteerDirectory

/// Answers a ``VolunteerQuery`` on PostgreSQL as the SQLite store answers it: each filter is a
/// set of volunteers (``FacetSet``), kept for the state of the directory by the store's
/// ``PostgresSearchCache`` (all but free text, whose words vary too much), the sets are intersected
/// in memory, and only the volunteers left are scored and ranked.
///
/// Scores are the core's: each ranking filter's part for each kind of evidence comes from
/// ``SearchRanking`` (``EvidenceScores``), kept in hundredths of a point as the other stores keep
/// it, and a volunteer's parts are added in the filters' order as the other stores add them, so
/// that sums agree to the last digit. Ties go by name (as bytes), then id, from the name order
/// kept for the state. A search costs the look-up of the state, the skill mappings of the skills
/// asked for and the free text, if any; the facets it reads are read once per state.
struct PostgresSearch {
    let query: VolunteerQuery
    let understanding: QueryUnderstanding
    let taxonomy: SkillTaxonomy
    let catalogue: LanguageCatalogue
    let cache: PostgresSearchCache

    /// ts_rank's scale (about 0.1 for each time a word occurs) brought to BM25's (about 1), so a
    /// free-text match weighs against a skill as it does on the other stores.
    static let textRankScale = 10.0

    /// The ranked ids and scores, best first.
    func run(on connection: PostgresConnection) throws -> [(VolunteerID, Double)] {
        try VolunteerQuery.validate(text: query.text)
        let limit = max(0, query.limit)
        let words = query.textWords
        guard !understanding.skills.isEmpty || !query.languages.isEmpty || !words.isEmpty else {
            // Nothing ranks: everyone admitted scores 0, so the first `limit` in name order.
            var sql = SQLBuilder()
            sql.append("SELECT v.id FROM volunteer v WHERE ")
            appendConditions(to: &sql)
            sql.append(" ORDER BY v.name_key COLLATE \"C\", v.id LIMIT ")
            sql.bind(limit)
            return try connection.run(sql.query).map { (try $0.decode(Int64.self), 0) }
        }
        guard limit > 0 else { return [] }
        let state = try PostgresSearchCache.state(on: connection)
        var scored: [FacetSet] = []
        for expansion in understanding.skills {
            scored.append(try skillHolders(expansion, at: state, on: connection))
        }
        let minimum = query.minimumProficiency?.rawValue ?? 0
        for language in query.languages {
            scored.append(try speakers(language, minimum: minimum, at: state, on: connection))
        }
        if !words.isEmpty { scored.append(try textMatches(words, at: state, on: connection)) }
        let candidates = FacetSet.intersection(of: scored + (try admitting(at: state, on: connection)))
        guard !candidates.isEmpty else { return [] }
        // Rank by score, ties by name then id; only the best `limit` are kept in order, so a
        // filter that admits half the directory costs one pass, not a sort of everyone.
        let ranks = try cache.nameRanks(at: state, on: connection)
        var best = SearchRanking.Best(limit: limit, candidates: candidates.count)
        for id in candidates {
            var score = 0.0
            for set in scored { score += set.score(of: id) }
            best.offer(id: id, score: score, rank: Int(id) < ranks.count ? ranks[Int(id)] : .max)
        }
        return best.ranked.map { ($0.id, $0.score) }
    }

    // MARK: - Filters that only admit

    /// Appends the condition on `volunteer v` that the filters which do not rank make (`TRUE`
    /// when there are none): for a search with nothing to rank by.
    func appendConditions(to sql: inout SQLBuilder) {
        sql.append("TRUE")
        if !query.includeWithoutConsent { sql.append(" AND v.consent_contact = 1") }
        if query.sharedWithPartnersOnly {
            sql.append(" AND v.consent_share = ")
            sql.bind(ShareScope.partners.rawValue)
        }
        if let network = query.network {
            sql.append(
                " AND EXISTS (SELECT 1 FROM membership m JOIN network n ON n.id = m.network_id WHERE m.volunteer_id = v.id AND (n.name_key = "
            )
            sql.bind(network.matchingKey)
            sql.append(" OR n.external_id = ")
            sql.bind(network)
            sql.append("))")
        }
        if let area = query.area {
            sql.append(" AND (v.postcode_district = ")
            sql.bind(Postcode.district(area) ?? area.uppercased())
            sql.append(" OR v.area_key = ")
            sql.bind(area.matchingKey)
            sql.append(")")
        }
        for slot in query.availability {
            sql.append(" AND EXISTS (SELECT 1 FROM volunteer_availability a WHERE a.volunteer_id = v.id AND a.slots & ")
            sql.bind(StoredSlots.bits(overlapping: slot))
            sql.append(" <> 0)")
        }
        if let dbs = query.minimumDBS {
            sql.append(" AND v.dbs_level >= ")
            sql.bind(dbs.rawValue)
        }
    }

    /// The sets of the filters that only admit, the same conditions as ``appendConditions(to:)``
    /// makes, each kept for the state.
    private func admitting(at state: PostgresSearchCache.State, on connection: PostgresConnection) throws
        -> [FacetSet]
    {
        var sets: [FacetSet] = []
        func admitted(_ key: String, _ query: PostgresQuery) throws {
            sets.append(
                try cache.set(key, at: state) {
                    try FacetSet.admitted(by: query, capacity: state.volunteer, on: connection)
                })
        }
        if !query.includeWithoutConsent {
            try admitted("consent", "SELECT ARRAY(SELECT id FROM volunteer WHERE consent_contact = 1)")
        }
        if query.sharedWithPartnersOnly {
            let partners = ShareScope.partners.rawValue
            try admitted(
                "share:\(partners)", "SELECT ARRAY(SELECT id FROM volunteer WHERE consent_share = \(partners))")
        }
        if let network = query.network {
            try admitted(
                "network:\(network)",
                """
                SELECT ARRAY(
                  SELECT m.volunteer_id FROM membership m JOIN network n ON n.id = m.network_id
                  WHERE n.name_key = \(network.matchingKey) OR n.external_id = \(network))
                """)
        }
        if let area = query.area {
            let district = Postcode.district(area) ?? area.uppercased()
            try admitted(
                "area:\(district):\(area.matchingKey)",
                "SELECT ARRAY(SELECT id FROM volunteer WHERE postcode_district = \(district) OR area_key = \(area.matchingKey))"
            )
        }
        for slot in query.availability {
            let bits = StoredSlots.bits(overlapping: slot)
            try admitted(
                "slots:\(bits)",
                "SELECT ARRAY(SELECT volunteer_id FROM volunteer_availability WHERE slots & \(bits) <> 0)")
        }
        if let dbs = query.minimumDBS {
            try admitted(
                "dbs:\(dbs.rawValue)", "SELECT ARRAY(SELECT id FROM volunteer WHERE dbs_level >= \(dbs.rawValue))")
        }
        return sets
    }

    // MARK: - Filters that rank

    /// Holders of a skill, scored by how they hold it (exact, synonym, narrower, related) and the
    /// level they state; interpreters too when the skill is interpreting. Kept for the state and
    /// for the scores asked for (the keys that meet the skill depend on the mappings made with the
    /// taxonomy, which are read each time).
    private func skillHolders(
        _ expansion: SkillExpansion, at state: PostgresSearchCache.State, on connection: PostgresConnection
    ) throws -> FacetSet {
        // Each written key that meets the skill, with every way it does.
        var kinds: [String: [(kind: SkillMatchKind, asAsked: Bool)]] = [expansion.key: [(.exact, true)]]
        if expansion.isUnderstood {
            let concepts = expansion.concepts.map(\.key)
            var binds = PostgresBindings()
            binds.append(concepts)
            let rows = try connection.run(Prepared<SkillMappings>(binds))
            for row in rows {
                let (concept, key, named) = try row.decode((String, String, String).self)
                guard key != expansion.key, let named = SkillMatchKind(rawValue: named),
                    let kind = expansion.kind(ofConcept: concept, namedAs: named)
                else { continue }
                kinds[key, default: []].append((kind, false))
            }
        } else {
            // Text the taxonomy does not know: longer skills that hold its words. The distinct
            // keys come from the index, one probe each (a loose index scan).
            let keys = try connection.run(
                """
                WITH RECURSIVE k(key) AS (
                  (SELECT key FROM volunteer_skill ORDER BY key LIMIT 1)
                  UNION ALL
                  SELECT (SELECT s.key FROM volunteer_skill s WHERE s.key > k.key ORDER BY s.key LIMIT 1)
                  FROM k WHERE k.key IS NOT NULL)
                SELECT key FROM k WHERE key IS NOT NULL
                """)
            for row in keys {
                let held = try row.decode(String.self)
                if held != expansion.key, let kind = expansion.kind(ofKey: held, mappings: []) {
                    kinds[held, default: []].append((kind, false))
                }
            }
        }
        let highest = SkillLevel.allCases.map(\.rawValue).max() ?? 0
        let scores = EvidenceScores(keys: kinds.keys.sorted(), slots: highest + 2) { key, slot in
            (kinds[key] ?? []).map { way in
                SearchRanking.skill(way.kind, level: EvidenceScores.value(ofSlot: slot), writtenAsAsked: way.asAsked)
            }
        }
        let interpreter = expansion.interpreting.map { EvidenceScores.hundredths(of: SearchRanking.interpreter($0)) }
        return try cache.set("skill:\(scores.description):\(interpreter.map(String.init) ?? "-")", at: state) {
            // The evidence as arrays, one value each, not a row per holder: see `FacetSet.admitted`.
            var set = FacetSet(capacity: state.volunteer, scored: true)
            let evidence = try connection.run(
                """
                SELECT COALESCE(array_agg(volunteer_id), '{}'), COALESCE(array_agg(array_position(\(scores.keys), key)), '{}'),
                  COALESCE(array_agg(COALESCE(level, 0)), '{}'), COALESCE(array_agg(level IS NULL), '{}')
                FROM volunteer_skill WHERE key = ANY(\(scores.keys))
                """
            ).firstRow { cells in
                (try cells.numbers(), try cells.numbers(), try cells.numbers(), try cells.flags())
            }
            if let (ids, keys, levels, unstated) = evidence {
                for (at, id) in ids.enumerated() {
                    let level = unstated[at] ? nil : Int(levels[at])
                    let slot = EvidenceScores.slot(of: level, highest: highest)
                    if let part = scores.hundredths(key: scores.keys[Int(keys[at]) - 1], slot: slot) {
                        set.insert(id, part: part)
                    }
                }
            }
            if let interpreter {
                let interpreters = try connection.run(
                    "SELECT ARRAY(SELECT volunteer_id FROM volunteer_language WHERE interprets = 1)"
                ).firstRow { cells in try cells.numbers() }
                for id in interpreters ?? [] { set.insert(id, part: interpreter) }
            }
            return set
        }
    }

    /// Speakers of a language and of the languages that count for it, at `minimum` proficiency or
    /// better, scored by relation, then proficiency, then interpreting.
    private func speakers(
        _ asked: LanguageReference, minimum: Int, at state: PostgresSearchCache.State,
        on connection: PostgresConnection
    ) throws -> FacetSet {
        // Each code that counts, with every relation it has to the one asked for; a language the
        // catalogue does not know is its written name, exactly.
        var relations: [String: [LanguageRelation]] = [:]
        if let code = asked.code {
            for related in catalogue.languages(relatedTo: code) {
                relations[related.code, default: []].append(related.relation)
            }
        } else {
            relations[asked.written.matchingKey] = [.exact]
        }
        // Two slots (not interpreting, interpreting) for each proficiency.
        let highest = Proficiency.allCases.map(\.rawValue).max() ?? 0
        let scores = EvidenceScores(keys: relations.keys.sorted(), slots: (highest + 2) * 2) { key, slot in
            (relations[key] ?? []).map { relation in
                SearchRanking.language(
                    relation, proficiency: EvidenceScores.value(ofSlot: slot / 2), interprets: slot % 2 == 1)
            }
        }
        return try cache.set("language:\(asked.code == nil):\(minimum):\(scores.description)", at: state) {
            // The evidence as arrays, one value each, not a row per speaker: see `FacetSet.admitted`.
            let column = asked.code == nil ? "written_key" : "code"
            let evidence = try connection.run(
                """
                SELECT COALESCE(array_agg(volunteer_id), '{}'),
                  COALESCE(array_agg(array_position(\(scores.keys), \(unescaped: column))), '{}'),
                  COALESCE(array_agg(COALESCE(proficiency, 0)), '{}'), COALESCE(array_agg(proficiency IS NULL), '{}'),
                  COALESCE(array_agg(interprets <> 0), '{}')
                FROM volunteer_language
                WHERE \(unescaped: asked.code == nil ? "code IS NULL AND " : "")\(unescaped: column) = ANY(\(scores.keys))
                  AND COALESCE(proficiency, 0) >= \(minimum)
                """
            ).firstRow { cells in
                (try cells.numbers(), try cells.numbers(), try cells.numbers(), try cells.flags(), try cells.flags())
            }
            var set = FacetSet(capacity: state.volunteer, scored: true)
            if let (ids, keys, proficiencies, unstated, interprets) = evidence {
                for (at, id) in ids.enumerated() {
                    let proficiency = unstated[at] ? nil : Int(proficiencies[at])
                    let slot = EvidenceScores.slot(of: proficiency, highest: highest) * 2 + (interprets[at] ? 1 : 0)
                    if let part = scores.hundredths(key: scores.keys[Int(keys[at]) - 1], slot: slot) {
                        set.insert(id, part: part)
                    }
                }
            }
            return set
        }
    }

    /// People whose folded name, written skills or notes hold every word asked for, scored by
    /// PostgreSQL's `ts_rank` (name above skills above notes). Asked of the index each time: words
    /// vary too much to keep.
    private func textMatches(_ words: [String], at state: PostgresSearchCache.State, on connection: PostgresConnection)
        throws -> FacetSet
    {
        // The words are letters and digits only (matching keys), each quoted as a lexeme.
        let terms = words.map { "'\($0)'" }.joined(separator: " & ")
        var set = FacetSet(capacity: state.volunteer, scored: true)
        let matches = try connection.run(
            """
            SELECT COALESCE(array_agg(t.volunteer_id), '{}'), COALESCE(array_agg(ts_rank(t.document, q.query)), '{}')
            FROM volunteer_text t CROSS JOIN to_tsquery('simple', \(terms)) AS q(query) WHERE t.document @@ q.query
            """
        ).firstRow { cells in (try cells.numbers(), try cells.reals()) }
        if let (ids, ranks) = matches {
            for (id, rank) in zip(ids, ranks) {
                set.insert(
                    id,
                    part: EvidenceScores.hundredths(of: SearchRanking.text(bm25: -Double(rank) * Self.textRankScale)))
            }
        }
        return set
    }
}

/// The written keys mapped to any of some concepts, and how, for ``PostgresSearch``.
private enum SkillMappings: PreparedText {
    static let name = "voldir_skill_mappings"
    static let sql = "SELECT concept, key, kind FROM skill_mapping WHERE concept = ANY($1)"
    static let parameterTypes: [PostgresDataType] = [.textArray]
}
