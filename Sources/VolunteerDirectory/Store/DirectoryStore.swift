import Foundation

/// Where the directory is kept. The core speaks only to this interface; the embedded SQLite store
/// implements it today, a shared PostgreSQL deployment can implement it later.
public protocol DirectoryStore: Sendable {
    /// The skills taxonomy the directory maps and searches skills with.
    var taxonomy: SkillTaxonomy { get }

    /// Runs `body` in one transaction: everything it writes lands together, or, when it throws,
    /// nothing does.
    func write<T>(_ body: (any DirectoryWriter) throws -> T) throws -> T

    /// Runs `body` in a transaction that is always rolled back: what an import would change,
    /// without changing anything (`--dry-run`).
    func rehearse<T>(_ body: (any DirectoryWriter) throws -> T) throws -> T

    /// Volunteers who satisfy every filter of the query, best first.
    func search(_ query: VolunteerQuery) throws -> [VolunteerMatch]

    /// One volunteer, with everything held about them.
    func volunteer(id: VolunteerID) throws -> Volunteer?

    /// Every network, by name.
    func networks() throws -> [Network]

    /// Every need, by id.
    func needs() throws -> [Need]

    /// The recorded imports, oldest first.
    func batches() throws -> [ImportBatch]

    /// The import of a file with this SHA-256, if one was recorded.
    func batch(sha256: String) throws -> ImportBatch?

    /// These volunteers with everything held about them, in the order given; ids not held are
    /// left out. What a report loads for the people it names.
    func volunteers(ids: [VolunteerID]) throws -> [Volunteer]

    /// Everyone who agreed to be contacted, as matching reads them (``Volunteer/forMatching``:
    /// no contact details, notes or memberships), handed to `body` a batch at a time in ascending
    /// id order, all read from one snapshot of the directory. Matching keeps only its compact form
    /// of each batch, so a large directory is never held whole (see ``volunteersForMatching()``
    /// for everyone at once).
    func volunteersForMatching(inBatchesOf size: Int, _ body: ([Volunteer]) throws -> Void) throws

    /// Every placement, proposed, confirmed or declined, newest first.
    func placements() throws -> [Placement]

    /// Records proposals from a matching run, replacing earlier proposals that were not decided.
    func propose(_ proposals: [(need: String, volunteer: VolunteerID, score: Double)]) throws -> [Placement]

    /// Confirms or declines a placement.
    func decide(placement id: Int64, as status: Placement.Status) throws -> Placement?

    /// Keeps need `keep` and removes `other`, a duplicate of it: `other`'s placements move to
    /// `keep` (a volunteer placed on both keeps the more decided one), and an import that brings
    /// `other` again updates nothing. Throws ``NeedMergeError`` when either is not held.
    func mergeNeeds(keep: String, other: String) throws -> NeedMerge

    /// Written skills the taxonomy does not understand, with how many volunteers wrote each, most
    /// first: what a coordinator adds to their taxonomy file next.
    func unmappedSkills(limit: Int) throws -> [UnmappedSkill]

    /// How many volunteers hold each taxonomy skill (as exact or synonym), by key.
    func skillHolders() throws -> [String: Int]

    /// The languages held in the directory, with how many volunteers speak each at each
    /// proficiency: the language-coverage view.
    func languageCoverage() throws -> [LanguageCoverage]

    /// Makes erasures final: removes deleted text from the full-text index segments and the
    /// write-ahead log, so no trace of an erased person stays in the files. Runs after a commit,
    /// so a failure here leaves the import committed.
    func compact() throws
}

extension DirectoryStore {
    /// Everyone who agreed to be contacted, as matching reads them, in id order, at once: for
    /// tests and small directories; matching reads them in batches.
    public func volunteersForMatching() throws -> [Volunteer] {
        var everyone: [Volunteer] = []
        try volunteersForMatching(inBatchesOf: 10_000) { everyone += $0 }
        return everyone
    }
}

/// The writes an import makes, all inside one transaction opened by ``DirectoryStore/write(_:)``.
///
/// Implementations are not shared across threads: the transaction owns them.
public protocol DirectoryWriter: AnyObject {
    // MARK: Batches

    /// Told before a file's records: the file's date (its modification time), which orders
    /// rosters of the same source however late each is imported.
    func beginBatch(fileDate: Date) throws

    /// Told before a file's records, with a cautious count of the records it holds: the file's
    /// date as ``beginBatch(fileDate:)``, and the size a store may prepare for. How it prepares
    /// (setting indexes aside, staging) is the store's own business, finished by
    /// ``record(_:)`` inside the same transaction. By default, ``beginBatch(fileDate:)``.
    func beginBatch(fileDate: Date, expectedRecords: Int) throws

