/// The names of feed version 1 (sector3-feed.md).
enum Feed {
    /// The namespace every feed element is in, with a prefix or as the default namespace.
    static let namespace = "urn:sector3:network-feed:1"

    /// The elements directly inside `feed` that carry records.
    enum Record: String, CaseIterable {
        case network, volunteer, opportunity, withdrawn
    }

    /// The child elements version 1 defines, by the path of their parent below `feed` (`volunteer/skills`).
    /// A parent not listed has text only. Anything else, of this namespace or another, is a later
    /// version's field, which the importer skips and `voldir validate` reports as a warning.
    /// `volunteer/area` is not in the specification's table but the importer reads it, like `opportunity/area`.
    static let knownChildren: [String: Set<String>] = [
        "network": ["name", "kind", "area", "contact", "member"],
        "network/contact": ["name", "email", "phone"],
        "volunteer": [
            "name", "email", "phone", "postcode", "area", "age-band", "skills", "languages", "availability", "checks",
            "consent",
        ],
        "volunteer/name": ["given", "family"],
        "volunteer/skills": ["skill"],
        "volunteer/languages": ["language"],
        "volunteer/availability": ["slot"],
        "volunteer/checks": ["dbs"],
        "opportunity": [
            "title", "description", "needs-skill", "needs-language", "postcode", "area", "when", "places", "dbs",
        ],
    ]

    /// The unqualified attributes version 1 defines, by the path of their element (`feed` for the root).
    static let knownAttributes: [String: Set<String>] = [
        "feed": ["version", "sequence", "generated", "source"],
        "network": ["id", "updated"],
        "network/member": ["ref", "role", "since"],
        "volunteer": ["id", "updated"],
        "volunteer/skills/skill": ["level", "qualified-in"],
        "volunteer/languages/language": ["code", "proficiency", "interprets"],
        "volunteer/availability/slot": ["day", "part"],
        "volunteer/checks/dbs": ["level", "issued"],
        "volunteer/consent": ["contact", "share", "recorded"],
        "opportunity": ["id", "partner", "updated"],
        "opportunity/needs-skill": ["required"],
        "opportunity/needs-language": ["code", "required", "proficiency"],
        "opportunity/when": ["day", "part"],
        "opportunity/dbs": ["level"],
        "withdrawn": ["ref", "on"],
    ]
}
