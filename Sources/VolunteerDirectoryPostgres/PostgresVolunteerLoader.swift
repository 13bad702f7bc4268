import Foundation
import PostgresNIO
import VolunteerDirectory

/// Reads volunteers with everything held about them, merging what several sources said, as the
/// SQLite store does: one skill per key at its highest level, one language per code and script at
/// its best proficiency. Five statements for any number of people, not five per person.
enum PostgresVolunteerLoader {
    /// These volunteers, in the order given (search results); ids not held are left out.
    static func volunteers(ids: [VolunteerID], on connection: PostgresConnection) throws -> [Volunteer] {
        guard !ids.isEmpty else { return [] }
        let loaded = try volunteers(chosenBy: .ids(ids), on: connection)
        let byID = Dictionary(loaded.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    /// Everyone who agreed to be contacted, by id: what matching reads.
    static func everyoneWhoMayBeContacted(on connection: PostgresConnection) throws -> [Volunteer] {
        try volunteers(chosenBy: .contactable, on: connection)
    }

    /// Which volunteers to read.
    private enum Choice {
        case ids([VolunteerID])
        case contactable

        /// `select` followed by `from` (with `d` the detail table, `v` the volunteer), limited to
        /// the volunteers chosen.
        func query(_ select: String, from: String, orderedBy order: String = "") -> PostgresQuery {
            let order = order.isEmpty ? "" : " ORDER BY \(order)"
            switch self {
            case .ids(let ids):
                return "\(unescaped: select) \(unescaped: from) WHERE v.id = ANY(\(ids))\(unescaped: order)"
            case .contactable:
                return "\(unescaped: select) \(unescaped: from) WHERE v.consent_contact = 1\(unescaped: order)"
            }
        }

        /// `select` from the detail table `table` (as `d`), joined to its volunteer.
        func details(_ select: String, of table: String, join: String = "", orderedBy order: String = "")
            -> PostgresQuery
        {
            query(select, from: "FROM \(table) d JOIN volunteer v ON v.id = d.volunteer_id \(join)", orderedBy: order)
        }
    }

    private static func volunteers(chosenBy choice: Choice, on connection: PostgresConnection) throws -> [Volunteer] {
        var people: [Volunteer] = []
        var position: [VolunteerID: Int] = [:]
        let query = choice.query(
            """
            SELECT v.id, v.name, v.email, v.phone, v.postcode, v.area, v.age_band, v.notes, v.dbs_level, v.dbs_issued,
              v.consent_share, v.consent_contact, v.consent_recorded,
              EXISTS (SELECT 1 FROM listing l WHERE l.volunteer_id = v.id),
              EXISTS (SELECT 1 FROM listing l WHERE l.volunteer_id = v.id AND l.dbs_update_service = 1)
            """, from: "FROM volunteer v", orderedBy: "v.id")
        for row in try connection.run(query) {
            let (
                id, name, email, phone, postcode, area, ageBand, notes, levelValue, issued, share, contact, recorded,
                isListed, updateService
            ) = try row.decode(
                (
                    Int64, String, String?, String?, String?, String?, String?, String?, Int, String?, Int?, Int?,
                    String?, Bool, Bool
                ).self)
            let level = DBSLevel(rawValue: levelValue) ?? DBSLevel.none
            position[id] = people.count
            people.append(
                Volunteer(
                    id: id, name: name, email: email, phone: phone, postcode: postcode, area: area,
                    ageBand: ageBand.flatMap(AgeBand.init(rawValue:)),
                    dbs: level == .none && issued == nil
                        ? nil
                        : DBSCheck(
                            level: level, issued: issued.flatMap(CalendarDate.init(parsing:)),
                            updateService: updateService ? true : nil),
                    consent: Consent(
                        contact: contact.map { $0 != 0 }, share: share.flatMap(ShareScope.init(rawValue:)),
                        recorded: recorded.flatMap(CalendarDate.init(parsing:))),
                    notes: notes, isListed: isListed))
        }
        guard !people.isEmpty else { return [] }

        let skills = choice.details(
            "SELECT d.volunteer_id, d.written, d.level, d.qualified_in", of: "volunteer_skill",
            orderedBy: "d.volunteer_id, d.source_id, d.position")
        for row in try connection.run(skills) {
            let (id, written, level, qualifiedIn) = try row.decode((Int64, String, Int?, String?).self)
            guard let at = position[id] else { continue }
            let skill = Skill(
                written: written, level: level.flatMap(SkillLevel.init(rawValue:)), qualifiedIn: qualifiedIn)
            people[at].merge(skill)
        }

        let languages = choice.details(
            "SELECT d.volunteer_id, d.written, d.code, d.script, d.proficiency, d.interprets", of: "volunteer_language",
            orderedBy: "d.volunteer_id, d.source_id, d.position")
        for row in try connection.run(languages) {
            let (id, written, code, script, proficiency, interprets) = try row.decode(
                (Int64, String, String?, String?, Int?, Int).self)
            guard let at = position[id] else { continue }
            let spoken = SpokenLanguage(
                language: LanguageReference(written: written, code: code, script: script),
                proficiency: proficiency.flatMap(Proficiency.init(rawValue:)), interprets: interprets != 0)
            people[at].merge(spoken)
        }

        let availability = choice.details("SELECT d.volunteer_id, d.slots", of: "volunteer_availability")
        var slots: [VolunteerID: Int64] = [:]
        for row in try connection.run(availability) {
            let (id, bits) = try row.decode((Int64, Int64).self)
            slots[id, default: 0] |= bits
        }
        for (id, bits) in slots {
            guard let at = position[id] else { continue }
            people[at].availability = StoredSlots.slots(in: bits)
        }

        let memberships = choice.details(
            "SELECT d.volunteer_id, n.id, n.name, d.role, d.since", of: "membership",
            join: "JOIN network n ON n.id = d.network_id", orderedBy: "d.volunteer_id, n.name_key COLLATE \"C\"")
        for row in try connection.run(memberships) {
            let (id, networkID, networkName, role, since) = try row.decode(
                (Int64, Int64, String, String?, String?).self)
            guard let at = position[id] else { continue }
            people[at].memberships.append(
                Membership(
                    networkID: networkID, networkName: networkName, role: role,
                    since: since.flatMap(CalendarDate.init(parsing:))))
        }
        return people
    }
}
