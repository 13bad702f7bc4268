import PostgresNIO
import VolunteerDirectory

/// Answers a ``VolunteerQuery`` on PostgreSQL. The filters that only admit or refuse (consent,
/// sharing, network, area, availability, DBS level) become one condition on the volunteer, which
/// the database applies; the filters that rank (skills, languages, free text) each fetch the
/// evidence of the volunteers they admit under that condition: keys, levels, proficiencies,
/// interpreting, text rank. Scores come from the core's ``SearchRanking``, each filter's part kept
/// in hundredths of a point as the other stores keep it; ties go by name (as bytes), then id.
struct PostgresSearch {
    let query: VolunteerQuery
    let understanding: QueryUnderstanding
    let taxonomy: SkillTaxonomy
    let catalogue: LanguageCatalogue

    /// The volunteers a ranking filter admits, each with their part of the score.
    typealias Admitted = [VolunteerID: Double]

    /// ts_rank's scale (about 0.1 for each time a word occurs) brought to BM25's (about 1), so a
    /// free-text match weighs against a skill as it does on the other stores.
    static let textRankScale = 10.0

    /// The ranked ids and scores, best first.
    func run(on connection: PostgresConnection) throws -> [(VolunteerID, Double)] {
        try VolunteerQuery.validate(text: query.text)
        let limit = max(0, query.limit)
        var filters: [Admitted] = []
        for expansion in understanding.skills { filters.append(try skillHolders(expansion, on: connection)) }
        let minimum = query.minimumProficiency?.rawValue ?? 0
        for language in query.languages {
            filters.append(try speakers(language, minimum: minimum, on: connection))
        }
        let words = query.textWords
        if !words.isEmpty { filters.append(try textMatches(words, on: connection)) }

        guard let first = filters.first else {
            // Nothing ranks: everyone admitted scores 0, so the first `limit` in name order.
            var sql = SQLBuilder()
            sql.append("SELECT v.id FROM volunteer v WHERE ")
            appendConditions(to: &sql)
            sql.append(" ORDER BY v.name_key COLLATE \"C\", v.id LIMIT ")
            sql.bind(limit)
            return try connection.run(sql.query).map { (try $0.decode(Int64.self), 0) }
        }
        let candidates = first.keys.filter { id in filters.dropFirst().allSatisfy { $0[id] != nil } }
        guard !candidates.isEmpty, limit > 0 else { return [] }
        let ranks = try nameRanks(of: candidates, on: connection)
        var best = SearchRanking.Best(limit: limit, candidates: candidates.count)
        for id in candidates {
            best.offer(id: id, score: filters.reduce(0.0) { $0 + ($1[id] ?? 0) }, rank: ranks[id] ?? .max)
        }
        return best.ranked.map { ($0.id, $0.score) }
    }

    // MARK: - Filters that only admit

    /// Appends the condition on `volunteer v` that the filters which do not rank make (`TRUE`
    /// when there are none).
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

    /// The rows of the statement `statement` writes (a `SELECT … FROM … WHERE` whose `FROM` joins
    /// `volunteer v`), for the volunteers who pass the filters that only admit.
    private func evidence(on connection: PostgresConnection, _ statement: (inout SQLBuilder) -> Void) throws
        -> PostgresQueryResult
    {
        var sql = SQLBuilder()
        statement(&sql)
        sql.append(" AND ")
        appendConditions(to: &sql)
        return try connection.run(sql.query)
    }

    // MARK: - Filters that rank

