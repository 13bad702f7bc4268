/// What the directory holds for the volunteer records of one chunk of an import, asked set-wise
/// before the chunk is applied: the listings of each source in one question, then the email keys
/// and the phone keys of the records no listing names in one question each. The identity policy
/// (listing, then email, then phone) stays in ``ImportApplier``: this only answers its look-ups.
///
/// The chunk's own writes keep the answers true: a person created is held under their listing
/// and, when no one held them before, their keys; an update forgets the keys it may have moved
/// (those answered with that person, and those the record gives); an erasure forgets everything. A question not asked here gets `nil` from the look-ups, and
/// the applier asks the writer itself, one record at a time, as it did before chunks.
struct ChunkIdentities {
    /// The answers about one source's listings.
    private struct Listings {
        var asked: Set<String> = []
        var held: [String: HeldListing] = [:]
        /// The ids asked whether a newer roster ended them, and those it did.
        var endedAsked: Set<String> = []
        var ended: Set<String> = []
    }

    private var sources: [String: Listings] = [:]
    private var emailsAsked: Set<String> = []
    private var emails: [String: VolunteerID] = [:]
    private var phonesAsked: Set<String> = []
    private var phones: [String: VolunteerID] = [:]

    /// Knows nothing: every look-up goes to the writer.
    init() {}

    /// Asks `writer` about every volunteer of a chunk at once. `rosters` says whether the records
    /// are roster rows, whose listings a newer roster may have ended.
    init(_ volunteers: [PreparedVolunteer], rosters: Bool, writer: any DirectoryWriter) throws {
        var listingIDs: [String: [String]] = [:]
        for volunteer in volunteers { listingIDs[volunteer.record.source, default: []].append(volunteer.listingID) }
        for (source, ids) in listingIDs {
            var listings = Listings(asked: Set(ids))
            listings.held = try writer.listings(ids, listedBy: source)
            if rosters {
                let absent = ids.filter { listings.held[$0] == nil }
                listings.endedAsked = Set(absent)
                if !absent.isEmpty { listings.ended = try writer.endedByNewerRoster(absent, listedBy: source) }
            }
            sources[source] = listings
        }
        // Only records no listing names look anyone up by email or phone.
        var emailKeys: [String] = []
        var phoneKeys: [String] = []
        for volunteer in volunteers where sources[volunteer.record.source]?.held[volunteer.listingID] == nil {
            if let email = volunteer.keys.email, emailsAsked.insert(email).inserted { emailKeys.append(email) }
            if let phone = volunteer.keys.phone, phonesAsked.insert(phone).inserted { phoneKeys.append(phone) }
        }
        if !emailKeys.isEmpty { emails = try writer.volunteers(emailKeys: emailKeys) }
        if !phoneKeys.isEmpty { phones = try writer.volunteers(phoneKeys: phoneKeys) }
    }

    // MARK: - Look-ups (`nil`: not asked; `.some(nil)`: asked, and no one)

    /// What `source` holds under `listingID`, when asked.
    func listing(_ listingID: String, of source: String) -> HeldListing?? {
        guard let listings = sources[source], listings.asked.contains(listingID) else { return nil }
        return .some(listings.held[listingID])
    }

    /// Whether a newer roster ended the listing, when asked.
    func endedByNewerRoster(_ listingID: String, of source: String) -> Bool? {
        guard let listings = sources[source], listings.endedAsked.contains(listingID) else { return nil }
        return listings.ended.contains(listingID)
    }

    /// Who holds the email key, when asked.
    func volunteer(emailKey: String) -> VolunteerID?? {
        emailsAsked.contains(emailKey) ? .some(emails[emailKey]) : nil
    }

    /// Who holds the phone key, when asked.
    func volunteer(phoneKey: String) -> VolunteerID?? {
        phonesAsked.contains(phoneKey) ? .some(phones[phoneKey]) : nil
    }

    // MARK: - The chunk's own writes

    /// A listing was saved for `volunteer`: created (`created`) or updated with `keys`.
    mutating func saved(
        _ listingID: String, of source: String, volunteer: VolunteerID, fingerprint: String, keys: VolunteerKeys,
        created: Bool
    ) {
        sources[source, default: Listings()].asked.insert(listingID)
        sources[source, default: Listings()].held[listingID] = HeldListing(
            volunteer: volunteer, fingerprint: fingerprint)
        if created {
            // A new person holds their keys unless someone (first by id) held them already.
            if let email = keys.email, emailsAsked.contains(email) {
                emails[email] = min(emails[email] ?? volunteer, volunteer)
            }
            if let phone = keys.phone, phonesAsked.contains(phone) {
                phones[phone] = min(phones[phone] ?? volunteer, volunteer)
            }
        } else {
            // An update may move this person's keys: the keys answered with them, and the keys
            // the record gives them, are asked again. Other people's answers still stand, so one
            // update does not send the rest of the chunk back to the writer a record at a time.
            if let email = keys.email { Self.forget(email, andKeysOf: volunteer, asked: &emailsAsked, held: &emails) }
            if let phone = keys.phone { Self.forget(phone, andKeysOf: volunteer, asked: &phonesAsked, held: &phones) }
        }
    }

    /// A listing was ended: the source holds nothing under it now.
    mutating func ended(_ listingID: String, of source: String) {
        sources[source, default: Listings()].asked.insert(listingID)
        sources[source, default: Listings()].held[listingID] = nil
    }

    /// Someone was erased: every answer may name them, so none is kept.
    mutating func forgetAll() {
        sources = [:]
        (emailsAsked, emails) = ([], [:])
        (phonesAsked, phones) = ([], [:])
    }

    /// Forgets the answer for `key` and every answer naming `volunteer`.
    private static func forget(
        _ key: String, andKeysOf volunteer: VolunteerID, asked: inout Set<String>, held: inout [String: VolunteerID]
    ) {
        var stale = held.filter { $0.value == volunteer }.map(\.key)
        stale.append(key)
        for key in stale {
            asked.remove(key)
            held[key] = nil
        }
    }
}
