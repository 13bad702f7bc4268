import VolunteerDirectory

/// The columns a volunteer roster or a needs sheet can carry, with the header spellings seen in
/// real exports (rosters-csv.md). Headers are compared by ``Swift/String/compactKey``, after
/// dropping a trailing `(s)`.
public enum RosterField: String, CaseIterable, Sendable {
    // Volunteer rosters
    case id, name, givenName, familyName, email, phone, postcode, area, network, role, skills, languages, availability
    case dbs, dbsUpdateService, consent, ageBand, notes
    // Needs
    case partner, title, description, requiredSkills, preferredSkills, requiredLanguages, preferredLanguages, when,
        places

    /// The spellings of the header, as the spec lists them (and the field's own name).
    public var spellings: [String] {
        switch self {
        case .id: ["id", "ref", "member id", "volunteer id", "need id", "request id"]
        case .name: ["name", "full name", "volunteer name", "member name"]
        case .givenName: ["first name", "given name", "forename", "given"]
        case .familyName: ["last name", "surname", "family name", "family"]
        case .email: ["email", "e-mail", "email address"]
        case .phone: ["phone", "telephone", "mobile", "tel", "phone number", "contact number"]
        case .postcode: ["postcode", "post code", "postal code", "zip"]
        case .area: ["area", "ward", "neighbourhood"]
        case .network: ["network", "group", "organisation", "organization"]
        case .role: ["role", "position"]
        case .skills: ["skills", "skills & qualifications", "skills and qualifications", "qualifications", "expertise"]
        case .languages: ["languages", "languages spoken", "language", "other languages"]
        case .availability: ["availability", "available", "when available"]
        case .dbs: ["dbs", "dbs check", "dbs level", "dbs required"]
        case .dbsUpdateService: ["dbs update service", "update service"]
        case .consent: ["consent", "happy to be contacted", "contact ok"]
        case .ageBand: ["age", "age band", "age group"]
        case .notes: ["notes", "comments"]
        case .partner: ["partner", "organisation", "organization", "requested by"]
        case .title: ["title", "need", "role", "opportunity"]
        case .description: ["description", "details"]
        case .requiredSkills: ["skills required", "required skills", "must have skills"]
        case .preferredSkills: ["skills preferred", "preferred skills", "nice to have"]
        case .requiredLanguages: ["languages required", "required languages"]
        case .preferredLanguages: ["languages preferred", "preferred languages"]
        case .when: ["when", "schedule", "times"]
        case .places: ["places", "volunteers needed", "number needed"]
        }
    }

    /// The fields a sheet of this kind reads.
    public static func fields(for kind: RecordKind) -> [RosterField] {
        switch kind {
        case .volunteers:
            [
                .id, .name, .givenName, .familyName, .email, .phone, .postcode, .area, .network, .role, .skills,
                .languages,
                .availability, .dbs, .dbsUpdateService, .consent, .ageBand, .notes,
            ]
        case .needs:
            [
                .id, .partner, .title, .description, .requiredSkills, .preferredSkills, .requiredLanguages,
                .preferredLanguages, .postcode, .area, .when, .places, .dbs,
            ]
        }
    }

    /// Headers only one kind of sheet has, which tell the kinds apart.
    public static func telltales(for kind: RecordKind) -> Set<String> {
        let words: [String] =
            switch kind {
            case .volunteers:
                RosterField.name.spellings + RosterField.givenName.spellings + RosterField.familyName.spellings
                    + RosterField.email.spellings + RosterField.phone.spellings + RosterField.skills.spellings
                    + RosterField.languages.spellings + RosterField.availability.spellings + ["consent"]
            case .needs:
                ["partner", "requested by", "title", "opportunity", "need"] + RosterField.requiredSkills.spellings
                    + RosterField.preferredSkills.spellings + RosterField.requiredLanguages.spellings
                    + RosterField.preferredLanguages.spellings + RosterField.places.spellings
            }
        return Set(words.map(RosterField.headerKey))
    }

    /// How a header is compared: letters and digits only, lower case, without a trailing `(s)`.
    public static func headerKey(_ header: String) -> String {
        var text = header.trimmingWhitespace()
        if text.lowercased().hasSuffix("(s)") { text = String(text.dropLast(3)) }
        return text.compactKey
    }

    /// The field a header names in a sheet of `kind`, if any.
    public static func field(forHeader header: String, kind: RecordKind) -> RosterField? {
        let key = headerKey(header)
        guard !key.isEmpty else { return nil }
        return fields(for: kind).first { field in
            field.rawValue.lowercased() == key || field.spellings.contains { headerKey($0) == key }
        }
    }
}
