import Foundation
import PostgresNIO
import VolunteerDirectory

/// Volunteers and their listings: the look-ups an import makes of a chunk of records, saving
/// what a source says of a person, and ending what it no longer says.
extension PostgresWriter {
    // MARK: - Look-ups

    func volunteer(listedBy source: String, externalID: String) throws -> VolunteerID? {
        guard let source = try knownSourceID(source) else { return nil }
        return try first(
            VolunteerID.self,
            "SELECT volunteer_id FROM listing WHERE source_id = \(source) AND listing_id = \(externalID)")
    }

    func volunteer(emailKey: String) throws -> VolunteerID? {
        // MIN, not ORDER BY id LIMIT 1: a planner without fresh statistics walks the whole table
        // in id order for the latter (seen mid-import), where the key's index answers the former.
        try first(VolunteerID?.self, "SELECT MIN(id) FROM volunteer WHERE email_key = \(emailKey)") ?? nil
    }

    func volunteer(phoneKey: String) throws -> VolunteerID? {
        try first(VolunteerID?.self, "SELECT MIN(id) FROM volunteer WHERE phone_key = \(phoneKey)") ?? nil
    }

    func listings(_ listingIDs: [String], listedBy source: String) throws -> [String: HeldListing] {
        guard let source = try knownSourceID(source), !listingIDs.isEmpty else { return [:] }
        var held: [String: HeldListing] = [:]
        for row in try run(
            """
            SELECT listing_id, volunteer_id, fingerprint FROM listing
            WHERE source_id = \(source) AND listing_id = ANY(\(Self.distinct(listingIDs)))
            """)
        {
            let (listingID, volunteer, fingerprint) = try row.decode((String, VolunteerID, String).self)
            held[listingID] = HeldListing(volunteer: volunteer, fingerprint: fingerprint)
        }
        try loadMemberships(of: held.values.map(\.volunteer))
        return held
    }

    /// Holds the memberships of `people` (the volunteers a chunk's listings name) in place of
    /// those held before, so that the chunk's records ask nothing about memberships: re-importing
    /// an unchanged roster then costs no statement per row.
    private func loadMemberships(of people: [VolunteerID]) throws {
        // What is held changes with what is waiting to be written: written first.
        try writePendingMemberships()
        var known: [VolunteerID: [NetworkID: HeldMembership]] = [:]
        for person in people { known[person] = [:] }
        if !people.isEmpty {
            for row in try run(
                "SELECT volunteer_id, network_id, role, since FROM membership WHERE volunteer_id = ANY(\(Array(known.keys)))"
            ) {
                let (volunteer, network, role, since) = try row.decode((VolunteerID, NetworkID, String?, String?).self)
                known[volunteer]?[network] = HeldMembership(role: role, since: since)
            }
        }
        knownMemberships = known
    }

    func volunteers(emailKeys: [String]) throws -> [String: VolunteerID] {
        try volunteers(keys: emailKeys, column: "email_key")
    }

    func volunteers(phoneKeys: [String]) throws -> [String: VolunteerID] {
        try volunteers(keys: phoneKeys, column: "phone_key")
    }

    /// The first volunteer by id holding each of `keys` in `column`, in one statement.
    private func volunteers(keys: [String], column: String) throws -> [String: VolunteerID] {
        guard !keys.isEmpty else { return [:] }
        var held: [String: VolunteerID] = [:]
        for row in try run(
            """
            SELECT \(unescaped: column), MIN(id) FROM volunteer WHERE \(unescaped: column) = ANY(\(Self.distinct(keys)))
            GROUP BY \(unescaped: column)
            """)
        {
            let (key, id) = try row.decode((String, VolunteerID).self)
            held[key] = id
        }
        return held
    }

    func endedByNewerRoster(_ listingIDs: [String], listedBy source: String) throws -> Set<String> {
        guard let source = try knownSourceID(source), !listingIDs.isEmpty else { return [] }
        let asOf = try currentBatch().asOf
        return Set(
            try run(
                """
                SELECT listing_id FROM ended_listing
                WHERE source_id = \(source) AND ended_as_of > \(asOf) AND listing_id = ANY(\(Self.distinct(listingIDs)))
                """
            ).map { try $0.decode(String.self) })
    }

