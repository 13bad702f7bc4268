/// One matching run against a directory: loads what matching needs from the store, selects the
/// needs asked for, and matches them.
public struct MatchRun: Sendable {
    /// The index the run matched on.
    public let index: MatchIndex
    /// The criteria and weights used.
    public let criteria: MatchCriteria
    /// The result.
    public let result: MatchResult
    /// The needs left out because each looks like a duplicate of another need held (only the
    /// need held first is matched, until `voldir needs merge` keeps one).
    public let duplicates: [Need]

    /// Runs matching.
    ///
    /// - Parameters:
    ///   - needIDs: only these needs (all when empty); each must exist.
    ///   - partner: only needs from this partner (compared ignoring case and punctuation).
    ///   - dbsValidity: how long a DBS check counts; a check older than that meets no DBS
    ///     requirement, and an unfilled need that asks for one says whose check needs renewing.
    ///   - batchSize: how many volunteers are read from the store at a time (``batchSize``).
    public init(
        store: any DirectoryStore, needIDs: [String] = [], partner: String? = nil, weights: [String: Double] = [:],
        options: Matcher.Options = Matcher.Options(), dbsValidity: DBSValidity? = nil,
        readingInBatchesOf batchSize: Int = MatchRun.batchSize
    ) throws {
        let criteria = try MatchCriteria(weights: weights)
        let needs = try store.needs()
        let known = Set(needs.map(\.id))
        for id in needIDs where !known.contains(id) { throw MatchError.unknownNeed(id) }
        let confirmed = try store.placements().filter { $0.status == .confirmed && known.contains($0.need) }
            .map { (need: $0.need, volunteer: $0.volunteer) }
        // Everyone who may be contacted, a batch at a time, kept only in the matcher's compact
        // form: their full records are loaded afterwards for the people the report names.
        // The store reads the next batch while the last is taken in.
        let builder = MatchIndex.PipelinedBuilder(MatchIndex.Builder(confirmed: confirmed))
        var lapsed: [(volunteer: VolunteerID, level: DBSLevel, issued: CalendarDate)] = []
        do {
            try store.volunteersForMatching(inBatchesOf: batchSize) { batch in
                var ended: Set<VolunteerID> = []
                for volunteer in batch {
                    guard let check = volunteer.dbs, let issued = Self.lapsed(check, validity: dbsValidity) else {
                        continue
                    }
                    ended.insert(volunteer.id)
                    lapsed.append((volunteer.id, check.level, issued))
                }
                builder.add(batch, lapsed: ended)
            }
        } catch {
            _ = builder.completed()  // nothing is left being taken in behind the error
            throw error
        }
        var index = MatchIndex(builder.completed(), needs: needs, taxonomy: store.taxonomy)
        let wanted = Set(needIDs)
        func chosen(_ need: Need) -> Bool {
            need.closed == nil && (wanted.isEmpty || wanted.contains(need.id))
                && (partner.map { $0.matchingKey == need.partner.matchingKey } ?? true)
        }
        // A need flagged as a duplicate of one held is the same request: matching both would
        // place twice the people it asked for.
        func isDuplicate(_ need: Need) -> Bool { need.duplicateOf.map(known.contains) ?? false }
        let positions = index.needRecords.indices.filter {
            chosen(index.needRecords[$0]) && !isDuplicate(index.needRecords[$0])
        }
        duplicates = needs.filter { chosen($0) && isDuplicate($0) }
        self.criteria = criteria
        let matcher = Matcher(criteria: criteria, options: options)
        let solved = matcher.solved(index, needPositions: positions)
        // The people the report may name: everyone assigned or listed, and the under-used
        // talent it lists for either audience.
        var named = solved.named.map(Int.init)
        let proposed = Set(solved.assigned.map { index.volunteers[Int($0.volunteer)].id })
        for partnersOnly in [false, true] {
            named += index.underUsed(excluding: proposed, partnersOnly: partnersOnly).prefix(MatchReport.talentLimit)
        }
        var records = try store.volunteers(ids: Set(named).map { index.volunteers[$0].id }.sorted())
        for position in records.indices {
            if let check = records[position].dbs, Self.lapsed(check, validity: dbsValidity) != nil {
                records[position].dbs = nil
            }
        }
        index.hold(records)
        self.index = index
        var result = matcher.result(of: solved, in: index)
        let levels = Dictionary(needs.map { ($0.id, $0.minimumDBS ?? .none) }, uniquingKeysWith: { first, _ in first })
        for position in result.unfilled.indices {
            let level = levels[result.unfilled[position].need] ?? .none
            let renewing = lapsed.filter { level > .none && $0.level >= level }
            guard !renewing.isEmpty, let validFor = dbsValidity?.validFor else { continue }
            let named = renewing.prefix(5).map {
                "volunteer \($0.volunteer): \(DBSValidity.renewalText(issued: $0.issued))"
            }
            result.unfilled[position].reasons.append(
                "\(renewing.count) volunteer\(renewing.count == 1 ? " holds" : "s hold") "
                    + "\(level == .enhanced ? "an" : "a") \(level) "
                    + "DBS check older than "
                    + "\(validFor.words), which does not count (" + named.joined(separator: "; ")
                    + (renewing.count > 5 ? "; and \(renewing.count - 5) more" : "") + ")")
        }
        self.result = result
    }

    /// How many volunteers are read from the store at a time: large enough that a batch's
    /// statements cost little beside its rows, small enough that its full records are a small
    /// part of the run's memory.
    public static let batchSize = 20_000

    /// When a DBS check older than `validity` allows was issued: such a check meets no
    /// requirement, and the report does not show it as held. `nil` when it still counts.
    private static func lapsed(_ check: DBSCheck, validity: DBSValidity?) -> CalendarDate? {
        guard let validity, case .expired(let issued, _) = validity.status(of: check) else { return nil }
        return issued
    }

    /// The report of this run for an audience.
    public func report(alternates: Int, audience: MatchReport.Audience) -> MatchReport {
        MatchReport(
            result: result, index: index, criteria: criteria, alternates: alternates, audience: audience,
            duplicates: duplicates)
    }
}
