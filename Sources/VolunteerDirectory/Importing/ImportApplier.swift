import Foundation

/// Applies an importer's records to the directory as they stream in, inside the transaction of
/// one import: recognises people already held, counts what changed, and collects rejections.
///
/// A roster is its network's list of members now: once the whole file is applied, whoever it no
/// longer lists leaves it (unless the file is ``partial``). Only for plugins that read rosters:
/// a feed says who leaves in its own way (`withdrawn`).
final class ImportApplier: ImportSink {
    private let writer: any DirectoryWriter
    private let force: Bool
    /// Whether the plugin reads rosters (see ``DirectoryImporter/readsRosters``).
    private let readsRosters: Bool
    /// Whether the file lists only some members of its rosters, so that it ends nothing.
    private let partial: Bool
    /// The file's name as the user gave it: the source of the needs it holds.
    private let fileName: String
    private(set) var counts = ImportCounts()
    private(set) var rejections: [Rejection] = []
    /// Where the records of people forgotten at their request were, none of which was written.
    private(set) var suppressed: [SourceLocation] = []
    private(set) var warnings: [ImportWarning] = []
    private(set) var sequence: (source: String, number: Int)?
    /// Whether the file's records are a roster's (its listings end when a newer copy drops them):
    /// a plugin that reads rosters, and not a numbered feed.
    private var isReadingRoster: Bool { readsRosters && sequence == nil }
    private var pendingMembers: [(source: String, network: NetworkID, member: MemberReference, at: SourceLocation)] = []
    private var networksByName: [String: NetworkID] = [:]
    /// Networks by the name exactly as rows write it: a roster repeats a dozen names a million
    /// times, and making each one's matching key again was most of a row passed over unread.
    private var networksByWrittenName: [String: NetworkID] = [:]
    private var withoutConsent = 0
    /// The rosters (volunteer sources) this file lists people for, by source.
    private var rosters: [String: Roster] = [:]
    /// People this file lists whom a newer copy of the roster took off, by source.
    private var keptOff: [String: Int] = [:]
    /// Who left each roster, by source.
    private var departed: [String: (people: Int, unlisted: Int)] = [:]
    /// What the directory holds for the chunk of records being applied, asked set-wise.
    private var identities = ChunkIdentities()

    /// A roster the file lists people for: its name to show and the networks its rows belong to.
    private struct Roster {
        var name: String
        var networks: [NetworkID: String] = [:]
    }

    /// The writer, when it remembers the rows listings were read from (see ``KnownRows``).
    private let knownRowWriter: (any KnownRowWriter)?
    /// A cautious count of the file's records, which says whether loading the known rows pays.
    private let expectedRecords: Int

    init(
        writer: any DirectoryWriter, force: Bool, readsRosters: Bool = false, partial: Bool = false,
        fileName: String = "", expectedRecords: Int = 0
    ) {
        self.writer = writer
        knownRowWriter = writer as? any KnownRowWriter
        self.expectedRecords = expectedRecords
        self.force = force
        self.readsRosters = readsRosters
        self.partial = partial
        self.fileName = fileName
    }

    /// Who left which roster in this import, by roster name.
    var departures: [RosterDeparture] {
        departed.compactMap { source, tally in
            guard tally.people > 0, let roster = rosters[source] else { return nil }
            return RosterDeparture(
                roster: roster.name, networks: roster.networks.values.sorted(), people: tally.people,
                unlisted: tally.unlisted)
        }.sorted { $0.roster < $1.roster }
    }

    // MARK: - ImportSink

    func beginSequence(_ number: Int, of source: String) throws {
        if let last = try writer.lastSequence(of: source), number <= last, !force {
            throw ImportError.staleFeed(source: source, sequence: number, lastImported: last)
        }
        sequence = (source, number)
    }

    func receive(_ record: ImportRecord, at location: SourceLocation) throws {
        switch record {
        case .volunteer(let volunteer): try receive(PreparedVolunteer(volunteer), at: location)
        case .network(let network): try apply(network, at: location)
        case .need(let need): try apply(need, at: location)
        case .withdrawal(let withdrawal): try apply(withdrawal, at: location)
        }
    }

    func reject(at location: SourceLocation, reason: String) throws {
        rejections.append(Rejection(location: location, reason: reason))
        counts.rejected += 1
    }

    func warn(at location: SourceLocation?, _ message: String) {
        warnings.append(ImportWarning(location: location, message: message))
    }

    // MARK: - Rows read before

    /// The rows this import may pass over unread: those of rosters, when the writer remembers them.
    func knownRows() throws -> KnownRows {
        guard readsRosters, let knownRowWriter else { return KnownRows() }
        return try knownRowWriter.knownRows(expectedRecords: expectedRecords)
    }

