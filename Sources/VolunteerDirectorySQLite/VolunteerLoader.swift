import GRDB
import VolunteerDirectory

/// Reads a volunteer with everything held about them, merging what several sources said.
enum VolunteerLoader {
    static func volunteer(id: VolunteerID, in db: Database) throws -> Volunteer? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM volunteer WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let dbsLevel = DBSLevel(rawValue: row["dbs_level"]) ?? DBSLevel.none
        let shareScope: Int? = row["consent_share"]
        let consentRecorded: String? = row["consent_recorded"]
        let dbsIssued: String? = row["dbs_issued"]
        let ageBand: String? = row["age_band"]
        return Volunteer(
            id: id, name: row["name"], email: row["email"], phone: row["phone"], postcode: row["postcode"],
            area: row["area"], ageBand: ageBand.flatMap(AgeBand.init(rawValue:)), skills: try skills(of: id, in: db),
            languages: try languages(of: id, in: db), availability: try slots(of: id, in: db),
            dbs: dbsLevel == .none && dbsIssued == nil ? nil : DBSCheck(level: dbsLevel, issued: dbsIssued.flatMap(CalendarDate.init(parsing:))),
            consent: Consent(
                contact: row["consent_contact"], share: shareScope.flatMap(ShareScope.init(rawValue:)),
                recorded: consentRecorded.flatMap(CalendarDate.init(parsing:))),
            notes: row["notes"], memberships: try memberships(of: id, in: db))
    }

    /// Skills from every source, one per key, keeping the highest level stated.
    private static func skills(of id: VolunteerID, in db: Database) throws -> [Skill] {
        var byKey: [String: Int] = [:]
        var skills: [Skill] = []
        for row in try Row.fetchAll(
            db, sql: "SELECT * FROM volunteer_skill WHERE volunteer_id = ? ORDER BY source, position", arguments: [id])
        {
            let level: Int? = row["level"]
            var skill = Skill(written: row["written"], level: level.flatMap(SkillLevel.init(rawValue:)), qualifiedIn: row["qualified_in"])
            if let index = byKey[skill.key] {
                skill.level = [skills[index].level, skill.level].compactMap { $0 }.max()
                skill.qualifiedIn = skills[index].qualifiedIn ?? skill.qualifiedIn
                skills[index] = skill
            } else {
                byKey[skill.key] = skills.count
                skills.append(skill)
            }
        }
        return skills
    }

    /// Languages from every source, one per language, keeping the highest proficiency stated.
    private static func languages(of id: VolunteerID, in db: Database) throws -> [SpokenLanguage] {
        var byKey: [String: Int] = [:]
        var languages: [SpokenLanguage] = []
        for row in try Row.fetchAll(
            db, sql: "SELECT * FROM volunteer_language WHERE volunteer_id = ? ORDER BY source, position", arguments: [id])
        {
            let proficiency: Int? = row["proficiency"]
            let spoken = SpokenLanguage(
                language: LanguageReference(written: row["written"], code: row["code"], script: row["script"]),
                proficiency: proficiency.flatMap(Proficiency.init(rawValue:)), interprets: row["interprets"])
            let key = (spoken.language.code ?? spoken.language.written.matchingKey) + "/" + (spoken.language.script ?? "")
            if let index = byKey[key] {
                languages[index].proficiency = [languages[index].proficiency, spoken.proficiency].compactMap { $0 }.max()
                languages[index].interprets = languages[index].interprets || spoken.interprets
            } else {
                byKey[key] = languages.count
                languages.append(spoken)
            }
        }
        return languages
    }

    private static func slots(of id: VolunteerID, in db: Database) throws -> [Slot] {
        let slots = try Row.fetchAll(db, sql: "SELECT DISTINCT day, part FROM volunteer_slot WHERE volunteer_id = ?", arguments: [id])
            .compactMap { row -> Slot? in
                guard let day = Day(rawValue: row["day"]), let part = PartOfDay(rawValue: row["part"]) else { return nil }
                return Slot(day: day, part: part)
            }
        return slots.sorted()
    }

    private static func memberships(of id: VolunteerID, in db: Database) throws -> [Membership] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT n.id, n.name, m.role, m.since FROM membership m JOIN network n ON n.id = m.network_id
                WHERE m.volunteer_id = ? ORDER BY n.name_key, n.id
                """,
            arguments: [id]
        ).map { row in
            let since: String? = row["since"]
            return Membership(networkID: row["id"], networkName: row["name"], role: row["role"], since: since.flatMap(CalendarDate.init(parsing:)))
        }
    }

    /// Everyone who agreed to be contacted, loaded with five streamed queries rather than five per
    /// person: matching reads the whole directory.
    static func everyoneWhoMayBeContacted(in db: Database) throws -> [Volunteer] {
        var people: [Volunteer] = []
        var position: [VolunteerID: Int] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, name, email, phone, postcode, area, age_band, notes, dbs_level, dbs_issued, consent_share
                FROM volunteer WHERE consent_contact = 1 ORDER BY id
                """)
        while let row = try rows.next() {
            let id: VolunteerID = row[0]
            let level = DBSLevel(rawValue: row[8]) ?? DBSLevel.none
            let issued: String? = row[9]
            let ageBand: String? = row[6]
            let share: Int? = row[10]
            position[id] = people.count
            people.append(
                Volunteer(
                    id: id, name: row[1], email: row[2], phone: row[3], postcode: row[4], area: row[5],
                    ageBand: ageBand.flatMap(AgeBand.init(rawValue:)),
                    dbs: level == .none && issued == nil ? nil : DBSCheck(level: level, issued: issued.flatMap(CalendarDate.init(parsing:))),
                    consent: Consent(contact: true, share: share.flatMap(ShareScope.init(rawValue:))), notes: row[7]))
        }
        let skills = try Row.fetchCursor(
            db, sql: "SELECT volunteer_id, written, level, qualified_in FROM volunteer_skill ORDER BY volunteer_id, source, position")
        while let row = try skills.next() {
            guard let at = position[row[0]] else { continue }
            let level: Int? = row[2]
            let skill = Skill(written: row[1], level: level.flatMap(SkillLevel.init(rawValue:)), qualifiedIn: row[3])
            if let existing = people[at].skills.firstIndex(where: { $0.key == skill.key }) {
                if let new = skill.level, (people[at].skills[existing].level.map { $0 < new } ?? true) {
                    people[at].skills[existing].level = new
                }
            } else {
                people[at].skills.append(skill)
            }
        }
        let languages = try Row.fetchCursor(
            db,
            sql: "SELECT volunteer_id, written, code, script, proficiency, interprets FROM volunteer_language ORDER BY volunteer_id, source, position")
        while let row = try languages.next() {
            guard let at = position[row[0]] else { continue }
            let proficiency: Int? = row[4]
            people[at].languages.append(
                SpokenLanguage(
                    language: LanguageReference(written: row[1], code: row[2], script: row[3]),
                    proficiency: proficiency.flatMap(Proficiency.init(rawValue:)), interprets: row[5]))
        }
        let slots = try Row.fetchCursor(db, sql: "SELECT DISTINCT volunteer_id, day, part FROM volunteer_slot")
        while let row = try slots.next() {
            guard let at = position[row[0]], let day = Day(rawValue: row[1]), let part = PartOfDay(rawValue: row[2]) else { continue }
            people[at].availability.append(Slot(day: day, part: part))
        }
        let memberships = try Row.fetchCursor(
            db,
            sql: """
                SELECT m.volunteer_id, n.id, n.name, m.role, m.since FROM membership m JOIN network n ON n.id = m.network_id
                ORDER BY m.volunteer_id, n.name_key
                """)
        while let row = try memberships.next() {
            guard let at = position[row[0]] else { continue }
            let since: String? = row[4]
            people[at].memberships.append(
                Membership(networkID: row[1], networkName: row[2], role: row[3], since: since.flatMap(CalendarDate.init(parsing:))))
        }
        for index in people.indices { people[index].availability.sort() }
        return people
    }
}
