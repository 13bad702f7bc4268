import Foundation
import VolunteerDirectory

/// The rows of the people an import creates, held until the writer next speaks to the server
/// and then sent with one `COPY` per table: a new person costs no round trip of their own.
///
/// A new person's row, listing, skills, languages, availability and full-text row say only what
/// their one record says, so they are known whole when the record is saved; the merged fields
/// (consent, DBS) of one listing are that listing's own. The skill keys the taxonomy maps are
/// written with an `INSERT … ON CONFLICT DO NOTHING`, since another import may map a key first.
struct NewPeopleRows {
    private(set) var volunteers = CopyRows(
        table: "volunteer",
        columns: [
            "id", "name", "name_key", "email", "email_key", "phone", "phone_key", "postcode", "postcode_district",
            "area", "area_key", "age_band", "notes", "consent_contact", "consent_share", "consent_recorded",
            "dbs_level", "dbs_issued", "last_seen",
        ])
    private(set) var listings = CopyRows(
        table: "listing",
        columns: [
            "source_id", "listing_id", "fingerprint", "consent_contact", "consent_share", "consent_recorded",
            "dbs_level", "dbs_issued", "volunteer_id", "listed_batch", "listed_as_of", "name_key", "email_key",
            "phone_key", "first_batch", "dbs_update_service",
        ])
    private(set) var skills = CopyRows(
        table: "volunteer_skill",
        columns: ["volunteer_id", "source_id", "position", "written", "key", "level", "qualified_in"])
    private(set) var languages = CopyRows(
        table: "volunteer_language",
        columns: [
            "volunteer_id", "source_id", "position", "written", "written_key", "code", "script", "proficiency",
            "interprets",
        ])
    private(set) var availability = CopyRows(
        table: "volunteer_availability", columns: ["volunteer_id", "source_id", "slots"])
    private(set) var text = CopyRows(table: "volunteer_text", columns: ["volunteer_id", "name", "skills", "notes"])
    /// Skill keys to map: each key's concepts and kinds (one empty row when the taxonomy knows
    /// none), in the order first seen.
    private(set) var mappings: (keys: [String], concepts: [String], kinds: [String]) = ([], [], [])

    /// The tables in the order their rows must be sent: a person before what refers to them.
    var tables: [CopyRows] { [volunteers, listings, skills, languages, availability, text] }

    var isEmpty: Bool { volunteers.isEmpty && mappings.keys.isEmpty }

    /// Holds everything `record` says of the new person `id`, listed by `source` under
    /// `listingID` in `batch`, seen at `seenAt` (a `timestamptz` field).
    mutating func add(
        _ id: VolunteerID, record: VolunteerRecord, keys: VolunteerKeys, listing: (source: Int64, id: String),
        fingerprint: String, batch: (batch: Int64, asOf: Int64), seenAt: String
    ) {
        let contact = record.consent.contact
        let share = record.consent.share.map { Int64($0.rawValue) }
        let recorded = record.consent.recorded?.description
        let dbsIssued = record.dbs?.issued?.description

        volunteers.field(id)
        for value in [
            record.name, keys.name, record.email, keys.email, record.phone, keys.phone, keys.postcode, keys.district,
            record.area, keys.area, record.ageBand?.rawValue, record.notes,
        ] {
            volunteers.field(value)
        }
        volunteers.field(flag: contact)
        volunteers.field(share)
        volunteers.field(recorded)
        volunteers.field(Int64(record.dbs?.level.rawValue ?? 0))
        volunteers.field(dbsIssued)
        volunteers.field(seenAt)
        volunteers.endRow()

        listings.field(listing.source)
        listings.field(listing.id)
        listings.field(fingerprint)
        listings.field(flag: contact)
        listings.field(share)
        listings.field(recorded)
        listings.field(record.dbs.map { Int64($0.level.rawValue) })
        listings.field(dbsIssued)
        listings.field(id)
        listings.field(batch.batch)
        listings.field(batch.asOf)
        listings.field(keys.name)
        listings.field(keys.email)
        listings.field(keys.phone)
        listings.field(batch.batch)
        listings.field(flag: record.dbs?.updateService)
        listings.endRow()

        for (position, skill) in record.skills.enumerated() {
            skills.field(id)
            skills.field(listing.source)
            skills.field(Int64(position))
            skills.field(skill.written)
            skills.field(skill.key)
            skills.field(skill.level.map { Int64($0.rawValue) })
            skills.field(skill.qualifiedIn)
            skills.endRow()
        }
        for (position, (spoken, writtenKey)) in zip(record.languages, keys.languages).enumerated() {
            languages.field(id)
            languages.field(listing.source)
            languages.field(Int64(position))
            languages.field(spoken.language.written)
            languages.field(writtenKey)
            languages.field(spoken.language.code)
            languages.field(spoken.language.script)
            languages.field(spoken.proficiency.map { Int64($0.rawValue) })
            languages.field(flag: spoken.interprets)
            languages.endRow()
        }
        if !record.availability.isEmpty {
            availability.field(id)
            availability.field(listing.source)
            availability.field(StoredSlots.bits(of: record.availability))
            availability.endRow()
        }
        // As PostgresFullText writes it: the written skills in order, joined as string_agg joins them.
        text.field(id)
        text.field(PostgresFullText.indexed(record.name))
        text.field(PostgresFullText.indexed(record.skills.isEmpty ? nil : record.skills.map(\.written).joined(separator: " ; ")))
        text.field(PostgresFullText.indexed(record.notes))
        text.endRow()
    }

    /// Holds what `taxonomy` makes of `key`, to be mapped unless the directory maps it already.
    mutating func map(_ key: String, by taxonomy: SkillTaxonomy) {
        let understood = taxonomy.understand(key)
        for (concept, kind) in understood.isEmpty ? [("", "")] : understood.map({ ($0.concept, $0.kind.rawValue) }) {
            mappings.keys.append(key)
            mappings.concepts.append(concept)
            mappings.kinds.append(kind)
        }
    }

    /// Forgets every row held, keeping the memory for the next.
    mutating func removeAll() {
        volunteers.removeAll()
        listings.removeAll()
        skills.removeAll()
        languages.removeAll()
        availability.removeAll()
        text.removeAll()
        mappings = ([], [], [])
    }
}