    /// Confirms unchanged the listing a row read before was read into, and counts it; `false`
    /// (nothing done) when no listing holds the row now as it was read (an earlier row of this
    /// file changed or ended it): the row must then be read after all.
    ///
    /// A row passed over is not read, so the warnings it gave when it was read are not given again,
    /// and the membership it gave is not asserted again (ending a listing ends its membership).
    func confirm(_ row: KnownRow) throws -> Bool {
        guard let knownRowWriter, let held = try knownRowWriter.confirmKnownRow(row.digest) else { return false }
        counts.unchanged += 1
        if !held.consentRecorded { withoutConsent += 1 }
        if isReadingRoster {
            let network = try row.network.map { (name: $0, id: try resolve(NetworkReference(name: $0))) }
            note(row.source, rosterName: row.network, networks: network.map { [$0] } ?? [])
        }
        return true
    }

    // MARK: - Chunks

    /// Asks the directory about the volunteers of the next chunk of records at once, before they
    /// are applied one by one in order: the listings of each source, then the email and phone
    /// keys of the records no listing names, in one question each.
    func prepare(_ volunteers: [PreparedVolunteer]) throws {
        identities = ChunkIdentities()
        guard !volunteers.isEmpty else { return }
        identities = try ChunkIdentities(
            volunteers, rosters: isReadingRoster, writer: writer)
    }

    // MARK: - Finishing

    /// Resolves member references to volunteers who appeared later in the input, and adds the
    /// warnings that concern the whole file.
    func finish() throws {
        identities = ChunkIdentities()
        for pending in pendingMembers {
            if let volunteer = try writer.volunteer(
                listedBy: pending.source, externalID: "id:\(pending.member.volunteerRef)")
            {
                _ = try writer.addMembership(
                    volunteer: volunteer, network: pending.network, role: pending.member.role,
                    since: pending.member.since)
            } else {
                warn(
                    at: pending.at,
                    "member '\(pending.member.volunteerRef)' is not a volunteer in this feed or an earlier one; membership skipped"
                )
            }
        }
        pendingMembers.removeAll()
        try endDepartures()
        if withoutConsent > 0 {
            warn(
                at: nil,
                "\(withoutConsent) volunteer(s) have no recorded consent to be contacted; they will not appear in searches until a roster records it"
            )
        }
    }

    // MARK: - Records

    /// Applies a volunteer record whose keys and fingerprint were worked out on the reading thread.
    func receive(_ prepared: PreparedVolunteer, at location: SourceLocation) throws {
        let (record, keys, listingID) = (prepared.record, prepared.keys, prepared.listingID)
        if try writer.isSuppressed(keys) {
            // Forgotten at their request: nothing of the row is written, not even its network.
            suppressed.append(location)
            counts.suppressed += 1
            return
        }
        let networks = try record.memberships.map { try resolve($0.network) }
        if isReadingRoster { note(record, networks: networks) }
        let held = try heldListing(listingID, of: record.source)
        var existing = held?.volunteer
        if existing == nil, isReadingRoster, try wasEndedByNewerRoster(listingID, of: record.source) {
            // A copy of this roster dated after this file took them off: this older one is out of date.
            keptOff[record.source, default: 0] += 1
            counts.unchanged += 1
            return
        }
        // Unchanged against what the source last said under this listing id (so the same person).
        let unchanged =
            existing != nil
            && Fingerprint.matches(
                held?.fingerprint, current: prepared.fingerprint, legacy: { Fingerprint.legacy(volunteer: record) })
        if !unchanged, existing != nil, isReadingRoster, let ref = record.externalID,
            let said = try writer.identity(ofListing: listingID, listedBy: record.source),
            said.isSomeoneElse(than: keys)
        {
            // The roster gave this id to someone else: the person it named before leaves it.
            try tally(writer.endListing(listingID, listedBy: record.source, networks: networks), of: record.source)
            identities.ended(listingID, of: record.source)
            let roster = rosters[record.source]?.name ?? record.source
            warn(
                at: location,
                "ref '\(ref)' named \(said.name) before and now names \(record.name) (name, email and phone all differ): "
                    + "read as someone else, and \(said.name) is no longer on the roster of \(roster)")
            existing = nil
        }
        if existing == nil, let email = keys.email {
            existing = try identities.volunteer(emailKey: email) ?? writer.volunteer(emailKey: email)
        }
        if existing == nil, let phone = keys.phone {
            existing = try identities.volunteer(phoneKey: phone) ?? writer.volunteer(phoneKey: phone)
        }

        for language in record.languages {
            if language.language.code == nil {
                warn(at: location, "language '\(language.language.written)' is not recognised; kept as written")
            } else if language.language.isCorrection {
                // A correction is a guess, however careful: say so, so the roster can be fixed.
                warn(
                    at: location,
                    "language '\(language.language.written)' read as \(language.language.displayName()), a near miss of its name"
                )
            }
        }
        if record.consent.contact == nil { withoutConsent += 1 }

        let id: VolunteerID
        if unchanged, let existing {
            counts.unchanged += 1
            id = existing
            try confirmListing(of: prepared)
        } else {
            id = try saveListing(of: prepared, volunteer: existing)
            identities.saved(
                listingID, of: record.source, volunteer: id, fingerprint: prepared.fingerprint, keys: keys,
                created: existing == nil)
            if existing == nil { counts.created += 1 } else { counts.updated += 1 }
        }
        for (membership, network) in zip(record.memberships, networks) {
            _ = try writer.addMembership(
                volunteer: id, network: network, role: membership.role, since: membership.since)
        }
    }

