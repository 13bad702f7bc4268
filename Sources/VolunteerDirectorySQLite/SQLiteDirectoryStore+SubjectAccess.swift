import Foundation
import GRDB
import VolunteerDirectory

/// Subject access: every listing of a person, with what its source said.
extension SQLiteDirectoryStore: SubjectAccessStore {
    public func sourceListings(of volunteer: VolunteerID) throws -> [SourceListing] {
        try reader.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT l.source_id, s.name AS source, l.listing_id, l.consent_contact, l.consent_share,
                      l.consent_recorded,
                      l.dbs_level, l.dbs_issued, l.dbs_update_service,
                      f.file_name AS first_file, f.imported_at AS first_at,
                      b.file_name AS last_file, b.imported_at AS last_at
                    FROM listing l JOIN source s ON s.id = l.source_id
                    LEFT JOIN import_batch f ON f.id = l.first_batch
                    LEFT JOIN listing_stamp st ON st.listing_row = l.rowid
                    LEFT JOIN import_batch b ON b.id = st.batch
                    WHERE l.volunteer_id = ? ORDER BY l.first_batch, s.name, l.listing_id
                    """, arguments: [volunteer])
            return try rows.map { row in
                let sourceID: Int64 = row["source_id"]
                let skills = try Row.fetchAll(
                    db,
                    sql:
                        """
                        SELECT written, level FROM volunteer_skill WHERE volunteer_id = ? AND source_id = ?
                        ORDER BY position
                        """,
                    arguments: [volunteer, sourceID]
                ).map { skill in
                    let written: String = skill["written"]
                    let level: Int? = skill["level"]
                    return SourceListing.WrittenSkill(
                        written: written, level: level.flatMap(SkillLevel.init(rawValue:))?.description,
                        understood: taxonomy.understand(written).map { "\($0.concept) (\($0.kind.rawValue))" })
                }
                let languages = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT written, code, script, proficiency, interprets FROM volunteer_language
                        WHERE volunteer_id = ? AND source_id = ? ORDER BY position
                        """, arguments: [volunteer, sourceID]
                ).map { language in
                    let reference = LanguageReference(
                        written: language["written"], code: language["code"], script: language["script"])
                    let proficiency: Int? = language["proficiency"]
                    return SourceListing.WrittenLanguage(
                        written: reference.written, code: reference.code, understood: reference.displayName(),
                        proficiency: proficiency.flatMap(Proficiency.init(rawValue:))?.description,
                        interprets: language["interprets"])
                }
                let share: Int? = row["consent_share"]
                let recorded: String? = row["consent_recorded"]
                let level: Int? = row["dbs_level"]
                let issued: String? = row["dbs_issued"]
                let firstFile: String? = row["first_file"]
                let lastFile: String? = row["last_file"]
                return SourceListing(
                    source: row["source"], listingID: row["listing_id"],
                    firstImport: firstFile.map { SourceListing.Import(file: $0, importedAt: row["first_at"]) },
                    lastImport: lastFile.map { SourceListing.Import(file: $0, importedAt: row["last_at"]) },
                    consent: Consent(
                        contact: row["consent_contact"], share: share.flatMap(ShareScope.init(rawValue:)),
                        recorded: recorded.flatMap(CalendarDate.init(parsing:))),
                    dbs: level.flatMap(DBSLevel.init(rawValue:)).map {
                        DBSCheck(
                            level: $0, issued: issued.flatMap(CalendarDate.init(parsing:)),
                            updateService: row["dbs_update_service"])
                    },
                    skills: skills, languages: languages)
            }
        }
    }
}
