import Foundation
import VolunteerDirectory

/// Everything an ``InMemoryDirectoryStore`` holds, as plain values: a transaction works on a copy
/// and the store keeps the copy only when the transaction succeeds. The tables mirror the SQLite
/// store's, so that the two can be compared rule by rule.
struct MemoryState: Sendable {
    /// A listing: what one source says under one listing id.
    struct ListingKey: Hashable, Sendable {
        var source: String
        var listingID: String
    }

    /// What a source last said of a person under one listing id.
    struct Listing: Sendable {
        var volunteer: VolunteerID
        var fingerprint: String
        var consent: Consent
        var dbs: DBSCheck?
        /// The batch that last listed it, and that batch's file date in microseconds.
        var listedBatch: Int64?
        var listedAsOf: Int64?
        var nameKey: String
        var emailKey: String?
        var phoneKey: String?
    }

    /// A skill as one source wrote it.
    struct StoredSkill: Sendable {
        var written: String
        var key: String
        var level: SkillLevel?
        var qualifiedIn: String?
    }

    /// A language as one source wrote it, with its written matching key.
    struct StoredLanguage: Sendable {
        var spoken: SpokenLanguage
        var writtenKey: String
    }

    /// What one source gave of a person's skills, languages and availability.
    struct Details: Sendable {
        var skills: [StoredSkill] = []
        var languages: [StoredLanguage] = []
        var availability: Set<Slot> = []
    }

    /// A person's merged profile and, by source number, what each source gave.
    struct StoredVolunteer: Sendable {
        var id: VolunteerID
        var name: String
        var nameKey: String
        var email: String?
        var emailKey: String?
        var phone: String?
        var phoneKey: String?
        var postcode: String?
        var district: String?
        var area: String?
        var areaKey: String?
        var ageBand: AgeBand?
        var notes: String?
        /// Merged from the listings by ``MemoryState/refreshMergedFields(of:)``.
        var consent = Consent()
        var dbsLevel: DBSLevel = .none
        var dbsIssued: CalendarDate?
        var details: [Int64: Details] = [:]
    }

    /// A network with what its last full description said.
    struct StoredNetwork: Sendable {
        var id: NetworkID
        var name: String
        var externalID: String?
        var kind: String?
        var areas: [String] = []
        var contact: ContactDetails?
        var updated: CalendarDate?
        var fingerprint: String?
    }

    /// A membership's role and date.
    struct StoredMembership: Sendable, Equatable {
        var role: String?
        var since: CalendarDate?
    }

    /// A recorded import under its number.
    struct StoredBatch: Sendable {
        var id: Int64
        var batch: ImportBatch
    }

    /// A need with where it came from and its fingerprint.
    struct StoredNeed: Sendable {
        var need: Need
        var fingerprint: String
        var source: String?
    }

    /// A listing a roster ended, and the file date of that roster.
    struct EndedListing: Sendable {
        var volunteer: VolunteerID
        var endedAsOf: Int64
    }

    /// A suppression and the keyed hashes it holds.
    struct StoredSuppression: Sendable {
        var suppression: Suppression
        var hashes: [String]
    }

    var volunteers: [VolunteerID: StoredVolunteer] = [:]
    var listings: [ListingKey: Listing] = [:]
    var endedListings: [ListingKey: EndedListing] = [:]
    /// Sources by name, numbered in the order they first listed someone: details are read in that order.
    var sources: [String: Int64] = [:]
    var networks: [NetworkID: StoredNetwork] = [:]
    var memberships: [VolunteerID: [NetworkID: StoredMembership]] = [:]
    var batches: [StoredBatch] = []
    var needs: [String: StoredNeed] = [:]
    /// Needs merged away, with the need kept in their place.
    var needMerges: [String: String] = [:]
    var placements: [Int64: Placement] = [:]
    /// Erasures, numbered in order: the volunteer's id and when.
    var erasures: [(volunteer: VolunteerID, at: Date)] = []
    var suppressions: [Int64: StoredSuppression] = [:]
    /// Suppressed keyed hashes, with the suppression that holds each.
    var suppressedHashes: [String: Int64] = [:]
    let suppressionSecret: Data
    var accounts: [String: Account] = [:]
    var sessions: [String: WebSession] = [:]
    var signInFailures: [(key: String, at: Date)] = []

    init(suppressionSecret: Data) {
        self.suppressionSecret = suppressionSecret
    }

    // MARK: - Numbering

    /// The next number after the highest in use, as SQLite numbers a row (an erased person's id
    /// may be given again).
    static func next<Key: BinaryInteger>(after keys: some Sequence<Key>) -> Key {
        (keys.max() ?? 0) + 1
    }

    // MARK: - Derived

    /// The listings of one volunteer.
    func listings(of volunteer: VolunteerID) -> [(key: ListingKey, listing: Listing)] {
        listings.filter { $0.value.volunteer == volunteer }.map { ($0.key, $0.value) }
    }

    /// Consent as the sources agree it (a no from any source wins; the narrowest sharing wins) and
    /// the highest DBS check any source reported.
    mutating func refreshMergedFields(of id: VolunteerID) {
        guard volunteers[id] != nil else { return }
        let held = listings(of: id).map(\.listing)
        let contacts = held.compactMap(\.consent.contact)
        let contact: Bool? = contacts.contains(false) ? false : contacts.contains(true) ? true : nil
        let share = held.compactMap(\.consent.share).min()
        let recorded = held.compactMap(\.consent.recorded).max { $0.description < $1.description }
        let checks = held.compactMap(\.dbs)
        let level = checks.map(\.level).max() ?? .none
        let issued =
            checks.max { a, b in
                (a.level, a.issued?.description ?? "") < (b.level, b.issued?.description ?? "")
            }?.issued
        volunteers[id]?.consent = Consent(contact: contact, share: share, recorded: recorded)
        volunteers[id]?.dbsLevel = level
        volunteers[id]?.dbsIssued = issued
    }

    /// Removes a person and everything that belongs to them (SQLite's cascades).
    mutating func remove(volunteer id: VolunteerID) {
        volunteers[id] = nil
        let theirs = listings(of: id)
        for (key, _) in theirs { listings[key] = nil }
        endedListings = endedListings.filter { $0.value.volunteer != id }
        memberships[id] = nil
        placements = placements.filter { $0.value.volunteer != id }
        // A source that listed nobody else goes too.
        for source in Set(theirs.map(\.key.source)) where !listings.keys.contains(where: { $0.source == source }) {
            sources[source] = nil
        }
    }
}