    private func apply(_ record: NetworkRecord, at location: SourceLocation) throws {
        var existing = try record.externalID.flatMap { try writer.network(externalID: $0) }
        if existing == nil { existing = try writer.network(named: record.name) }
        let fingerprint = try Fingerprint.of(record)
        let id: NetworkID
        if let existing,
            try Fingerprint.matches(
                writer.fingerprint(ofNetwork: existing), current: fingerprint,
                legacy: { try Fingerprint.legacy(record) })
        {
            counts.unchanged += 1
            id = existing
        } else {
            id = try writer.saveNetwork(record, id: existing, fingerprint: fingerprint)
            if existing == nil { counts.created += 1 } else { counts.updated += 1 }
        }
        networksByName[record.name.matchingKey] = id
        networksByWrittenName = [:]
        for member in record.members {
            if let volunteer = try writer.volunteer(listedBy: record.source, externalID: "id:\(member.volunteerRef)") {
                _ = try writer.addMembership(volunteer: volunteer, network: id, role: member.role, since: member.since)
            } else {
                pendingMembers.append((record.source, id, member, location))
            }
        }
    }

    private func apply(_ need: Need, at location: SourceLocation) throws {
        if let kept = try writer.mergedNeed(need.id) {
            counts.unchanged += 1
            warn(
                at: location,
                "need '\(need.id)' was merged into '\(kept)' with 'voldir needs merge'; not imported again")
            return
        }
        let fingerprint = try Fingerprint.of(need)
        let stored = try writer.fingerprint(ofNeed: need.id)
        if try Fingerprint.matches(stored, current: fingerprint, legacy: { try Fingerprint.legacy(need) }) {
            counts.unchanged += 1
            return
        }
        let source = sequence.map { "feed:\($0.source)" } ?? "file:\(fileName)"
        var flagged = need
        flagged.duplicateOf = try writer.needs(partner: need.partner, title: need.title).first { held in
            held.need.id != need.id && held.source != source && held.need.duplicateOf == nil
                && held.need.isLikelySame(as: need)
        }?.need.id
        try writer.saveNeed(flagged, source: source, fingerprint: fingerprint)
        if stored == nil { counts.created += 1 } else { counts.updated += 1 }
        if let kept = flagged.duplicateOf {
            warn(
                at: location,
                "need '\(need.id)' (\(need.partner): \(need.title)) looks like a duplicate of '\(kept)' from another source; "
                    + "only '\(kept)' is matched until 'voldir needs merge \(kept) \(need.id)' keeps one")
        }
    }

    private func apply(_ withdrawal: Withdrawal, at location: SourceLocation) throws {
        if let volunteer = try writer.volunteer(
            listedBy: withdrawal.source, externalID: "id:\(withdrawal.volunteerRef)")
        {
            try writer.erase(volunteer: volunteer)
            identities.forgetAll()
            counts.erased += 1
        } else {
            counts.unchanged += 1
        }
    }

    // MARK: - Leaving rosters

    /// Remembers that this file lists people for `record`'s roster.
    private func note(_ record: VolunteerRecord, networks: [NetworkID]) {
        note(
            record.source, rosterName: record.memberships.first?.network.name,
            networks: zip(record.memberships, networks).lazy.map { membership, id in
                (name: membership.network.name ?? membership.network.externalID ?? "network \(id)", id: id)
            })
    }

