/// The most each field of an imported record may hold: the one place these limits are decided.
///
/// Every record any importer plugin reads passes ``violation(in:)`` on its way into the directory
/// (in the import pipeline), so a roster, the feed and any future plugin are held to the same
/// limits. A record over a limit is rejected with its line, the field and the limit; the rest of
/// the file imports. Without limits one 200 MB cell was stored, indexed and printed whole, and
/// every later search read it.
///
/// Text is measured in Unicode scalars (what a person counts as characters, and no way round the
/// limit with combining marks); lists in items. The limits are generous for real people and real
/// partners: the longest names in the borough's rosters are under 80 characters, RFC 5321 allows
/// an address of 254, and a page of notes is about 3,000 characters.
public enum FieldLimits {
    /// A person's, network's or partner's name, a need's title, a contact's name.
    public static let name = 300
    /// An email address (RFC 5321: 254; a little room for what people type around it).
    public static let email = 320
    /// A telephone number as written, with extension or note.
    public static let phone = 64
    /// A postcode as written.
    public static let postcode = 32
    /// A ward, neighbourhood or area.
    public static let area = 200
    /// A source's id for a person, network or need.
    public static let identifier = 200
    /// The namespace a plugin derives from a network's name or a feed's source (`roster:…`,
    /// `feed:…`): room for a name at its limit and the prefix.
    public static let source = 400
    /// A role, a network's kind, one skill or language as written.
    public static let shortText = 300
    /// Free-text notes about a volunteer, and a need's description.
    public static let notes = 32_768
    /// Skills one volunteer lists, or one need asks for.
    public static let skills = 200
    /// Languages one volunteer lists, or one need asks for.
    public static let languages = 100
    /// Availability slots of one volunteer or need (7 days × 4 parts, with room for repeats).
    public static let slots = 100
    /// Networks one record lists the person in, and the areas a network serves.
    public static let memberships = 100
    /// Members one network element may list.
    public static let members = 100_000
    /// How many volunteers one need may ask for: `voldir match` sizes its flow network by it.
    public static let places: ClosedRange<Int> = 1...1_000