    /// Holders of a skill, scored by how they hold it (exact, synonym, narrower, related) and the
    /// level they state; interpreters too when the skill is interpreting.
    private func skillHolders(_ expansion: SkillExpansion, on connection: PostgresConnection) throws -> Admitted {
        // Each written key that meets the skill, with every way it does.
        var kinds: [String: [(kind: SkillMatchKind, asAsked: Bool)]] = [expansion.key: [(.exact, true)]]
        if expansion.isUnderstood {
            let concepts = expansion.concepts.map(\.key)
            let rows = try connection.run(
                "SELECT concept, key, kind FROM skill_mapping WHERE concept = ANY(\(concepts))")
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
        var admitted: Admitted = [:]
        let rows = try evidence(on: connection) { sql in
            sql.append(
                "SELECT s.volunteer_id, s.key, s.level FROM volunteer_skill s JOIN volunteer v ON v.id = s.volunteer_id WHERE s.key = ANY("
            )
            sql.bind(Array(kinds.keys))
            sql.append(")")
        }
        for row in rows {
            let (id, key, level) = try row.decode((Int64, String, Int?).self)
            for way in kinds[key] ?? [] {
                keepBest(&admitted, id, SearchRanking.skill(way.kind, level: level, writtenAsAsked: way.asAsked))
            }
        }
        if let interpreting = expansion.interpreting {
            let interpreters = try evidence(on: connection) { sql in
                sql.append(
                    "SELECT DISTINCT l.volunteer_id FROM volunteer_language l JOIN volunteer v ON v.id = l.volunteer_id WHERE l.interprets = 1"
                )
            }
            for row in interpreters {
                keepBest(&admitted, try row.decode(Int64.self), SearchRanking.interpreter(interpreting))
            }
        }
        return admitted
    }

    /// Speakers of a language and of the languages that count for it, at `minimum` proficiency or
    /// better, scored by relation, then proficiency, then interpreting.
    private func speakers(_ asked: LanguageReference, minimum: Int, on connection: PostgresConnection) throws
        -> Admitted
    {
        var admitted: Admitted = [:]
        var relations: [String: [LanguageRelation]] = [:]
        if let code = asked.code {
            for related in catalogue.languages(relatedTo: code) {
                relations[related.code, default: []].append(related.relation)
            }
        }
        let rows = try evidence(on: connection) { sql in
            sql.append(
                "SELECT l.volunteer_id, l.code, l.proficiency, l.interprets FROM volunteer_language l JOIN volunteer v ON v.id = l.volunteer_id WHERE "
            )
            if asked.code == nil {
                sql.append("l.code IS NULL AND l.written_key = ")
                sql.bind(asked.written.matchingKey)
            } else {
                sql.append("l.code = ANY(")
                sql.bind(Array(relations.keys))
                sql.append(")")
            }
            sql.append(" AND COALESCE(l.proficiency, 0) >= ")
            sql.bind(minimum)
        }
        for row in rows {
            let (id, code, proficiency, interprets) = try row.decode((Int64, String?, Int?, Int).self)
            let ways = code.map { relations[$0] ?? [] } ?? [.exact]
            for relation in ways {
                keepBest(
                    &admitted, id,
                    SearchRanking.language(relation, proficiency: proficiency, interprets: interprets != 0))
            }
        }
        return admitted
    }

    /// People whose folded name, written skills or notes hold every word asked for, scored by
    /// PostgreSQL's `ts_rank` (name above skills above notes).
    private func textMatches(_ words: [String], on connection: PostgresConnection) throws -> Admitted {
        var admitted: Admitted = [:]
        let rows = try evidence(on: connection) { sql in
            // The words are letters and digits only (matching keys), each quoted as a lexeme.
            sql.append(
                "SELECT t.volunteer_id, ts_rank(t.document, q.query) FROM volunteer_text t JOIN volunteer v ON v.id = t.volunteer_id CROSS JOIN to_tsquery('simple', "
            )
            sql.bind(words.map { "'\($0)'" }.joined(separator: " & "))
            sql.append(") AS q(query) WHERE t.document @@ q.query")
        }
        for row in rows {
            let (id, rank) = try row.decode((Int64, Float).self)
            keepBest(&admitted, id, SearchRanking.text(bm25: -Double(rank) * Self.textRankScale))
        }
        return admitted
    }

    // MARK: - Helpers

    /// Keeps the higher of a person's scores under one filter, in hundredths of a point as the
    /// other stores keep them, so that sums agree to the last digit.
    private func keepBest(_ admitted: inout Admitted, _ id: VolunteerID, _ score: Double) {
        let rounded = Double(UInt16(clamping: Int((max(0, score) * 100).rounded()))) / 100
        admitted[id] = max(admitted[id] ?? 0, rounded)
    }

    /// The candidates' order by name (matching key, compared as bytes), then id.
    private func nameRanks(of ids: [VolunteerID], on connection: PostgresConnection) throws -> [VolunteerID: Int32] {
        let rows = try connection.run(
            "SELECT id FROM volunteer WHERE id = ANY(\(ids)) ORDER BY name_key COLLATE \"C\", id")
        var ranks: [VolunteerID: Int32] = [:]
        ranks.reserveCapacity(ids.count)
        for (rank, row) in rows.enumerated() { ranks[try row.decode(Int64.self)] = Int32(clamping: rank) }
        return ranks
    }
}