    /// The import of a file with this SHA-256, if one was recorded.
    func batch(sha256: String) throws -> ImportBatch?
    /// The highest sequence imported from a sequenced source.
    func lastSequence(of source: String) throws -> Int?
    /// Records a finished import. The import's last call inside its transaction: a store
    /// finishes here whatever maintenance the import needs (indexes it set aside, the planner's
    /// statistics after a large change), so that nothing after the commit can fail and make a
    /// committed import look as if it wrote nothing.
    func record(_ batch: ImportBatch) throws

    // MARK: Networks

    /// The network a source knows by this id.
    func network(externalID: String) throws -> NetworkID?
    /// The network with this name (compared by ``Swift/String/matchingKey``).
    func network(named name: String) throws -> NetworkID?
    /// Creates a network from a name alone (a roster's `--network` or network column).
    func createNetwork(named name: String) throws -> NetworkID
    /// The fingerprint saved with the network's last full description.
    func fingerprint(ofNetwork id: NetworkID) throws -> String?
    /// Saves a network's full description over the one held, or creates it when `id` is `nil`.
    func saveNetwork(_ record: NetworkRecord, id: NetworkID?, fingerprint: String) throws -> NetworkID

    // MARK: Volunteers

    /// The volunteer a source lists under this id.
    func volunteer(listedBy source: String, externalID: String) throws -> VolunteerID?
    /// What `source` holds under each of these listing ids (those it holds nothing under are
    /// left out): the listing look-ups of a whole chunk of records in one question. By default,
    /// ``volunteer(listedBy:externalID:)`` and ``fingerprint(ofListing:listedBy:)`` per id.
    func listings(_ listingIDs: [String], listedBy source: String) throws -> [String: HeldListing]
    /// The volunteer holding each of these email keys (the first by id when several do; keys
    /// no one holds are left out). By default, ``volunteer(emailKey:)`` per key.
    func volunteers(emailKeys: [String]) throws -> [String: VolunteerID]
    /// The volunteer holding each of these phone keys (the first by id when several do; keys
    /// no one holds are left out). By default, ``volunteer(phoneKey:)`` per key.
    func volunteers(phoneKeys: [String]) throws -> [String: VolunteerID]
    /// Which of these listing ids a roster dated after this import's file ended (see
    /// ``wasEndedByNewerRoster(_:listedBy:)``). By default, that per id.
    func endedByNewerRoster(_ listingIDs: [String], listedBy source: String) throws -> Set<String>
    /// The volunteer with this email key (see ``ContactKeys/emailKey(_:)``).
    func volunteer(emailKey: String) throws -> VolunteerID?
    /// The volunteer with this phone key (see ``ContactKeys/phoneKey(_:)``).
    func volunteer(phoneKey: String) throws -> VolunteerID?
    /// The fingerprint of what `source` last said under this listing id, if it said anything.
    /// Per listing, not per person: a source that lists someone twice sends both rows each time,
    /// and each row is unchanged against itself, not against the other.
    func fingerprint(ofListing listingID: String, listedBy source: String) throws -> String?
    /// Saves what one source says of a person: creates the volunteer when `id` is `nil`, else
    /// replaces that source's skills, languages, availability and consent for them and merges the
    /// profile. Keeps the full-text index in step. `keys` are the record's normalised forms.
    func saveListing(
        _ record: VolunteerRecord, keys: VolunteerKeys, listingID: String, fingerprint: String,
        volunteer id: VolunteerID?
    )
        throws -> VolunteerID
    /// Records that this import lists a listing again unchanged, so that it does not end. A
    /// listing remembers the newest roster that listed it: an older one does not take that back.
    func confirmListing(_ listingID: String, listedBy source: String) throws
    /// Who `source` last named under this listing id, if it named anyone.
    func identity(ofListing listingID: String, listedBy source: String) throws -> ListedIdentity?
    /// The listings of `source` that this import did not list and that no roster dated after this
    /// one listed: the people the source no longer lists.
    func unconfirmedListings(of source: String) throws -> [(listingID: String, volunteer: VolunteerID)]
    /// How many listings of `source` a roster dated after this one listed: not ended by this import.
    func newerListings(of source: String) throws -> Int
    /// Whether a roster dated after this import's file ended this listing: then an older copy
    /// that still lists the person does not add them back.
    func wasEndedByNewerRoster(_ listingID: String, listedBy source: String) throws -> Bool
    /// Ends one listing: removes it and, when the source lists the person under no other id, the
    /// skills, languages and availability it gave and their membership of `networks`.
    func endListing(_ listingID: String, listedBy source: String, networks: [NetworkID]) throws -> ListingEnd
    /// Adds (or updates the role and date of) a membership; returns whether anything changed.
    func addMembership(volunteer: VolunteerID, network: NetworkID, role: String?, since: CalendarDate?) throws -> Bool
    /// Erases everything held about a person: their row, listings, memberships, skills,
    /// languages, availability and full-text entries. Each erasure is numbered (the id only), so
    /// that a restore from an older backup re-applies it.
    func erase(volunteer: VolunteerID) throws
    /// Whether the record's email or phone key belongs to someone forgotten (``ErasureStore``):
    /// then nothing of the record is written.
    func isSuppressed(_ keys: VolunteerKeys) throws -> Bool

