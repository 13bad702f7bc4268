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
        try withMemberships(
            first(VolunteerID?.self, "SELECT MIN(id) FROM volunteer WHERE email_key = \(emailKey)") ?? nil)
    }

    func volunteer(phoneKey: String) throws -> VolunteerID? {
        try withMemberships(
            first(VolunteerID?.self, "SELECT MIN(id) FROM volunteer WHERE phone_key = \(phoneKey)") ?? nil)
    }

    /// `person`, their memberships loaded, so that adding one to them costs no statement.
    private func withMemberships(_ person: VolunteerID?) throws -> VolunteerID? {
        if let person { try loadMemberships(of: [person]) }
        return person
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

    /// Holds the memberships of `people` (the volunteers a chunk's listings, emails or phones
    /// name) beside those held already, so that the chunk's records ask nothing about
    /// memberships: re-importing an unchanged roster then costs no statement per row, and neither
    /// does someone a roster lists again under another network.
    private func loadMemberships(of people: [VolunteerID]) throws {
        var unknown = people.filter { knownMemberships[$0] == nil }
        guard !unknown.isEmpty else { return }
        if knownMemberships.count + unknown.count > membershipsBound {
            try forgetKnownMemberships()
            unknown = Array(Set(people))
        }
        for person in unknown { knownMemberships[person] = [:] }
        for row in try run(
            "SELECT volunteer_id, network_id, role, since FROM membership WHERE volunteer_id = ANY(\(unknown))"
        ) {
            let (volunteer, network, role, since) = try row.decode((VolunteerID, NetworkID, String?, String?).self)
            knownMemberships[volunteer]?[network] = HeldMembership(role: role, since: since)
        }
    }

    /// Lets go of the memberships held, once those waiting are written (what is held changes
    /// with them). Someone not held is asked about when next named, so memory stays flat however
    /// many people an import names or creates.
    private func forgetKnownMemberships() throws {
        try writePendingMemberships()
        knownMemberships = [:]
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
        try loadMemberships(of: Array(Set(held.values)))
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
        guard let source = try knownSourceID(source) else { return nil }
        // Asked for each changed row of a roster: read without sending what is staged first
        // (which would make every such row a round of its own), and read again once it is sent
        // when what is staged holds this listing or the person it names.
        let listing = StagedPeople.ListingKey(source: source, id: listingID)
        let identity = try heldIdentity(of: listing)
        guard staged.mayChange(listing: listing, person: identity?.volunteer) else { return identity }
        try sendStaged()
        return try heldIdentity(of: listing)
    }

    /// What the directory holds of a listing's person, as far as it has been sent.
    private func heldIdentity(of listing: StagedPeople.ListingKey) throws -> ListedIdentity? {
        guard
            let row = try connection.run(
                """
                SELECT l.volunteer_id, v.name, l.name_key, l.email_key, l.phone_key, v.name_key, v.email_key, v.phone_key
                FROM listing l JOIN volunteer v ON v.id = l.volunteer_id
                WHERE l.source_id = \(listing.source) AND l.listing_id = \(listing.id)
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
            staged.add(
                id, record: record, keys: keys, listing: (source, listingID), fingerprint: fingerprint, batch: batch,
                seenAt: seenAtField)
            stageMappings(of: record)
            // Held like those a chunk's look-ups load, and within the same bound: a first import
            // of a million people had held every one's, and every membership until the end (419
            // MB at its peak).
            if knownMemberships.count >= membershipsBound { try forgetKnownMemberships() }
            knownMemberships[id] = [:]
            return id
        }
        // Staged to be merged set-wise with the others (see ``sendStaged()``).
        staged.change(
            existing, record: record, keys: keys, listing: (source, listingID), fingerprint: fingerprint, batch: batch)
        stageMappings(of: record)
        textPending.insert(existing)
        return existing
    }

    /// Stages what the taxonomy makes of the record's skill keys not mapped in this transaction yet.
    private func stageMappings(of record: VolunteerRecord) {
        for key in record.skills.map(\.key) where mappedKeys.insert(key).inserted {
            staged.map(key, by: taxonomy)
        }
    }

    /// What saving a listing held already changes of it: everything but its first batch, and its
    /// stamp only when this roster is not older than the one that stamped it.
    static let listingUpdate = """
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

    /// Consent as the sources agree it (no from any source wins; the narrowest sharing wins) and
    /// the highest DBS check any source reported, for the volunteers whose id is `condition`
    /// (`= $1`, `IN (SELECT …)`).
    static func mergedFieldsUpdate(ofVolunteers condition: String) -> String {
        """
        UPDATE volunteer SET
          consent_contact = (SELECT CASE WHEN bool_or(consent_contact = 0) THEN 0
                                         WHEN bool_or(consent_contact = 1) THEN 1 END
                             FROM listing WHERE volunteer_id = volunteer.id),
          consent_share = (SELECT MIN(consent_share) FROM listing WHERE volunteer_id = volunteer.id),
          consent_recorded = (SELECT MAX(consent_recorded COLLATE "C") FROM listing WHERE volunteer_id = volunteer.id),
          dbs_level = COALESCE((SELECT MAX(dbs_level) FROM listing WHERE volunteer_id = volunteer.id), 0),
          dbs_issued = (SELECT dbs_issued FROM listing WHERE volunteer_id = volunteer.id AND dbs_level IS NOT NULL
                        ORDER BY dbs_level DESC, dbs_issued COLLATE "C" DESC NULLS LAST LIMIT 1)
        WHERE id \(condition)
        """
    }

    // MARK: - Listed again, and ended

    func confirmListing(_ listingID: String, listedBy source: String) throws {
        guard let source = try knownSourceID(source) else { return }
        // Stamped in bulk later: a statement per unchanged person would make re-importing an
        // unchanged roster a round trip per row.
        confirmed[source, default: []].append(listingID)
        // A few statements per ten thousand, so that re-importing a million unchanged rows does
        // not hold a million ids.
        if confirmed[source, default: []].count >= Self.confirmedPerStatement { try stampConfirmed() }
    }

    /// How many confirmed listings are held before they are stamped.
    static let confirmedPerStatement = 10_000

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
        parts.append(Self.mergedFieldsUpdate(ofVolunteers: "= \(person)"))
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
