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

    /// Everyone who agreed to be contacted, loaded with five queries rather than five per person.
    static func everyoneWhoMayBeContacted(in db: Database) throws -> [Volunteer] {
        var people: [VolunteerID: Volunteer] = [:]
        var order: [VolunteerID] = []
        for row in try Row.fetchAll(db, sql: "SELECT * FROM volunteer WHERE consent_contact = 1 ORDER BY id") {
            let id: VolunteerID = row["id"]
            let level = DBSLevel(rawValue: row["dbs_level"]) ?? DBSLevel.none
            let issued: String? = row["dbs_issued"]
            let ageBand: String? = row["age_band"]
            let share: Int? = row["consent_share"]
            people[id] = Volunteer(
                id: id, name: row["name"], email: row["email"], phone: row["phone"], postcode: row["postcode"], area: row["area"],
                ageBand: ageBand.flatMap(AgeBand.init(rawValue:)),
                dbs: level == .none && issued == nil ? nil : DBSCheck(level: level, issued: issued.flatMap(CalendarDate.init(parsing:))),
                consent: Consent(contact: true, share: share.flatMap(ShareScope.init(rawValue:))), notes: row["notes"])
            order.append(id)
        }
        let consenting = "volunteer_id IN (SELECT id FROM volunteer WHERE consent_contact = 1)"
        var seenSkills: [VolunteerID: Set<String>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM volunteer_skill WHERE \(consenting) ORDER BY volunteer_id, source, position") {
            let id: VolunteerID = row["volunteer_id"]
            let level: Int? = row["level"]
            let skill = Skill(written: row["written"], level: level.flatMap(SkillLevel.init(rawValue:)), qualifiedIn: row["qualified_in"])
            guard seenSkills[id, default: []].insert(skill.key).inserted else {
                if let index = people[id]?.skills.firstIndex(where: { $0.key == skill.key }), let new = skill.level,
                    (people[id]?.skills[index].level).map({ $0 < new }) ?? true
                {
                    people[id]?.skills[index].level = new
                }
                continue
            }
            people[id]?.skills.append(skill)
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM volunteer_language WHERE \(consenting) ORDER BY volunteer_id, source, position") {
            let id: VolunteerID = row["volunteer_id"]
            let proficiency: Int? = row["proficiency"]
            people[id]?.languages.append(
                SpokenLanguage(
                    language: LanguageReference(written: row["written"], code: row["code"], script: row["script"]),
                    proficiency: proficiency.flatMap(Proficiency.init(rawValue:)), interprets: row["interprets"]))
        }
        for row in try Row.fetchAll(db, sql: "SELECT DISTINCT volunteer_id, day, part FROM volunteer_slot WHERE \(consenting)") {
            let id: VolunteerID = row["volunteer_id"]
            if let day = Day(rawValue: row["day"]), let part = PartOfDay(rawValue: row["part"]) {
                people[id]?.availability.append(Slot(day: day, part: part))
            }
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT m.volunteer_id, n.id, n.name, m.role, m.since FROM membership m JOIN network n ON n.id = m.network_id
                WHERE m.\(consenting) ORDER BY m.volunteer_id, n.name_key
                """)
        {
            let id: VolunteerID = row["volunteer_id"]
            let since: String? = row["since"]
            people[id]?.memberships.append(
                Membership(networkID: row["id"], networkName: row["name"], role: row["role"], since: since.flatMap(CalendarDate.init(parsing:))))
        }
        return order.compactMap { id in
            people[id].map { person in
                var sorted = person
                sorted.availability.sort()
                return sorted
            }
        }
    }
}