    // MARK: Needs

    /// The fingerprint saved with the need.
    func fingerprint(ofNeed id: String) throws -> String?
    /// Saves a need over the one held with the same id, or creates it; its ``Need/duplicateOf``
    /// is kept with it. `source` is where it came from (a feed, a file).
    func saveNeed(_ need: Need, source: String, fingerprint: String) throws
    /// The needs held with this partner and title (compared as matching keys), with their sources.
    func needs(partner: String, title: String) throws -> [(need: Need, source: String?)]
    /// The need an earlier `needs merge` kept in place of `id`, if `id` was merged away.
    func mergedNeed(_ id: String) throws -> String?
}

extension DirectoryWriter {
    public func beginBatch(fileDate: Date, expectedRecords: Int) throws {
        try beginBatch(fileDate: fileDate)
    }

    public func listings(_ listingIDs: [String], listedBy source: String) throws -> [String: HeldListing] {
        var held: [String: HeldListing] = [:]
        for listingID in listingIDs where held[listingID] == nil {
            guard let volunteer = try volunteer(listedBy: source, externalID: listingID) else { continue }
            held[listingID] = HeldListing(
                volunteer: volunteer, fingerprint: try fingerprint(ofListing: listingID, listedBy: source))
        }
        return held
    }

    public func volunteers(emailKeys: [String]) throws -> [String: VolunteerID] {
        var held: [String: VolunteerID] = [:]
        for key in emailKeys where held[key] == nil {
            if let volunteer = try volunteer(emailKey: key) { held[key] = volunteer }
        }
        return held
    }

    public func volunteers(phoneKeys: [String]) throws -> [String: VolunteerID] {
        var held: [String: VolunteerID] = [:]
        for key in phoneKeys where held[key] == nil {
            if let volunteer = try volunteer(phoneKey: key) { held[key] = volunteer }
        }
        return held
    }

    public func endedByNewerRoster(_ listingIDs: [String], listedBy source: String) throws -> Set<String> {
        var ended: Set<String> = []
        for listingID in Set(listingIDs) where try wasEndedByNewerRoster(listingID, listedBy: source) {
            ended.insert(listingID)
        }
        return ended
    }
}

/// What ending a listing did to the person.
public enum ListingEnd: Sendable, Hashable {
    /// The source still lists them under another id: nothing else changed.
    case stillListed
    /// They left the source (and its network), and another source still lists them.
    case leftSource
    /// They left the source, and no source lists them any more.
    case leftEverySource
}

/// A written skill the taxonomy does not understand.
public struct UnmappedSkill: Sendable, Hashable, Codable {
    /// One way it was written.
    public var written: String
    /// Its matching key.
    public var key: String
    /// How many volunteers wrote it.
    public var volunteers: Int

    /// One row of ``DirectoryStore/unmappedSkills(limit:)``: `key` is what its spellings share, `written` one of them.
    public init(written: String, key: String, volunteers: Int) {
        self.written = written
        self.key = key
        self.volunteers = volunteers
    }
}

/// How many volunteers speak one language, by proficiency.
public struct LanguageCoverage: Sendable, Hashable {
    /// The ISO 639-3 code, or `nil` for a language the catalogue did not understand.
    public var code: String?
    /// The language as written, when it was not understood (one spelling of it).
    public var written: String
    /// Volunteers by proficiency (`nil`: not stated), each counted once at their best.
    public var byProficiency: [Proficiency?: Int]
    /// Volunteers who interpret it.
    public var interpreters: Int

    /// Everyone who speaks it.
    public var total: Int { byProficiency.values.reduce(0, +) }

    /// One row of ``DirectoryStore/languageCoverage()``; count each volunteer once, at their best proficiency.
    public init(code: String?, written: String, byProficiency: [Proficiency?: Int], interpreters: Int) {
        self.code = code
        self.written = written
        self.byProficiency = byProficiency
        self.interpreters = interpreters
    }
}
