import VolunteerDirectory

/// What an import says of the people it creates or changes, held until the writer next speaks to
/// the server and then sent with a few `COPY`s and set-wise statements: no record costs a round
/// trip of its own.
///
/// - A new person's row, listing, skills, languages, availability and full-text row say only
///   what their one record says, so they are known whole when the record is saved and go straight
///   to their tables; the merged fields (consent, DBS) of one listing are that listing's own.
/// - A person held already is changed set-wise, in ``Round``s: their profile and listing go to
///   staging tables that one statement merges into the directory, and their details from this
///   source replace those it gave before. A round meets each person once; a person changed again
///   goes to the next round, and rounds are sent in order, so every person's records apply in the
///   order they came.
/// - The skill keys the taxonomy maps are written with `INSERT … ON CONFLICT DO NOTHING`, since
///   another import may map a key first.
struct StagedPeople {
    /// A listing, by its source's number and its id there.
    struct ListingKey: Hashable {
        var source: Int64
        var id: String
    }

    /// The changes of people held already that one merge applies: each person once at most.
    struct Round {
        /// Profiles as the records give them (NULL where they say nothing).
        private(set) var volunteers = CopyRows(
            table: StagedPeople.stagedVolunteerTable, columns: ["id"] + StagedPeople.profileColumns)
        /// Listings as they are to stand, unless a newer roster stamped them.
        private(set) var listings = CopyRows(
            table: StagedPeople.stagedListingTable, columns: StagedPeople.listingColumns)
        /// The details the records give, which replace those their sources gave before.
        private(set) var details = StagedDetails()
        /// The people this round changes.
        private(set) var people: Set<VolunteerID> = []

        /// The staging tables' rows.
        var staged: [CopyRows] { [volunteers, listings] }

        fileprivate mutating func change(
            _ id: VolunteerID, record: VolunteerRecord, keys: VolunteerKeys, listing: (source: Int64, id: String),
            fingerprint: String, batch: (batch: Int64, asOf: Int64)
        ) {
            people.insert(id)
            volunteers.field(id)
            StagedPeople.profile(of: record, keys: keys, into: &volunteers)
            volunteers.endRow()
            StagedPeople.listing(
                of: id, record: record, keys: keys, listing: listing, fingerprint: fingerprint, batch: batch,
                into: &listings)
            details.add(of: id, record: record, keys: keys, source: listing.source)
        }
    }

    private(set) var volunteers = CopyRows(
        table: "volunteer",
        columns: ["id"] + Self.profileColumns + [
            "consent_contact", "consent_share", "consent_recorded", "dbs_level", "dbs_issued", "last_seen",
        ])
    private(set) var listings = CopyRows(table: "listing", columns: Self.listingColumns)
    private(set) var details = StagedDetails()
    private(set) var text = CopyRows(table: "volunteer_text", columns: ["volunteer_id", "name", "skills", "notes"])
    /// The changes of people held already, in the order they are to be applied.
    private(set) var rounds: [Round] = []
    /// Everyone held here, created or changed, and the listings held (by source and listing id).
    private(set) var people: Set<VolunteerID> = []
    private(set) var listingKeys: Set<ListingKey> = []
    /// Skill keys to map: each key's concepts and kinds (one empty row when the taxonomy knows
    /// none), in the order first seen.
    private(set) var mappings: (keys: [String], concepts: [String], kinds: [String]) = ([], [], [])

    /// The staging tables, made for the transaction by ``stagingTables`` and dropped at its end.
    static let stagedVolunteerTable = "voldir_staged_volunteer"
    static let stagedListingTable = "voldir_staged_listing"

    /// The profile columns a record gives, `name` to `notes` in table order.
    static let profileColumns = [
        "name", "name_key", "email", "email_key", "phone", "phone_key", "postcode", "postcode_district", "area",
        "area_key", "age_band", "notes",
    ]

    /// A listing's columns, in the order its rows give them.
    static let listingColumns = [
        "source_id", "listing_id", "fingerprint", "consent_contact", "consent_share", "consent_recorded", "dbs_level",
        "dbs_issued", "volunteer_id", "listed_batch", "listed_as_of", "name_key", "email_key", "phone_key",
        "first_batch", "dbs_update_service",
    ]

    /// The statements making the staging tables for one transaction.
    static let stagingTables: [String] = [
        "CREATE TEMPORARY TABLE \(stagedVolunteerTable) (id BIGINT PRIMARY KEY, "
            + profileColumns.map { "\($0) TEXT" }.joined(separator: ", ") + ") ON COMMIT DROP",
        "CREATE TEMPORARY TABLE \(stagedListingTable) (LIKE listing) ON COMMIT DROP",
    ]

    /// The new people's rows, in the order they must be sent: a person before what refers to them.
    var created: [CopyRows] { [volunteers, listings] + details.tables + [text] }

