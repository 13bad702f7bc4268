import Foundation
import VolunteerDirectory

/// Reading people, networks and batches out of the state, merged as the SQLite store merges them.
extension MemoryState {
    /// The sources' numbers in order, with each person's details read in that order.
    private func detailsInOrder(of person: StoredVolunteer) -> [Details] {
        person.details.sorted { $0.key < $1.key }.map(\.value)
    }

    /// One volunteer with everything held about them: one skill per key at its highest level, one
    /// language per code (or written key) and script at its best proficiency.
    func volunteer(_ id: VolunteerID) -> Volunteer? {
        guard let person = volunteers[id] else { return nil }
        let theirs = listings(of: id).map(\.listing)
        let updateService = theirs.contains { $0.dbs?.updateService == true }
        var volunteer = Volunteer(
            id: id, name: person.name, email: person.email, phone: person.phone, postcode: person.postcode,
            area: person.area, ageBand: person.ageBand,
            dbs: person.dbsLevel == .none && person.dbsIssued == nil
                ? nil
                : DBSCheck(level: person.dbsLevel, issued: person.dbsIssued, updateService: updateService ? true : nil),
            consent: person.consent, notes: person.notes, isListed: !theirs.isEmpty)
        var slots: Set<Slot> = []
        for details in detailsInOrder(of: person) {
            for stored in details.skills {
                let skill = Skill(written: stored.written, level: stored.level, qualifiedIn: stored.qualifiedIn)
                volunteer.merge(skill)
            }
            for stored in details.languages {
                let held = stored.spoken
                let spoken = SpokenLanguage(
                    language: LanguageReference(
                        written: held.language.written, code: held.language.code, script: held.language.script),
                    proficiency: held.proficiency, interprets: held.interprets)
                volunteer.merge(spoken)
            }
            slots.formUnion(details.availability)
        }
        volunteer.availability = slots.sorted(by: Self.slotOrder)
        volunteer.memberships = (memberships[id] ?? [:]).compactMap { network, membership in
            networks[network].map {
                Membership(networkID: network, networkName: $0.name, role: membership.role, since: membership.since)
            }
        }.sorted { $0.networkName.matchingKey.utf8.lexicographicallyPrecedes($1.networkName.matchingKey.utf8) }
        return volunteer
    }

    /// Day, then part of the day, each in declaration order (`any` last).
    static func slotOrder(_ a: Slot, _ b: Slot) -> Bool {
        let days = Day.allCases
        let parts = PartOfDay.allCases
        return (days.firstIndex(of: a.day) ?? 0, parts.firstIndex(of: a.part) ?? 0)
            < (days.firstIndex(of: b.day) ?? 0, parts.firstIndex(of: b.part) ?? 0)
    }

    /// Every network, by name.
    var networkList: [Network] {
        var members: [NetworkID: Int] = [:]
        for (_, theirs) in memberships { for network in theirs.keys { members[network, default: 0] += 1 } }
        return networks.values.sorted { a, b in
            let (x, y) = (a.name.matchingKey, b.name.matchingKey)
            return x == y ? a.id < b.id : x.utf8.lexicographicallyPrecedes(y.utf8)
        }.map { stored in
            let contact = ContactDetails(
                name: stored.contact?.name, email: stored.contact?.email, phone: stored.contact?.phone)
            return Network(
                id: stored.id, externalID: stored.externalID, name: stored.name, kind: stored.kind,
                areas: stored.areas, contact: contact.isEmpty ? nil : contact, memberCount: members[stored.id] ?? 0)
        }
    }

    /// Every need, by id.
    var needList: [Need] {
        needs.values.sorted { $0.need.id.utf8.lexicographicallyPrecedes($1.need.id.utf8) }.map(\.need)
    }

    /// The recorded imports, oldest first.
    var batchList: [ImportBatch] {
        batches.sorted { $0.id < $1.id }.map(\.batch)
    }
}