    /// One field over its limit, said the way a rejection reads.
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        /// The field, as a coordinator knows it (`name`, `notes`, `skill`, `places`).
        public var field: String
        /// The most accepted: characters for text, items for lists, the highest number for a count.
        public var limit: Int
        /// The whole sentence: the field, the start of the offending value in quotes, its size and the limit.
        public var description: String
    }

    /// The first field of `record` over its limit, or `nil` when every field is within them.
    public static func violation(in record: ImportRecord) -> Violation? {
        var check = Check()
        switch record {
        case .volunteer(let volunteer): check.volunteer(volunteer)
        case .network(let network): check.network(network)
        case .need(let need): check.need(need)
        case .withdrawal(let withdrawal):
            check.text(withdrawal.source, "source", FieldLimits.source)
            check.text(withdrawal.volunteerRef, "volunteer ref", FieldLimits.identifier)
        }
        return check.found
    }

    /// Reads a number of places, checking it against ``places``: the one message for every plugin.
    public static func places(from text: String) throws(FieldError) -> Int {
        let trimmed = text.trimmingWhitespace()
        guard let number = Int(trimmed), places.contains(number) else { throw FieldError(placesProblem(trimmed)) }
        return number
    }

    private static func placesProblem(_ text: String) -> String {
        "places '\(excerpt(of: text))' is not a whole number from \(places.lowerBound) to \(places.upperBound.grouped)"
    }

    /// The first `length` characters of `text` (40 unless told), with an ellipsis when there is
    /// more: enough to find a value in the file without printing all of it.
    public static func excerpt(of text: String, length: Int = 40) -> String {
        let head = text.unicodeScalars.prefix(length + 1)
        guard head.count > length else { return text }
        return String(String.UnicodeScalarView(head.prefix(length))) + "…"
    }

    // MARK: - Checking

    /// Walks a record's fields, keeping the first over its limit.
    private struct Check {
        var found: Violation?

        mutating func volunteer(_ record: VolunteerRecord) {
            text(record.source, "source", FieldLimits.source)
            text(record.externalID, "id", FieldLimits.identifier)
            text(record.name, "name", FieldLimits.name)
            text(record.email, "email", FieldLimits.email)
            text(record.phone, "phone", FieldLimits.phone)
            text(record.postcode, "postcode", FieldLimits.postcode)
            text(record.area, "area", FieldLimits.area)
            text(record.notes, "notes", FieldLimits.notes)
            list(record.skills.count, "skills", FieldLimits.skills)
            for skill in record.skills { text(skill.written, "skill", FieldLimits.shortText) }
            list(record.languages.count, "languages", FieldLimits.languages)
            for spoken in record.languages { text(spoken.language.written, "language", FieldLimits.shortText) }
            list(record.availability.count, "availability", FieldLimits.slots)
            list(record.memberships.count, "networks", FieldLimits.memberships)
            for membership in record.memberships {
                reference(membership.network)
                text(membership.role, "role", FieldLimits.shortText)
            }
        }

        mutating func network(_ record: NetworkRecord) {
            text(record.source, "source", FieldLimits.source)
            text(record.externalID, "network id", FieldLimits.identifier)
            text(record.name, "network name", FieldLimits.name)
            text(record.kind, "network kind", FieldLimits.shortText)
            list(record.areas.count, "network areas", FieldLimits.memberships)
            for served in record.areas { text(served, "network area", FieldLimits.area) }
            text(record.contact?.name, "contact name", FieldLimits.name)
            text(record.contact?.email, "contact email", FieldLimits.email)
            text(record.contact?.phone, "contact phone", FieldLimits.phone)
            list(record.members.count, "network members", FieldLimits.members)
            for member in record.members {
                text(member.volunteerRef, "member ref", FieldLimits.identifier)
                text(member.role, "member role", FieldLimits.shortText)
            }
        }

        mutating func need(_ need: Need) {
            text(need.id, "need id", FieldLimits.identifier)
            text(need.partner, "partner", FieldLimits.name)
            text(need.title, "title", FieldLimits.name)
            text(need.description, "description", FieldLimits.notes)
            text(need.postcode, "postcode", FieldLimits.postcode)
            text(need.area, "area", FieldLimits.area)
            list(need.skills.count, "skills", FieldLimits.skills)
            for requirement in need.skills { text(requirement.skill.written, "skill", FieldLimits.shortText) }
            list(need.languages.count, "languages", FieldLimits.languages)
            for requirement in need.languages { text(requirement.language.written, "language", FieldLimits.shortText) }
            list(need.slots.count, "when", FieldLimits.slots)
            if found == nil, !FieldLimits.places.contains(need.places) {
                found = Violation(
                    field: "places", limit: FieldLimits.places.upperBound,
                    description: placesProblem(String(need.places)))
            }
        }

        mutating func reference(_ network: NetworkReference) {
            text(network.externalID, "network id", FieldLimits.identifier)
            text(network.name, "network name", FieldLimits.name)
        }

        mutating func text(_ value: String?, _ field: String, _ limit: Int) {
            // A string holds at least as many UTF-8 bytes as scalars: most values stop here, uncounted.
            guard found == nil, let value, value.utf8.count > limit else { return }
            let size = value.unicodeScalars.count
            guard size > limit else { return }
            found = Violation(
                field: field, limit: limit,
                description:
                    "\(field) '\(excerpt(of: value))' is \(size.grouped) characters long; at most \(limit.grouped) are accepted"
            )
        }

        mutating func list(_ count: Int, _ field: String, _ limit: Int) {
            guard found == nil, count > limit else { return }
            found = Violation(
                field: field, limit: limit,
                description: "\(field) lists \(count.grouped) items; at most \(limit.grouped) are accepted")
        }
    }
}
