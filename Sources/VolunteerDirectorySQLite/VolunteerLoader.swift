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
                arguments: [window.lowerBound, window.upperBound], detail: .matching, in: db)
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

    /// How much of each record a read fills in.
    enum Detail {
        /// Everything held.
        case full
        /// What matching reads (``Volunteer/forMatching``): no contact details, notes, age band
        /// or memberships, and whether anyone lists them only where a DBS check needs it.
        case matching
    }

    /// Volunteers chosen by a condition on `volunteer`, with their details, in five streamed
    /// queries rather than five per person. `ownedBy` is the same choice on the detail tables.
    private static func volunteers(
        where condition: String, ownedBy owned: String, arguments: StatementArguments, detail: Detail = .full,
        in db: Database
    )
        throws -> [Volunteer]
    {
        var people: [Volunteer] = []
        var position: [VolunteerID: Int] = [:]
        // Matching's reads leave out the columns it does not use; the positions stay the same.
        let listed =
            detail == .full
            ? """
            email, phone, age_band, notes, EXISTS (SELECT 1 FROM listing WHERE volunteer_id = volunteer.id),
              EXISTS (SELECT 1 FROM listing WHERE volunteer_id = volunteer.id AND dbs_update_service = 1)
            """
            : """
            NULL, NULL, NULL, NULL, 1, (COALESCE(dbs_level, 0) <> 0 OR dbs_issued IS NOT NULL)
              AND EXISTS (SELECT 1 FROM listing WHERE volunteer_id = volunteer.id AND dbs_update_service = 1)
            """
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, name, postcode, area, dbs_level, dbs_issued, consent_share, consent_contact, consent_recorded,
                  \(listed)
                FROM volunteer WHERE \(condition) ORDER BY id
                """, arguments: arguments)
        while let row = try rows.next() {
            let id: VolunteerID = row[0]
            let level = DBSLevel(rawValue: row[4]) ?? DBSLevel.none
            let issued: String? = row[5]
            let share: Int? = row[6]
            let contact: Bool? = row[7]
            let recorded: String? = row[8]
            let ageBand: String? = row[11]
            position[id] = people.count
            people.append(
                Volunteer(
                    id: id, name: row[1], email: row[9], phone: row[10], postcode: row[2], area: row[3],
                    ageBand: ageBand.flatMap(AgeBand.init(rawValue:)),
                    dbs: level == .none && issued == nil
                        ? nil
                        : DBSCheck(
                            level: level, issued: issued.flatMap(CalendarDate.init(parsing:)),
                            updateService: (row[14] as Bool) ? true : nil),
                    consent: Consent(
                        contact: contact, share: share.flatMap(ShareScope.init(rawValue:)),
                        recorded: recorded.flatMap(CalendarDate.init(parsing:))),
                    notes: row[12], isListed: row[13]))
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
        guard detail == .full else { return people }
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