    /// Whether what is held may change what the directory says of this listing or its person.
    func mayChange(listing: ListingKey, person: VolunteerID?) -> Bool {
        listingKeys.contains(listing) || person.map(people.contains) ?? false
    }

    /// How many new people are held.
    var createdCount: Int { volunteers.count }

    var isEmpty: Bool { volunteers.isEmpty && rounds.isEmpty && mappings.keys.isEmpty }

    /// Holds everything `record` says of the new person `id`, listed by `source` under
    /// `listingID` in `batch`, seen at `seenAt` (a `timestamptz` field).
    mutating func add(
        _ id: VolunteerID, record: VolunteerRecord, keys: VolunteerKeys, listing: (source: Int64, id: String),
        fingerprint: String, batch: (batch: Int64, asOf: Int64), seenAt: String
    ) {
        people.insert(id)
        listingKeys.insert(ListingKey(source: listing.source, id: listing.id))
        volunteers.field(id)
        Self.profile(of: record, keys: keys, into: &volunteers)
        volunteers.field(flag: record.consent.contact)
        volunteers.field(record.consent.share.map { Int64($0.rawValue) })
        volunteers.field(record.consent.recorded?.description)
        volunteers.field(Int64(record.dbs?.level.rawValue ?? 0))
        volunteers.field(record.dbs?.issued?.description)
        volunteers.field(seenAt)
        volunteers.endRow()
        Self.listing(
            of: id, record: record, keys: keys, listing: listing, fingerprint: fingerprint, batch: batch,
            into: &listings)
        details.add(of: id, record: record, keys: keys, source: listing.source)
        // As PostgresFullText writes a row: one source, so the skills in the record's order.
        text.field(id)
        text.field(PostgresFullText.indexed(record.name))
        text.field(PostgresFullText.indexedSkills(record.skills.map(\.written)))
        text.field(PostgresFullText.indexed(record.notes))
        text.endRow()
    }

    /// Holds what `record` says of `id`, a person held already (or created here): in the last
    /// round, or a new one when the last changes them already.
    mutating func change(
        _ id: VolunteerID, record: VolunteerRecord, keys: VolunteerKeys, listing: (source: Int64, id: String),
        fingerprint: String, batch: (batch: Int64, asOf: Int64)
    ) {
        people.insert(id)
        listingKeys.insert(ListingKey(source: listing.source, id: listing.id))
        if rounds.last?.people.contains(id) ?? true { rounds.append(Round()) }
        rounds[rounds.count - 1].change(
            id, record: record, keys: keys, listing: listing, fingerprint: fingerprint, batch: batch)
    }

    /// Holds what `taxonomy` makes of `key`, to be mapped unless the directory maps it already.
    mutating func map(_ key: String, by taxonomy: SkillTaxonomy) {
        let understood = taxonomy.understand(key)
        for (concept, kind) in understood.isEmpty ? [("", "")] : understood.map({ ($0.concept, $0.kind.rawValue) }) {
            mappings.keys.append(key)
            mappings.concepts.append(concept)
            mappings.kinds.append(kind)
        }
    }

    /// Forgets everything held, keeping the memory of the new people's rows for the next.
    mutating func removeAll() {
        volunteers.removeAll()
        listings.removeAll()
        details.removeAll()
        text.removeAll()
        rounds.removeAll()
        people.removeAll()
        listingKeys.removeAll()
        mappings = ([], [], [])
    }

    /// The profile fields a record gives, in ``profileColumns``' order.
    fileprivate static func profile(of record: VolunteerRecord, keys: VolunteerKeys, into rows: inout CopyRows) {
        for value in [
            record.name, keys.name, record.email, keys.email, record.phone, keys.phone, keys.postcode, keys.district,
            record.area, keys.area, record.ageBand?.rawValue, record.notes,
        ] {
            rows.field(value)
        }
    }

    /// A listing row, stamped with `batch`, in ``listingColumns``' order.
    fileprivate static func listing(
        of id: VolunteerID, record: VolunteerRecord, keys: VolunteerKeys, listing: (source: Int64, id: String),
        fingerprint: String, batch: (batch: Int64, asOf: Int64), into rows: inout CopyRows
    ) {
        rows.field(listing.source)
        rows.field(listing.id)
        rows.field(fingerprint)
        rows.field(flag: record.consent.contact)
        rows.field(record.consent.share.map { Int64($0.rawValue) })
        rows.field(record.consent.recorded?.description)
        rows.field(record.dbs.map { Int64($0.level.rawValue) })
        rows.field(record.dbs?.issued?.description)
        rows.field(id)
        rows.field(batch.batch)
        rows.field(batch.asOf)
        rows.field(keys.name)
        rows.field(keys.email)
        rows.field(keys.phone)
        rows.field(batch.batch)
        rows.field(flag: record.dbs?.updateService)
        rows.endRow()
    }
}
