import Foundation
import GRDB
import VolunteerDirectory

/// Reads volunteers with everything held about them, merging what several sources said: one
/// skill per key at its highest level, one language per code and script at its best proficiency.
enum VolunteerLoader {
    /// One volunteer, with everything held about them.
    static func volunteer(id: VolunteerID, in db: Database) throws -> Volunteer? {
        try volunteers(ids: [id], in: db).first
    }

    /// Everyone who agreed to be contacted, a batch of at most `size` ids' width at a time, in id
    /// order: matching reads the whole directory, but never holds it whole.
    static func everyoneWhoMayBeContacted(
        inBatchesOf size: Int, in db: Database, _ body: ([Volunteer]) throws -> Void
    ) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT MIN(id), MAX(id) FROM volunteer"),
            let lowest = row[0] as VolunteerID?, let highest = row[1] as VolunteerID?
        else { return }
        for window in (lowest...highest).windows(ofWidth: size) {
            let batch = try volunteers(
                where: "id BETWEEN ? AND ? AND consent_contact = 1", ownedBy: "volunteer_id BETWEEN ? AND ?",
                arguments: [window.lowerBound, window.upperBound], in: db)
            if !batch.isEmpty { try body(batch) }
        }
    }

    /// These volunteers, in the order given (search results).
    static func volunteers(ids: [VolunteerID], in db: Database) throws -> [Volunteer] {
        guard !ids.isEmpty else { return [] }
        let list = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
        let loaded = try volunteers(
            where: "id IN (SELECT value FROM json_each(?))",
            ownedBy: "volunteer_id IN (SELECT value FROM json_each(?))",
            arguments: [list], in: db)
        let byID = Dictionary(loaded.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    /// Volunteers chosen by a condition on `volunteer`, with their details, in five streamed
    /// queries rather than five per person. `ownedBy` is the same choice on the detail tables.
    private static func volunteers(
        where condition: String, ownedBy owned: String, arguments: StatementArguments, in db: Database
    )
        throws -> [Volunteer]
    {
        var people: [Volunteer] = []
        var position: [VolunteerID: Int] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, name, email, phone, postcode, area, age_band, notes, dbs_level, dbs_issued, consent_share,
                  consent_contact, consent_recorded, EXISTS (SELECT 1 FROM listing WHERE volunteer_id = volunteer.id),
                  EXISTS (SELECT 1 FROM listing WHERE volunteer_id = volunteer.id AND dbs_update_service = 1)
                FROM volunteer WHERE \(condition) ORDER BY id
                """, arguments: arguments)
        while let row = try rows.next() {
            let id: VolunteerID = row[0]
            let level = DBSLevel(rawValue: row[8]) ?? DBSLevel.none
            let issued: String? = row[9]
            let ageBand: String? = row[6]
            let share: Int? = row[10]
            let contact: Bool? = row[11]
            let recorded: String? = row[12]
            position[id] = people.count
            people.append(
                Volunteer(
                    id: id, name: row[1], email: row[2], phone: row[3], postcode: row[4], area: row[5],
                    ageBand: ageBand.flatMap(AgeBand.init(rawValue:)),
                    dbs: level == .none && issued == nil
                        ? nil
                        : DBSCheck(
                            level: level, issued: issued.flatMap(CalendarDate.init(parsing:)),
                            updateService: (row[14] as Bool) ? true : nil),
                    consent: Consent(
                        contact: contact, share: share.flatMap(ShareScope.init(rawValue:)),
                        recorded: recorded.flatMap(CalendarDate.init(parsing:))),
                    notes: row[7], isListed: row[13]))
        }
        let skills = try Row.fetchCursor(
            db,
            sql:
                "SELECT volunteer_id, written, level, qualified_in FROM volunteer_skill WHERE \(owned) ORDER BY volunteer_id, source_id, position",
            arguments: arguments)
        while let row = try skills.next() {
            guard let at = position[row[0]] else { continue }
            let level: Int? = row[2]
            let skill = Skill(written: row[1], level: level.flatMap(SkillLevel.init(rawValue:)), qualifiedIn: row[3])
            people[at].merge(skill)
        }
        let languages = try Row.fetchCursor(
            db,
            sql: """
                SELECT volunteer_id, written, code, script, proficiency, interprets FROM volunteer_language WHERE \(owned)
                ORDER BY volunteer_id, source_id, position
                """, arguments: arguments)
        while let row = try languages.next() {
            guard let at = position[row[0]] else { continue }
            let proficiency: Int? = row[4]
            let spoken = SpokenLanguage(
                language: LanguageReference(written: row[1], code: row[2], script: row[3]),
                proficiency: proficiency.flatMap(Proficiency.init(rawValue:)), interprets: row[5])
            people[at].merge(spoken)
        }
        let availability = try Row.fetchCursor(
            db, sql: "SELECT volunteer_id, slots FROM volunteer_availability WHERE \(owned)", arguments: arguments)
        var slots: [VolunteerID: Int64] = [:]
        while let row = try availability.next() {
            let id: VolunteerID = row[0]
            let bits: Int64 = row[1]
            slots[id, default: 0] |= bits
        }
        for (id, bits) in slots {
            guard let at = position[id] else { continue }
            people[at].availability = StoredSlots.slots(in: bits)
        }
        let memberships = try Row.fetchCursor(
            db,
            sql: """
                SELECT m.volunteer_id, n.id, n.name, m.role, m.since FROM membership m JOIN network n ON n.id = m.network_id
                WHERE m.\(owned) ORDER BY m.volunteer_id, n.name_key
                """, arguments: arguments)
        while let row = try memberships.next() {
            guard let at = position[row[0]] else { continue }
            let since: String? = row[4]
            people[at].memberships.append(
                Membership(
                    networkID: row[1], networkName: row[2], role: row[3],
                    since: since.flatMap(CalendarDate.init(parsing:))))
        }
        return people
    }
}