    /// Saves the listing `prepared` reads as, with the row it was read from when the writer
    /// remembers rows (see ``KnownRows``).
    private func saveListing(of prepared: PreparedVolunteer, volunteer: VolunteerID?) throws -> VolunteerID {
        let (record, keys, listingID, fingerprint) = (
            prepared.record, prepared.keys, prepared.listingID, prepared.fingerprint
        )
        guard let knownRowWriter, let digest = prepared.rowDigest else {
            return try writer.saveListing(
                record, keys: keys, listingID: listingID, fingerprint: fingerprint, volunteer: volunteer)
        }
        return try knownRowWriter.saveListing(
            record, keys: keys, listingID: listingID, fingerprint: fingerprint, volunteer: volunteer, rowDigest: digest)
    }

    /// Confirms unchanged the listing `prepared` reads as, with the row it was read from when the
    /// writer remembers rows.
    private func confirmListing(of prepared: PreparedVolunteer) throws {
        let (listingID, source) = (prepared.listingID, prepared.record.source)
        guard let knownRowWriter, let digest = prepared.rowDigest else {
            return try writer.confirmListing(listingID, listedBy: source)
        }
        try knownRowWriter.confirmListing(listingID, listedBy: source, rowDigest: digest)
    }

    /// Remembers that this file lists people for the roster `source` (named `rosterName`, else
    /// after the file), in `networks` (each by the name it is shown by, and its id).
    private func note(
        _ source: String, rosterName: String?, networks: some Sequence<(name: String, id: NetworkID)>
    ) {
        if rosters[source] == nil { rosters[source] = Roster(name: rosterName ?? fileName) }
        for network in networks where rosters[source]?.networks[network.id] == nil {
            rosters[source]?.networks[network.id] = network.name
        }
    }

    /// Ends the listings (and memberships) of everyone the file's rosters no longer list.
    private func endDepartures() throws {
        for (source, people) in keptOff.sorted(by: { $0.key < $1.key }) {
            warn(
                at: nil,
                (people == 1 ? "1 person this file lists was" : "\(people) people this file lists were")
                    + " taken off the roster of \(rosters[source]?.name ?? source) by a copy dated after this file; "
                    + "not added back")
        }
        guard isReadingRoster, !partial, !rosters.isEmpty else { return }
        if counts.rejected > 0 {
            // A rejected row may be someone still on the roster: ending them would be a guess.
            var kept = 0
            for source in rosters.keys { kept += try writer.unconfirmedListings(of: source).count }
            if kept > 0 {
                warn(
                    at: nil,
                    "\(kept) listing(s) this file leaves out were kept, because \(counts.rejected) row(s) were rejected; "
                        + "mend them and import the file again to end the memberships of people it no longer lists")
            }
            return
        }
        for (source, roster) in rosters.sorted(by: { $0.key < $1.key }) {
            if try writer.newerListings(of: source) > 0 {
                warn(
                    at: nil,
                    "a copy of the roster of \(roster.name) dated after this file was imported before: "
                        + "this older file takes no one off who that copy lists")
            }
            let networks = roster.networks.keys.sorted()
            for listing in try writer.unconfirmedListings(of: source) {
                try tally(writer.endListing(listing.listingID, listedBy: source, networks: networks), of: source)
            }
        }
    }

    /// Counts a person taken off a roster.
    private func tally(_ end: ListingEnd, of source: String) {
        guard end != .stillListed else { return }
        counts.ended += 1
        departed[source, default: (0, 0)].people += 1
        if end == .leftEverySource { departed[source, default: (0, 0)].unlisted += 1 }
    }

    // MARK: - Helpers

    /// What `source` holds under `listingID`: from the chunk's answers when asked there, else
    /// from the writer.
    private func heldListing(_ listingID: String, of source: String) throws -> HeldListing? {
        if case .some(let known) = identities.listing(listingID, of: source) { return known }
        guard let volunteer = try writer.volunteer(listedBy: source, externalID: listingID) else { return nil }
        return HeldListing(
            volunteer: volunteer, fingerprint: try writer.fingerprint(ofListing: listingID, listedBy: source))
    }

    /// Whether a roster dated after this file ended the listing: from the chunk's answers when
    /// asked there, else from the writer.
    private func wasEndedByNewerRoster(_ listingID: String, of source: String) throws -> Bool {
        try identities.endedByNewerRoster(listingID, of: source)
            ?? writer.wasEndedByNewerRoster(listingID, listedBy: source)
    }

    private func resolve(_ reference: NetworkReference) throws -> NetworkID {
        if let externalID = reference.externalID, let id = try writer.network(externalID: externalID) { return id }
        let name = reference.name ?? reference.externalID ?? "Unnamed network"
        if let known = networksByWrittenName[name] { return known }
        let key = name.matchingKey
        let id = try networksByName[key] ?? writer.network(named: name) ?? writer.createNetwork(named: name)
        networksByName[key] = id
        if networksByWrittenName.count < 10_000 { networksByWrittenName[name] = id }
        return id
    }
}
