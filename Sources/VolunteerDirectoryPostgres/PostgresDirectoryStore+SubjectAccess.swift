import Foundation
import PostgresNIO
import VolunteerDirectory

/// Subject access: every listing of a person, with what its source said.
extension PostgresDirectoryStore: SubjectAccessStore {
    /// The listings in the order SQLite gives them (first import, a listing never stamped with
    /// one first; then source and listing id byte by byte), each with its skills and languages as
    /// written: three queries, however many sources list the person.
    public func sourceListings(of volunteer: VolunteerID) throws -> [SourceListing] {
        try connections.withConnection { connection in
            var skills: [Int64: [SourceListing.WrittenSkill]] = [:]
            for row in try connection.run(
                """
                SELECT source_id, written, level FROM volunteer_skill WHERE volunteer_id = \(volunteer)
                ORDER BY source_id, position
                """)
            {
                let (source, written, level) = try row.decode((Int64, String, Int64?).self)
                skills[source, default: []].append(
                    SourceListing.WrittenSkill(
                        written: written, level: level.flatMap { SkillLevel(rawValue: Int($0)) }?.description,
                        understood: taxonomy.understand(written).map { "\($0.concept) (\($0.kind.rawValue))" }))
            }
            var languages: [Int64: [SourceListing.WrittenLanguage]] = [:]
            for row in try connection.run(
                """
                SELECT source_id, written, code, script, proficiency, interprets FROM volunteer_language
                WHERE volunteer_id = \(volunteer) ORDER BY source_id, position
                """)
            {
                let (source, written, code, script, proficiency, interprets) = try row.decode(
                    (Int64, String, String?, String?, Int64?, Int64).self)
                let reference = LanguageReference(written: written, code: code, script: script)
                languages[source, default: []].append(
                    SourceListing.WrittenLanguage(
                        written: reference.written, code: reference.code, understood: reference.displayName(),
                        proficiency: proficiency.flatMap { Proficiency(rawValue: Int($0)) }?.description,
                        interprets: interprets != 0))
            }
            return try connection.run(
                """
                SELECT l.source_id, s.name, l.listing_id, l.consent_contact, l.consent_share, l.consent_recorded,
                  l.dbs_level, l.dbs_issued, l.dbs_update_service,
                  f.file_name, f.imported_at, b.file_name, b.imported_at
                FROM listing l JOIN source s ON s.id = l.source_id
                LEFT JOIN import_batch f ON f.id = l.first_batch
                LEFT JOIN import_batch b ON b.id = l.listed_batch
                WHERE l.volunteer_id = \(volunteer)
                ORDER BY l.first_batch NULLS FIRST, s.name COLLATE "C", l.listing_id COLLATE "C"
                """
            ).map { row in
                let (
                    sourceID, source, listingID, contact, share, recorded, level, issued, updateService, firstFile,
                    firstAt, lastFile, lastAt
                ) = try row.decode(
                    (
                        Int64, String, String, Int64?, Int64?, String?, Int64?, String?, Int64?, String?, Date?,
                        String?, Date?
                    ).self)
                return SourceListing(
                    source: source, listingID: listingID,
                    firstImport: Self.sourceImport(file: firstFile, at: firstAt),
                    lastImport: Self.sourceImport(file: lastFile, at: lastAt),
                    consent: Consent(
                        contact: contact.map { $0 != 0 }, share: share.flatMap { ShareScope(rawValue: Int($0)) },
                        recorded: recorded.flatMap(CalendarDate.init(parsing:))),
                    dbs: level.flatMap { DBSLevel(rawValue: Int($0)) }.map {
                        DBSCheck(
                            level: $0, issued: issued.flatMap(CalendarDate.init(parsing:)),
                            updateService: updateService.map { $0 != 0 })
                    },
                    skills: skills[sourceID] ?? [], languages: languages[sourceID] ?? [])
            }
        }
    }

    /// An import a listing names, when its batch is still there.
    private static func sourceImport(file: String?, at: Date?) -> SourceListing.Import? {
        guard let file, let at else { return nil }
        return SourceListing.Import(file: file, importedAt: at)
    }
}
