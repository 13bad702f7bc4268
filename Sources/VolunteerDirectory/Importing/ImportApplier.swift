import Foundation

/// Applies an importer's records to the directory as they stream in, inside the transaction of
/// one import: recognises people already held, counts what changed, and collects rejections.
final class ImportApplier: ImportSink {
    private let writer: any DirectoryWriter
    private let force: Bool
    private(set) var counts = ImportCounts()
    private(set) var rejections: [Rejection] = []
    private(set) var warnings: [ImportWarning] = []
    private(set) var sequence: (source: String, number: Int)?
    private var pendingMembers: [(source: String, network: NetworkID, member: MemberReference, at: SourceLocation)] = []
    private var networksByName: [String: NetworkID] = [:]
    private var withoutConsent = 0

    init(writer: any DirectoryWriter, force: Bool) {
        self.writer = writer
        self.force = force
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
        case .need(let need): try apply(need)
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

    // MARK: - Finishing

    /// Resolves member references to volunteers who appeared later in the input, and adds the
    /// warnings that concern the whole file.
    func finish() throws {
        for pending in pendingMembers {
            if let volunteer = try writer.volunteer(listedBy: pending.source, externalID: "id:\(pending.member.volunteerRef)") {
                _ = try writer.addMembership(
                    volunteer: volunteer, network: pending.network, role: pending.member.role, since: pending.member.since)
            } else {
                warn(at: pending.at, "member '\(pending.member.volunteerRef)' is not a volunteer in this feed or an earlier one; membership skipped")
            }
        }
        pendingMembers.removeAll()
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
        var existing = try writer.volunteer(listedBy: record.source, externalID: listingID)
        if existing == nil, let email = keys.email { existing = try writer.volunteer(emailKey: email) }
        if existing == nil, let phone = keys.phone { existing = try writer.volunteer(phoneKey: phone) }

        for language in record.languages {
            if language.language.code == nil {
                warn(at: location, "language '\(language.language.written)' is not recognised; kept as written")
            } else if language.language.isCorrection {
                // A correction is a guess, however careful: say so, so the roster can be fixed.
                warn(at: location, "language '\(language.language.written)' read as \(language.language.displayName()), a near miss of its name")
            }
        }
        if record.consent.contact == nil { withoutConsent += 1 }

        let fingerprint = prepared.fingerprint
        let id: VolunteerID
        if let existing,
            try Fingerprint.matches(
                writer.fingerprint(ofListing: listingID, listedBy: record.source), current: fingerprint,
                legacy: { Fingerprint.legacy(volunteer: record) })
        {
            counts.unchanged += 1
            id = existing
        } else {
            id = try writer.saveListing(record, keys: keys, listingID: listingID, fingerprint: fingerprint, volunteer: existing)
            if existing == nil { counts.created += 1 } else { counts.updated += 1 }
        }
        for membership in record.memberships {
            let network = try resolve(membership.network)
            _ = try writer.addMembership(volunteer: id, network: network, role: membership.role, since: membership.since)
        }
    }

    private func apply(_ record: NetworkRecord, at location: SourceLocation) throws {
        var existing = try record.externalID.flatMap { try writer.network(externalID: $0) }
        if existing == nil { existing = try writer.network(named: record.name) }
        let fingerprint = try Fingerprint.of(record)
        let id: NetworkID
        if let existing, try Fingerprint.matches(writer.fingerprint(ofNetwork: existing), current: fingerprint, legacy: { try Fingerprint.legacy(record) }) {
            counts.unchanged += 1
            id = existing
        } else {
            id = try writer.saveNetwork(record, id: existing, fingerprint: fingerprint)
            if existing == nil { counts.created += 1 } else { counts.updated += 1 }
        }
        networksByName[record.name.matchingKey] = id
        for member in record.members {
            if let volunteer = try writer.volunteer(listedBy: record.source, externalID: "id:\(member.volunteerRef)") {
                _ = try writer.addMembership(volunteer: volunteer, network: id, role: member.role, since: member.since)
            } else {
                pendingMembers.append((record.source, id, member, location))
            }
        }
    }

    private func apply(_ need: Need) throws {
        let fingerprint = try Fingerprint.of(need)
        let stored = try writer.fingerprint(ofNeed: need.id)
        if try Fingerprint.matches(stored, current: fingerprint, legacy: { try Fingerprint.legacy(need) }) {
            counts.unchanged += 1
        } else {
            try writer.saveNeed(need, fingerprint: fingerprint)
            if stored == nil { counts.created += 1 } else { counts.updated += 1 }
        }
    }

    private func apply(_ withdrawal: Withdrawal, at location: SourceLocation) throws {
        if let volunteer = try writer.volunteer(listedBy: withdrawal.source, externalID: "id:\(withdrawal.volunteerRef)") {
            try writer.erase(volunteer: volunteer)
            counts.erased += 1
        } else {
            counts.unchanged += 1
        }
    }

    // MARK: - Helpers

    private func resolve(_ reference: NetworkReference) throws -> NetworkID {
        if let externalID = reference.externalID, let id = try writer.network(externalID: externalID) { return id }
        let name = reference.name ?? reference.externalID ?? "Unnamed network"
        let key = name.matchingKey
        if let cached = networksByName[key] { return cached }
        let id = try writer.network(named: name) ?? writer.createNetwork(named: name)
        networksByName[key] = id
        return id
    }
}