    /// `values` without repeats, in order.
    static func distinct(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    func fingerprint(ofListing listingID: String, listedBy source: String) throws -> String? {
        guard let source = try knownSourceID(source) else { return nil }
        return try first(
            String.self, "SELECT fingerprint FROM listing WHERE source_id = \(source) AND listing_id = \(listingID)")
    }

    func identity(ofListing listingID: String, listedBy source: String) throws -> ListedIdentity? {
        guard let source = try knownSourceID(source),
            let row = try run(
                """
                SELECT l.volunteer_id, v.name, l.name_key, l.email_key, l.phone_key, v.name_key, v.email_key, v.phone_key
                FROM listing l JOIN volunteer v ON v.id = l.volunteer_id
                WHERE l.source_id = \(source) AND l.listing_id = \(listingID)
                """
            ).first
        else { return nil }
        let (volunteer, name, nameKey, emailKey, phoneKey, ownNameKey, ownEmailKey, ownPhoneKey) = try row.decode(
            (VolunteerID, String, String?, String?, String?, String, String?, String?).self)
        // A listing that did not keep its keys: the person's own stand in for them.
        guard let nameKey else {
            return ListedIdentity(
                volunteer: volunteer, name: name, nameKey: ownNameKey, emailKey: ownEmailKey, phoneKey: ownPhoneKey)
        }
        return ListedIdentity(
            volunteer: volunteer, name: name, nameKey: nameKey, emailKey: emailKey, phoneKey: phoneKey)
    }

    // MARK: - Saving

    func saveListing(
        _ record: VolunteerRecord, keys: VolunteerKeys, listingID: String, fingerprint: String,
        volunteer existing: VolunteerID?
    ) throws -> VolunteerID {
        let source = try sourceID(record.source)
        let batch = try currentBatch()
        guard let existing else {
            // A new person has one listing, so the merged fields are this record's own: their
            // rows are known whole now, and sent with the other new people's.
            let id = try nextID(in: "volunteer")
            newPeople.add(
                id, record: record, keys: keys, listing: (source, listingID), fingerprint: fingerprint, batch: batch,
                seenAt: seenAtField)
            for key in record.skills.map(\.key) where mappedKeys.insert(key).inserted {
                newPeople.map(key, by: taxonomy)
            }
            knownMemberships[id] = [:]
            return id
        }
        // The latest source's values win; what it leaves out, earlier sources keep.
        var statement = PostgresStatement()
        let person = statement.bind(existing, as: "bigint")
        let sourceParameter = statement.bind(source, as: "bigint")
        let consent = Self.consentAndDBS(of: record, in: &statement)
        let text = Self.profile(of: record, keys: keys, in: &statement)
        var parts = [
            """
            UPDATE volunteer SET name = \(text[0]), name_key = \(text[1]), email = COALESCE(\(text[2]), email),
              email_key = COALESCE(\(text[3]), email_key), phone = COALESCE(\(text[4]), phone),
              phone_key = COALESCE(\(text[5]), phone_key), postcode = COALESCE(\(text[6]), postcode),
              postcode_district = COALESCE(\(text[7]), postcode_district), area = COALESCE(\(text[8]), area),
              area_key = COALESCE(\(text[9]), area_key), age_band = COALESCE(\(text[10]), age_band),
              notes = COALESCE(\(text[11]), notes), last_seen = \(statement.bind(seenAt, as: "timestamptz"))
            WHERE id = \(person)
            """,
            // The listing keeps the newest roster that listed it: an older file's stamp does not replace it.
            Self.listingInsert(
                person: person, source: source, listingID: listingID, fingerprint: fingerprint, record: record,
                keys: keys, batch: batch, consent: consent, in: &statement) + "\n" + Self.listingUpdate,
        ]
        parts += Self.detailTables.map {
            "DELETE FROM \($0) WHERE volunteer_id = \(person) AND source_id = \(sourceParameter)"
        }
        try run(statement.query(parts))
        // The new details, then the fields merged from every listing (the one just saved among them).
        var details = PostgresStatement()
        let again = details.bind(existing, as: "bigint")
        let detailParts = detailInserts(of: again, source: source, record: record, keys: keys, in: &details)
        try run(details.query(detailParts + [Self.mergedFieldsUpdate(of: again)]))
        textPending.insert(existing)
        return existing
    }

    /// What saving a listing held already changes of it: everything but its first batch, and its
    /// stamp only when this roster is not older than the one that stamped it.
    private static let listingUpdate = """
        ON CONFLICT (source_id, listing_id) DO UPDATE SET
          dbs_update_service = excluded.dbs_update_service,
          fingerprint = excluded.fingerprint, consent_contact = excluded.consent_contact,
          consent_share = excluded.consent_share, consent_recorded = excluded.consent_recorded,
          dbs_level = excluded.dbs_level, dbs_issued = excluded.dbs_issued, volunteer_id = excluded.volunteer_id,
          name_key = excluded.name_key, email_key = excluded.email_key, phone_key = excluded.phone_key,
          listed_batch = CASE WHEN listing.listed_as_of > excluded.listed_as_of THEN listing.listed_batch
                              ELSE excluded.listed_batch END,
          listed_as_of = GREATEST(COALESCE(listing.listed_as_of, excluded.listed_as_of), excluded.listed_as_of)
        """

    /// The tables holding what one source says of a person, besides its listing.
    static let detailTables = ["volunteer_skill", "volunteer_language", "volunteer_availability"]

    /// The placeholders of the profile columns a record gives, `name` to `notes` in table order.
    private static func profile(of record: VolunteerRecord, keys: VolunteerKeys, in statement: inout PostgresStatement)
        -> [String]
    {
        [
            record.name, keys.name, record.email, keys.email, record.phone, keys.phone, keys.postcode, keys.district,
            record.area, keys.area, record.ageBand?.rawValue, record.notes,
        ].map { statement.bind($0, as: "text") }
    }

    /// The placeholders of what a listing says of consent and DBS.
    private static func consentAndDBS(of record: VolunteerRecord, in statement: inout PostgresStatement) -> (
        contact: String, share: String, recorded: String, dbsIssued: String
    ) {
        (
            statement.bind(flag: record.consent.contact),
            statement.bind(record.consent.share.map { Int64($0.rawValue) }, as: "bigint"),
            statement.bind(record.consent.recorded?.description, as: "text"),
            statement.bind(record.dbs?.issued?.description, as: "text")
        )
    }

    /// The insert of one listing, stamped with this import's batch.
    private static func listingInsert(
        person: String, source: Int64, listingID: String, fingerprint: String, record: VolunteerRecord,
        keys: VolunteerKeys, batch: (batch: Int64, asOf: Int64),
        consent: (contact: String, share: String, recorded: String, dbsIssued: String),
        in statement: inout PostgresStatement
    ) -> String {
        let batchParameter = statement.bind(batch.batch, as: "bigint")
        return """
            INSERT INTO listing (source_id, listing_id, fingerprint, consent_contact, consent_share, consent_recorded,
              dbs_level, dbs_issued, volunteer_id, listed_batch, listed_as_of, name_key, email_key, phone_key, first_batch,
              dbs_update_service)
            VALUES (\(statement.bind(source, as: "bigint")), \(statement.bind(listingID, as: "text")),
              \(statement.bind(fingerprint, as: "text")), \(consent.contact), \(consent.share), \(consent.recorded),
              \(statement.bind(record.dbs.map { Int64($0.level.rawValue) }, as: "bigint")), \(consent.dbsIssued), \(person),
              \(batchParameter), \(statement.bind(batch.asOf, as: "bigint")), \(statement.bind(keys.name, as: "text")),
              \(statement.bind(keys.email, as: "text")), \(statement.bind(keys.phone, as: "text")), \(batchParameter),
              \(statement.bind(flag: record.dbs?.updateService)))
            """
    }

    /// The inserts of what one source says of a person (skills, languages, availability) and of
    /// the taxonomy's mappings of skill keys not mapped yet: each a part of `statement`.
    private func detailInserts(
        of person: String, source: Int64, record: VolunteerRecord, keys: VolunteerKeys,
        in statement: inout PostgresStatement
    ) -> [String] {
        let source = statement.bind(source, as: "bigint")
        var parts: [String] = []
        if !record.skills.isEmpty {
            let rows = record.skills.enumerated().map { position, skill in
                "(\(person), \(source), \(statement.bind(Int64(position), as: "bigint")), "
                    + "\(statement.bind(skill.written, as: "text")), \(statement.bind(skill.key, as: "text")), "
                    + "\(statement.bind(skill.level.map { Int64($0.rawValue) }, as: "bigint")), "
                    + "\(statement.bind(skill.qualifiedIn, as: "text")))"
            }
            parts.append(
                "INSERT INTO volunteer_skill (volunteer_id, source_id, position, written, key, level, qualified_in) VALUES "
                    + rows.joined(separator: ", "))
        }
        if let mappings = mappingInsert(of: record.skills.map(\.key), in: &statement) { parts.append(mappings) }
        if !record.languages.isEmpty {
            let rows = zip(record.languages, keys.languages).enumerated().map { position, language in
                let (spoken, writtenKey) = language
                return "(\(person), \(source), \(statement.bind(Int64(position), as: "bigint")), "
                    + "\(statement.bind(spoken.language.written, as: "text")), \(statement.bind(writtenKey, as: "text")), "
                    + "\(statement.bind(spoken.language.code, as: "text")), "
                    + "\(statement.bind(spoken.language.script, as: "text")), "
                    + "\(statement.bind(spoken.proficiency.map { Int64($0.rawValue) }, as: "bigint")), "
                    + "\(statement.bind(flag: spoken.interprets)))"
            }
            parts.append(
                """
                INSERT INTO volunteer_language
                  (volunteer_id, source_id, position, written, written_key, code, script, proficiency, interprets)
                VALUES
                """ + " " + rows.joined(separator: ", "))
        }
        if !record.availability.isEmpty {
            parts.append(
                "INSERT INTO volunteer_availability (volunteer_id, source_id, slots) VALUES (\(person), \(source), "
                    + "\(statement.bind(StoredSlots.bits(of: record.availability), as: "bigint")))")
        }
        return parts
    }

    /// The insert of what the taxonomy makes of each of `keys` not mapped in this transaction
    /// yet: one row per concept, or one empty row when none; a key the directory has mapped
    /// already is left as it is. `nil` when there is nothing to map.
    private func mappingInsert(of keys: [String], in statement: inout PostgresStatement) -> String? {
        var rows: [String] = []
        for key in keys where mappedKeys.insert(key).inserted {
            let mappings = taxonomy.understand(key)
            let bound = statement.bind(key, as: "text")
            for (concept, kind) in mappings.isEmpty ? [("", "")] : mappings.map({ ($0.concept, $0.kind.rawValue) }) {
                rows.append("(\(bound), \(statement.bind(concept, as: "text")), \(statement.bind(kind, as: "text")))")
            }
        }
        guard !rows.isEmpty else { return nil }
        return """
            INSERT INTO skill_mapping (key, concept, kind)
            SELECT m.key, m.concept, m.kind FROM (VALUES \(rows.joined(separator: ", "))) AS m(key, concept, kind)
            WHERE NOT EXISTS (SELECT 1 FROM skill_mapping held WHERE held.key = m.key)
            ON CONFLICT DO NOTHING
            """
    }

    /// Consent as the sources agree it (no from any source wins; the narrowest sharing wins) and
    /// the highest DBS check any source reported, for the volunteer whose id `person` binds.
    static func mergedFieldsUpdate(of person: String) -> String {
        """
        UPDATE volunteer SET
          consent_contact = (SELECT CASE WHEN bool_or(consent_contact = 0) THEN 0
                                         WHEN bool_or(consent_contact = 1) THEN 1 END
                             FROM listing WHERE volunteer_id = \(person)),
          consent_share = (SELECT MIN(consent_share) FROM listing WHERE volunteer_id = \(person)),
          consent_recorded = (SELECT MAX(consent_recorded COLLATE "C") FROM listing WHERE volunteer_id = \(person)),
          dbs_level = COALESCE((SELECT MAX(dbs_level) FROM listing WHERE volunteer_id = \(person)), 0),
          dbs_issued = (SELECT dbs_issued FROM listing WHERE volunteer_id = \(person) AND dbs_level IS NOT NULL
                        ORDER BY dbs_level DESC, dbs_issued COLLATE "C" DESC NULLS LAST LIMIT 1)
        WHERE id = \(person)
        """
    }

    // MARK: - Listed again, and ended

    func confirmListing(_ listingID: String, listedBy source: String) throws {
        guard let source = try knownSourceID(source) else { return }
        // Stamped in bulk later: a statement per unchanged person would make re-importing an
        // unchanged roster a round trip per row.
        confirmed[source, default: []].append(listingID)
    }

    /// Stamps the listings confirmed since the last call with this batch, a statement per source;
    /// a listing a newer roster listed keeps that roster's stamp.
    func stampConfirmed() throws {
        guard !confirmed.isEmpty else { return }
        let batch = try currentBatch()
        for (source, listingIDs) in confirmed.sorted(by: { $0.key < $1.key }) {
            try run(
                """
                WITH stamped AS (
                  UPDATE listing SET listed_batch = \(batch.batch), listed_as_of = \(batch.asOf)
                  WHERE source_id = \(source) AND listing_id = ANY(\(listingIDs))
                    AND (listed_as_of IS NULL OR listed_as_of <= \(batch.asOf)))
                UPDATE volunteer SET last_seen = \(seenAt)
                WHERE id IN (SELECT volunteer_id FROM listing WHERE source_id = \(source) AND listing_id = ANY(\(listingIDs)))
                """)
        }
        confirmed.removeAll()
    }

    func unconfirmedListings(of source: String) throws -> [(listingID: String, volunteer: VolunteerID)] {
        try stampConfirmed()
        guard let source = try knownSourceID(source) else { return [] }
        let batch = try currentBatch()
        return try run(
            """
            SELECT listing_id, volunteer_id FROM listing
            WHERE source_id = \(source) AND listed_batch IS DISTINCT FROM \(batch.batch)
              AND (listed_as_of IS NULL OR listed_as_of <= \(batch.asOf))
            ORDER BY listing_id COLLATE "C"
            """
        ).map { row -> (listingID: String, volunteer: VolunteerID) in
            let (listingID, volunteer) = try row.decode((String, VolunteerID).self)
            return (listingID, volunteer)
        }
    }

    func newerListings(of source: String) throws -> Int {
        try stampConfirmed()
        guard let source = try knownSourceID(source) else { return 0 }
        let batch = try currentBatch()
        return try first(
            Int.self, "SELECT COUNT(*) FROM listing WHERE source_id = \(source) AND listed_as_of > \(batch.asOf)") ?? 0
    }

    func wasEndedByNewerRoster(_ listingID: String, listedBy source: String) throws -> Bool {
        guard let source = try knownSourceID(source) else { return false }
        let batch = try currentBatch()
        return try first(
            Int32.self,
            """
            SELECT 1 FROM ended_listing WHERE source_id = \(source) AND listing_id = \(listingID)
              AND ended_as_of > \(batch.asOf)
            """) != nil
    }

    func endListing(_ listingID: String, listedBy source: String, networks: [NetworkID]) throws -> ListingEnd {
        guard let source = try knownSourceID(source) else { return .stillListed }
        let asOf = try currentBatch().asOf
        // Memberships waiting to be written may be among those this ends.
        try writePendingMemberships()
        // The listing goes and its end is remembered; what is left of the person's listings is
        // counted without it (the statement's parts see the table as it was before it).
        let ended = try run(
            """
            WITH gone AS (
              DELETE FROM listing WHERE source_id = \(source) AND listing_id = \(listingID) RETURNING volunteer_id),
            remembered AS (
              INSERT INTO ended_listing (source_id, listing_id, volunteer_id, ended_as_of)
              SELECT \(source), \(listingID), volunteer_id, \(asOf) FROM gone
              ON CONFLICT (source_id, listing_id) DO UPDATE SET
                volunteer_id = excluded.volunteer_id, ended_as_of = excluded.ended_as_of)
            SELECT gone.volunteer_id,
              (SELECT COUNT(*) FROM listing l WHERE l.volunteer_id = gone.volunteer_id
                 AND NOT (l.source_id = \(source) AND l.listing_id = \(listingID))),
              (SELECT COUNT(*) FROM listing l WHERE l.volunteer_id = gone.volunteer_id AND l.source_id = \(source)
                 AND l.listing_id <> \(listingID))
            FROM gone
            """
        ).first
        guard let ended else { return .stillListed }
        let (volunteer, remaining, fromThisSource) = try ended.decode((VolunteerID, Int, Int).self)
        if fromThisSource > 0 { return .stillListed }
        // What this source said of them goes with its listing; what other sources say stays.
        var statement = PostgresStatement()
        let person = statement.bind(volunteer, as: "bigint")
        let sourceParameter = statement.bind(source, as: "bigint")
        var parts = Self.detailTables.map {
            "DELETE FROM \($0) WHERE volunteer_id = \(person) AND source_id = \(sourceParameter)"
        }
        if !networks.isEmpty {
            parts.append(
                "DELETE FROM membership WHERE volunteer_id = \(person) AND network_id = ANY(\(statement.bind(networks, as: "bigint[]")))"
            )
        }
        // The merged fields read only the listings, which the statement before this one changed,
        // so they may share a statement with the deletes.
        parts.append(Self.mergedFieldsUpdate(of: person))
        try run(statement.query(parts))
        for network in networks { knownMemberships[volunteer]?[network] = nil }
        textPending.insert(volunteer)
        return remaining == 0 ? .leftEverySource : .leftSource
    }

    func addMembership(volunteer: VolunteerID, network: NetworkID, role: String?, since: CalendarDate?) throws -> Bool {
        if let known = knownMemberships[volunteer] {
            // All of this person's memberships are known: what changes is known without asking,
            // and a change is written with the others by ``writePendingMemberships()``.
            let held = known[network]
            let wanted = HeldMembership(role: role ?? held?.role, since: since?.description ?? held?.since)
            guard held != wanted else { return false }
            knownMemberships[volunteer]?[network] = wanted
            pendingMemberships[MembershipKey(volunteer: volunteer, network: network)] = wanted
            return true
        }
        return try run(
            """
            INSERT INTO membership (volunteer_id, network_id, role, since)
            VALUES (\(volunteer), \(network), \(role), \(since?.description))
            ON CONFLICT (volunteer_id, network_id) DO UPDATE SET
              role = COALESCE(excluded.role, membership.role), since = COALESCE(excluded.since, membership.since)
            WHERE COALESCE(excluded.role, membership.role) IS DISTINCT FROM membership.role
              OR COALESCE(excluded.since, membership.since) IS DISTINCT FROM membership.since
            RETURNING 1
            """
        ).first != nil
    }

    /// Writes the memberships ``addMembership(volunteer:network:role:since:)`` left for later, as
    /// they are to stand, a few thousand a statement.
    func writePendingMemberships() throws {
        guard !pendingMemberships.isEmpty else { return }
        let pending = pendingMemberships.sorted {
            ($0.key.volunteer, $0.key.network) < ($1.key.volunteer, $1.key.network)
        }
        pendingMemberships.removeAll()
        for start in stride(from: 0, to: pending.count, by: Self.membershipsPerStatement) {
            var statement = PostgresStatement()
            let rows = pending[start..<min(start + Self.membershipsPerStatement, pending.count)].map { key, held in
                "(\(statement.bind(key.volunteer, as: "bigint")), \(statement.bind(key.network, as: "bigint")), "
                    + "\(statement.bind(held.role, as: "text")), \(statement.bind(held.since, as: "text")))"
            }
            let insert = """
                INSERT INTO membership (volunteer_id, network_id, role, since) VALUES \(rows.joined(separator: ", "))
                ON CONFLICT (volunteer_id, network_id) DO UPDATE SET role = excluded.role, since = excluded.since
                """
            try run(statement.query([insert]))
        }
    }

    /// How many memberships one statement writes (four values each, within the server's 65,535).
    static let membershipsPerStatement = 5_000

    // MARK: - Erasure and suppression

    func erase(volunteer id: VolunteerID) throws {
        // Written first, so that none is written after the person has gone.
        try writePendingMemberships()
        let held = try run(
            """
            SELECT ARRAY(SELECT DISTINCT key FROM volunteer_skill WHERE volunteer_id = \(id)),
              ARRAY(SELECT DISTINCT source_id FROM listing WHERE volunteer_id = \(id))
            """
        ).first
        let (keys, sources) = try held?.decode(([String], [Int64]).self) ?? ([], [])
        // Listings, memberships, skills, languages, slots and the full-text row go by ON DELETE
        // CASCADE. Numbered, so that a restore re-applies the erasures made after its backup.
        try run(
            """
            WITH gone AS (DELETE FROM volunteer WHERE id = \(id))
            INSERT INTO erasure (volunteer_id, at) VALUES (\(id), \(seenAt))
            """)
        textPending.remove(id)
        knownMemberships[id] = nil
        // An id given again, as SQLite gives the highest one again once it is gone.
        nextIDs["volunteer"] = nil
        // A skill written by this person alone is their data too: its mapping goes with them. So
        // is a source that listed nobody else (a file named after the person, say).
        let removedSources = try run(
            """
            WITH mappings AS (
              DELETE FROM skill_mapping m WHERE m.key = ANY(\(keys))
                AND NOT EXISTS (SELECT 1 FROM volunteer_skill s WHERE s.key = m.key))
            DELETE FROM source WHERE id = ANY(\(sources))
              AND NOT EXISTS (SELECT 1 FROM listing l WHERE l.source_id = source.id)
            RETURNING id
            """
        ).map { try $0.decode(Int64.self) }
        mappedKeys.subtract(keys)
        sourceIDs = sourceIDs.filter { !removedSources.contains($0.value) }
    }

    /// Whether the record's email or phone key was suppressed by `voldir forget`.
    func isSuppressed(_ keys: VolunteerKeys) throws -> Bool {
        guard keys.email != nil || keys.phone != nil else { return false }
        if suppressionKeys == nil {
            let any = try first(Bool.self, "SELECT EXISTS (SELECT 1 FROM suppression_key)") ?? false
            suppressionKeys = .some(any ? try Self.suppressionKeys(on: connection, at: location) : nil)
        }
        guard case .some(.some(let hasher)) = suppressionKeys else { return false }
        let hashes = [keys.email.map(hasher.email), keys.phone.map(hasher.phone)].compactMap { $0 }
        return try first(Bool.self, "SELECT EXISTS (SELECT 1 FROM suppression_key WHERE hash = ANY(\(hashes)))")
            ?? false
    }

    /// The directory's suppression hasher, from the secret made with its tables.
    static func suppressionKeys(on connection: PostgresConnection, at location: PostgresLocation) throws
        -> SuppressionKeys
    {
        guard
            let text = try connection.run("SELECT value FROM directory_setting WHERE name = 'suppression-secret'")
                .first?.decode(String.self),
            let secret = Data(base64Encoded: text)
        else {
            throw PostgresStoreError.refused(location, reason: "the directory's suppression secret is missing")
        }
        return SuppressionKeys(secret: secret)
    }
}
