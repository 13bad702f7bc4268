import Foundation
import VolunteerDirectory

/// The writes of one transaction of an ``InMemoryDirectoryStore``, on its own copy of the state:
/// the store keeps the copy when the transaction's body returns, and drops it when it throws.
final class MemoryWriter: DirectoryWriter {
    /// The transaction's copy of the directory.
    private(set) var state: MemoryState
    private let taxonomy: SkillTaxonomy
    /// This import's batch: the number it will be recorded under, and its file's date in
    /// microseconds since 1970, which every listing it lists is stamped with.
    private var current: (batch: Int64, asOf: Int64)?
    /// This transaction's moment: erasures are dated by it.
    private let now = Date()

    init(state: MemoryState, taxonomy: SkillTaxonomy) {
        self.state = state
        self.taxonomy = taxonomy
    }

    // MARK: - Batches

    func beginBatch(fileDate: Date) throws {
        let next = MemoryState.next(after: state.batches.map(\.id))
        current = (next, Int64((fileDate.timeIntervalSince1970 * 1_000_000).rounded()))
    }

    /// This import's batch, made from the present moment when ``beginBatch(fileDate:)`` was not called.
    private func currentBatch() -> (batch: Int64, asOf: Int64) {
        if let current { return current }
        let next = MemoryState.next(after: state.batches.map(\.id))
        let made = (next, Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()))
        current = made
        return made
    }

    func batch(sha256: String) throws -> ImportBatch? {
        state.batches.first { $0.batch.sha256 == sha256 }?.batch
    }

    func lastSequence(of source: String) throws -> Int? {
        state.batches.filter { $0.batch.source == source }.compactMap(\.batch.sequence).max()
    }

    func record(_ batch: ImportBatch) throws {
        var stored = batch
        // Kept as the SQLite store keeps it: suppressed records are reported, not recorded.
        stored.counts.suppressed = 0
        let id = current?.batch ?? MemoryState.next(after: state.batches.map(\.id))
        state.batches.append(MemoryState.StoredBatch(id: id, batch: stored))
    }

    // MARK: - Networks

    func network(externalID: String) throws -> NetworkID? {
        state.networks.values.first { $0.externalID == externalID }?.id
    }

    func network(named name: String) throws -> NetworkID? {
        let key = name.matchingKey
        return state.networks.values.first { $0.name.matchingKey == key }?.id
    }

    func createNetwork(named name: String) throws -> NetworkID {
        let id = MemoryState.next(after: state.networks.keys)
        state.networks[id] = MemoryState.StoredNetwork(id: id, name: name)
        return id
    }

    func fingerprint(ofNetwork id: NetworkID) throws -> String? {
        state.networks[id]?.fingerprint
    }

    func saveNetwork(_ record: NetworkRecord, id: NetworkID?, fingerprint: String) throws -> NetworkID {
        let id = id ?? MemoryState.next(after: state.networks.keys)
        let held = state.networks[id]
        state.networks[id] = MemoryState.StoredNetwork(
            id: id, name: record.name, externalID: record.externalID ?? held?.externalID, kind: record.kind,
            areas: record.areas, contact: record.contact, updated: record.updated, fingerprint: fingerprint)
        return id
    }

    // MARK: - Volunteers

    func volunteer(listedBy source: String, externalID: String) throws -> VolunteerID? {
        state.listings[.init(source: source, listingID: externalID)]?.volunteer
    }

    func volunteer(emailKey: String) throws -> VolunteerID? {
        state.volunteers.values.filter { $0.emailKey == emailKey }.map(\.id).min()
    }

    func volunteer(phoneKey: String) throws -> VolunteerID? {
        state.volunteers.values.filter { $0.phoneKey == phoneKey }.map(\.id).min()
    }

    func fingerprint(ofListing listingID: String, listedBy source: String) throws -> String? {
        state.listings[.init(source: source, listingID: listingID)]?.fingerprint
    }

    func saveListing(
        _ record: VolunteerRecord, keys: VolunteerKeys, listingID: String, fingerprint: String,
        volunteer existing: VolunteerID?
    ) throws -> VolunteerID {
        let source = sourceNumber(record.source)
        let batch = currentBatch()
        let id: VolunteerID
        if let existing, var person = state.volunteers[existing] {
            // The latest source's values win; what it leaves out, earlier sources keep.
            person.name = record.name
            person.nameKey = keys.name
            person.email = record.email ?? person.email
            person.emailKey = keys.email ?? person.emailKey
            person.phone = record.phone ?? person.phone
            person.phoneKey = keys.phone ?? person.phoneKey
            person.postcode = keys.postcode ?? person.postcode
            person.district = keys.district ?? person.district
            person.area = record.area ?? person.area
            person.areaKey = keys.area ?? person.areaKey
            person.ageBand = record.ageBand ?? person.ageBand
            person.notes = record.notes ?? person.notes
            state.volunteers[existing] = person
            id = existing
        } else {
            id = MemoryState.next(after: state.volunteers.keys)
            state.volunteers[id] = MemoryState.StoredVolunteer(
                id: id, name: record.name, nameKey: keys.name, email: record.email, emailKey: keys.email,
                phone: record.phone, phoneKey: keys.phone, postcode: keys.postcode, district: keys.district,
                area: record.area, areaKey: keys.area, ageBand: record.ageBand, notes: record.notes)
        }
        let key = MemoryState.ListingKey(source: record.source, listingID: listingID)
        let held = state.listings[key]
        // The listing keeps the newest roster that listed it: an older file's stamp does not replace it.
        let keepsStamp = (held?.listedAsOf).map { $0 > batch.asOf } ?? false
        state.listings[key] = MemoryState.Listing(
            volunteer: id, fingerprint: fingerprint, consent: record.consent, dbs: record.dbs,
            listedBatch: keepsStamp ? held?.listedBatch : batch.batch,
            listedAsOf: max(held?.listedAsOf ?? batch.asOf, batch.asOf),
            nameKey: keys.name, emailKey: keys.email, phoneKey: keys.phone)
        var details = MemoryState.Details()
        details.skills = record.skills.map {
            MemoryState.StoredSkill(written: $0.written, key: $0.key, level: $0.level, qualifiedIn: $0.qualifiedIn)
        }
        details.languages = zip(record.languages, keys.languages).map {
            MemoryState.StoredLanguage(spoken: $0, writtenKey: $1)
        }
        details.availability = Set(record.availability)
        state.volunteers[id]?.details[source] = details
        state.refreshMergedFields(of: id)
        return id
    }

    func confirmListing(_ listingID: String, listedBy source: String) throws {
        let key = MemoryState.ListingKey(source: source, listingID: listingID)
        guard let held = state.listings[key] else { return }
        let batch = currentBatch()
        if held.listedAsOf.map({ $0 <= batch.asOf }) ?? true {
            state.listings[key]?.listedBatch = batch.batch
            state.listings[key]?.listedAsOf = batch.asOf
        }
    }

    func identity(ofListing listingID: String, listedBy source: String) throws -> ListedIdentity? {
        guard let listing = state.listings[.init(source: source, listingID: listingID)],
            let person = state.volunteers[listing.volunteer]
        else { return nil }
        return ListedIdentity(
            volunteer: listing.volunteer, name: person.name, nameKey: listing.nameKey, emailKey: listing.emailKey,
            phoneKey: listing.phoneKey)
    }

    func unconfirmedListings(of source: String) throws -> [(listingID: String, volunteer: VolunteerID)] {
        let batch = currentBatch()
        return state.listings.filter { key, listing in
            key.source == source && listing.listedBatch != batch.batch
                && (listing.listedAsOf.map { $0 <= batch.asOf } ?? true)
        }
        .map { (listingID: $0.key.listingID, volunteer: $0.value.volunteer) }
        .sorted { $0.listingID.utf8.lexicographicallyPrecedes($1.listingID.utf8) }
    }

    func newerListings(of source: String) throws -> Int {
        let batch = currentBatch()
        return state.listings.filter { $0.key.source == source && ($0.value.listedAsOf ?? .min) > batch.asOf }.count
    }

    func wasEndedByNewerRoster(_ listingID: String, listedBy source: String) throws -> Bool {
        guard let ended = state.endedListings[.init(source: source, listingID: listingID)] else { return false }
        return ended.endedAsOf > currentBatch().asOf
    }

    func endListing(_ listingID: String, listedBy source: String, networks: [NetworkID]) throws -> ListingEnd {
        let key = MemoryState.ListingKey(source: source, listingID: listingID)
        guard let listing = state.listings[key] else { return .stillListed }
        let volunteer = listing.volunteer
        state.listings[key] = nil
        state.endedListings[key] = MemoryState.EndedListing(volunteer: volunteer, endedAsOf: currentBatch().asOf)
        let remaining = state.listings(of: volunteer)
        if remaining.contains(where: { $0.key.source == source }) { return .stillListed }
        // What this source said of them goes with its listing; what other sources say stays.
        if let number = state.sources[source] { state.volunteers[volunteer]?.details[number] = nil }
        for network in networks { state.memberships[volunteer]?[network] = nil }
        state.refreshMergedFields(of: volunteer)
        return remaining.isEmpty ? .leftEverySource : .leftSource
    }

    func addMembership(volunteer: VolunteerID, network: NetworkID, role: String?, since: CalendarDate?) throws -> Bool {
        guard state.volunteers[volunteer] != nil, state.networks[network] != nil else {
            throw MemoryStoreError.missing("volunteer \(volunteer) or network \(network)")
        }
        let held = state.memberships[volunteer]?[network]
        let new = MemoryState.StoredMembership(role: role ?? held?.role, since: since ?? held?.since)
        guard new != held else { return false }
        state.memberships[volunteer, default: [:]][network] = new
        return true
    }

    func erase(volunteer id: VolunteerID) throws {
        state.remove(volunteer: id)
        // Numbered, so that a restore re-applies the erasures made after its backup.
        state.erasures.append((id, now))
    }

    func isSuppressed(_ keys: VolunteerKeys) throws -> Bool {
        guard !state.suppressedHashes.isEmpty else { return false }
        let hasher = SuppressionKeys(secret: state.suppressionSecret)
        let hashes = [keys.email.map(hasher.email), keys.phone.map(hasher.phone)].compactMap { $0 }
        return hashes.contains { state.suppressedHashes[$0] != nil }
    }

    // MARK: - Needs

    func fingerprint(ofNeed id: String) throws -> String? {
        state.needs[id]?.fingerprint
    }

    func saveNeed(_ need: Need, source: String, fingerprint: String) throws {
        try state.saveNeed(need, source: source, fingerprint: fingerprint)
    }

    func needs(partner: String, title: String) throws -> [(need: Need, source: String?)] {
        let key = MemoryState.needKey(partner: partner, title: title)
        return state.needs.values.filter { MemoryState.needKey(partner: $0.need.partner, title: $0.need.title) == key }
            .sorted { $0.need.id.utf8.lexicographicallyPrecedes($1.need.id.utf8) }
            .map { (need: $0.need, source: $0.source) }
    }

    func mergedNeed(_ id: String) throws -> String? {
        state.needMerges[id]
    }

    // MARK: - Helpers

    /// The number standing for a source, made on first use.
    private func sourceNumber(_ name: String) -> Int64 {
        if let known = state.sources[name] { return known }
        let number = MemoryState.next(after: state.sources.values)
        state.sources[name] = number
        return number
    }
}
