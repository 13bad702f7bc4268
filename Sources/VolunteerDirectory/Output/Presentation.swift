import Foundation

/// How volunteers, networks and needs are printed in each ``OutputFormat``; the JSON shapes here
/// are the ones scripts rely on, so change them only by adding fields.
public enum Presentation {
    // MARK: - Volunteers

    /// A volunteer as JSON: `id`, `name`, `email`, `phone`, `postcode`, `skills` `[{name, level}]`,
    /// `languages` `[{code, name, proficiency, interprets}]`, `networks` `[names]`, and more.
    public struct VolunteerJSON: Codable, Sendable, Equatable {
        /// A skill as written, with its level and where it was gained.
        public struct SkillJSON: Codable, Sendable, Equatable {
            /// The skill as written.
            public var name: String
            /// `basic`, `experienced` or `professional`, when stated.
            public var level: String?
            /// The ISO 3166 country the qualification was gained in.
            public var qualifiedIn: String?
        }
        public struct LanguageJSON: Codable, Sendable, Equatable {
            public var code: String?
            public var name: String
            public var written: String
            public var script: String?
            public var proficiency: String?
            public var interprets: Bool
        }
        public var id: VolunteerID
        public var name: String
        public var email: String?
        public var phone: String?
        public var postcode: String?
        public var area: String?
        public var ageBand: String?
        public var skills: [SkillJSON]
        public var languages: [LanguageJSON]
        public var availability: [String]
        public var dbs: String?
        public var dbsIssued: String?
        public var consentToContact: Bool?
        public var shareWith: String?
        public var networks: [String]
        /// Whether any roster or feed lists them now; `false` once every one has let them go.
        public var listed: Bool
        public var notes: String?
        public var score: Double?
        /// For search results: the weakest way the skills and languages asked for are met
        /// (`exact`, `synonym`, `narrower`, `related`).
        public var match: SkillMatchKind?
        /// For search results: how each skill and language asked for is met.
        public var matched: [MatchedTerm]?

        /// The JSON form of a volunteer.
        public init(
            _ volunteer: Volunteer, score: Double? = nil, matched: [MatchedTerm]? = nil,
            catalogue: LanguageCatalogue = .shared
        ) {
            id = volunteer.id
            name = volunteer.name
            email = volunteer.email
            phone = volunteer.phone
            postcode = volunteer.postcode
            area = volunteer.area
            ageBand = volunteer.ageBand?.rawValue
            skills = volunteer.skills.map {
                SkillJSON(name: $0.written, level: $0.level?.description, qualifiedIn: $0.qualifiedIn)
            }
            languages = volunteer.languages.map {
                LanguageJSON(
                    code: $0.language.code, name: $0.language.displayName(catalogue: catalogue),
                    written: $0.language.written,
                    script: $0.language.script, proficiency: $0.proficiency?.description, interprets: $0.interprets)
            }
            availability = volunteer.availability.map(\.description)
            dbs = volunteer.dbs?.level.description
            dbsIssued = volunteer.dbs?.issued?.description
            consentToContact = volunteer.consent.contact
            shareWith = volunteer.consent.share?.description
            networks = volunteer.memberships.map(\.networkName)
            listed = volunteer.isListed
            notes = volunteer.notes
            self.score = score
            if let matched, !matched.isEmpty {
                self.matched = matched
                self.match = matched.weakestMatch
            }
        }

        /// The JSON form of a search result: its score rounded to three places, and how it met
        /// the skills and languages asked for.
        public init(_ match: VolunteerMatch) {
            self.init(match.volunteer, score: (match.score * 1000).rounded() / 1000, matched: match.matched)
        }
    }

    /// Search results in the chosen format. The JSON is the bytes ``json(_:)`` writes for
    /// `[VolunteerJSON]`, written by `JSONWriter` without `JSONEncoder` (a server writes it
    /// for every `/api/search`).
    public static func volunteers(_ matches: [VolunteerMatch], as format: OutputFormat) throws -> String {
        switch format {
        case .json:
            // About 1 KB per volunteer, so the buffer seldom grows.
            return try JSONWriter.document(matches.map(VolunteerJSON.init), capacity: 1_024 * (matches.count + 1))
        case .table:
            let explained = matches.contains { !$0.matched.isEmpty }
            return TextTable(
                headers: ["ID", "NAME", "NETWORKS", "SKILLS", "LANGUAGES", "POSTCODE", "DBS"]
                    + (explained ? ["MATCH"] : []),
                rows: matches.map { volunteerCells($0.volunteer) + (explained ? [matchText($0.matched)] : []) }
            ).rendered(maximumWidth: 40)
        case .csv:
            return CSVWriter.document(
                headers: [
                    "id", "name", "email", "phone", "postcode", "area", "networks", "skills", "languages",
                    "availability", "dbs", "match",
                ],
                rows: matches.map { match in
                    let v = match.volunteer
                    return [
                        String(v.id), v.name, v.email ?? "", v.phone ?? "", v.postcode ?? "", v.area ?? "",
                        v.memberships.map(\.networkName).joined(separator: "; "), skillsText(v), languagesText(v),
                        v.availability.map(\.description).joined(separator: "; "), v.dbs?.level.description ?? "",
                        matchText(match.matched),
                    ]
                })
        }
    }

    /// One volunteer in full, for `voldir show`.
    public static func volunteer(_ volunteer: Volunteer, as format: OutputFormat) throws -> String {
        switch format {
        case .json:
            return try JSONWriter.document(VolunteerJSON(volunteer))
        case .csv:
            return try volunteers([VolunteerMatch(volunteer: volunteer, score: 0)], as: .csv)
        case .table:
            let v = volunteer
            let lines: [(String, String?)] = [
                ("ID", String(v.id)), ("Name", v.name), ("Email", v.email), ("Phone", v.phone),
                ("Postcode", v.postcode),
                ("Area", v.area), ("Age band", v.ageBand?.rawValue),
                (
                    "Networks",
                    v.memberships.map { m in m.role.map { "\(m.networkName) (\($0))" } ?? m.networkName }.joined(
                        separator: "; ")
                ),
                ("Skills", skillsText(v)), ("Languages", languagesText(v)),
                ("Available", v.availability.map(\.spokenDescription).joined(separator: "; ")),
                ("DBS", v.dbs.map { d in d.issued.map { "\(d.level) (issued \($0))" } ?? d.level.description }),
                ("Contact", v.consent.contact.map { $0 ? "agreed" : "declined" } ?? "not recorded"),
                ("Share with", v.consent.share?.description), ("Notes", v.notes),
                ("Rosters", v.isListed ? nil : "no longer on any roster; kept until the retention rules remove them"),
            ]
            return lines.compactMap { label, value in
                guard let value, !value.isEmpty else { return nil }
                // Line breaks in notes stay; every other control character is shown, not obeyed.
                return label.padding(toLength: 11, withPad: " ", startingAt: 0)
                    + value.escapingControlCharacters(keeping: ["\n", "\t"])
            }.joined(separator: "\n")
        }
    }

    private static func volunteerCells(_ v: Volunteer) -> [String] {
        [
            String(v.id), v.name, v.memberships.map(\.networkName).joined(separator: "; "), skillsText(v),
            languagesText(v),
            v.postcode ?? v.area ?? "", v.dbs?.level.description ?? "",
        ]
    }

    private static func skillsText(_ v: Volunteer) -> String {
        v.skills.map(\.displayText).joined(separator: "; ")
    }

    /// `accountancy: synonym (ACCA qualified); Kurdish: narrower (Sorani)`.
    private static func matchText(_ terms: [MatchedTerm]) -> String {
        terms.map { "\($0.asked): \($0.match.rawValue)" + ($0.match == .exact ? "" : " (\($0.written))") }.joined(
            separator: "; ")
    }

    private static func languagesText(_ v: Volunteer) -> String {
        v.languages.map { l in
            var details = [
                l.language.script.map { "\($0) script" }, l.proficiency?.description, l.interprets ? "interprets" : nil,
            ]
            .compactMap { $0 }
            if l.language.code == nil { details.append("unrecognised") }
            let name = l.language.displayName()
            return details.isEmpty ? name : "\(name) (\(details.joined(separator: ", ")))"
        }.joined(separator: "; ")
    }

    // MARK: - Networks

    /// A network as JSON.
    public struct NetworkJSON: Codable, Sendable, Equatable {
        public var id: NetworkID
        public var externalID: String?
        public var name: String
        public var kind: String?
        public var areas: [String]
        public var members: Int
    }

    /// Networks in the chosen format.
    public static func networks(_ networks: [Network], as format: OutputFormat) throws -> String {
        switch format {
        case .json:
            return try json(
                networks.map {
                    NetworkJSON(
                        id: $0.id, externalID: $0.externalID, name: $0.name, kind: $0.kind, areas: $0.areas,
                        members: $0.memberCount)
                })
        case .table:
            return TextTable(
                headers: ["ID", "NAME", "KIND", "AREAS", "MEMBERS"],
                rows: networks.map {
                    [String($0.id), $0.name, $0.kind ?? "", $0.areas.joined(separator: "; "), String($0.memberCount)]
                }
            ).rendered()
        case .csv:
            return CSVWriter.document(
                headers: ["id", "external_id", "name", "kind", "areas", "members"],
                rows: networks.map {
                    [
                        String($0.id), $0.externalID ?? "", $0.name, $0.kind ?? "", $0.areas.joined(separator: "; "),
                        String($0.memberCount),
                    ]
                })
        }
    }

    // MARK: - Needs

    /// A need as JSON: `id` as the source gave it, `partner`, `title`, requirements and `places`.
    public struct NeedJSON: Codable, Sendable, Equatable {
        public struct SkillJSON: Codable, Sendable, Equatable {
            public var name: String
            public var required: Bool
        }
        public struct LanguageJSON: Codable, Sendable, Equatable {
            public var code: String?
            public var name: String
            public var minimumProficiency: String?
            public var required: Bool
        }
        public var id: String
        public var partner: String
        public var title: String
        public var description: String?
        public var skills: [SkillJSON]
        public var languages: [LanguageJSON]
        public var postcode: String?
        public var area: String?
        public var when: [String]
        public var places: Int
        public var dbs: String?
        /// The need this one looks like a duplicate of (only that one is matched), if flagged.
        public var duplicateOf: String?

        /// The JSON form of a need.
        public init(_ need: Need) {
            id = need.id
            duplicateOf = need.duplicateOf
            partner = need.partner
            title = need.title
            description = need.description
            skills = need.skills.map { SkillJSON(name: $0.skill.written, required: $0.isRequired) }
            languages = need.languages.map {
                LanguageJSON(
                    code: $0.language.code, name: $0.language.displayName(),
                    minimumProficiency: $0.minimumProficiency?.description,
                    required: $0.isRequired)
            }
            postcode = need.postcode
            area = need.area
            when = need.slots.map(\.description)
            places = need.places
            dbs = need.minimumDBS?.description
        }
    }

    /// Needs in the chosen format.
    public static func needs(_ needs: [Need], as format: OutputFormat) throws -> String {
        func requirements(_ need: Need, required: Bool) -> String {
            let skills = need.skills.filter { $0.isRequired == required }.map(\.skill.written)
            let languages = need.languages.filter { $0.isRequired == required }.map { l in
                l.minimumProficiency.map { "\(l.language.displayName()) (\($0))" } ?? l.language.displayName()
            }
            return (skills + languages).joined(separator: "; ")
        }
        switch format {
        case .json:
            return try json(needs.map(NeedJSON.init))
        case .table:
            let flagged = needs.filter { $0.duplicateOf != nil }
            let table = TextTable(
                headers: ["ID", "PARTNER", "TITLE", "REQUIRED", "PREFERRED", "WHERE", "PLACES", "DBS"],
                rows: needs.map {
                    [
                        $0.duplicateOf.map { [id = $0.id] kept in "\(id) (duplicate of \(kept)?)" } ?? $0.id,
                        $0.partner, $0.title,
                        requirements($0, required: true), requirements($0, required: false),
                        $0.postcode ?? $0.area ?? "", String($0.places), $0.minimumDBS?.description ?? "",
                    ]
                }
            ).rendered(maximumWidth: 36)
            return
                ([table]
                + flagged.compactMap { need in
                    need.duplicateOf.map { kept in
                        "\(need.id) looks like a duplicate of \(kept) (same partner and title, overlapping requirements): only \(kept) is "
                            + "matched; 'voldir needs merge \(kept) \(need.id)' keeps \(kept) and moves placements over"
                    }
                }).joined(separator: "\n")
        case .csv:
            return CSVWriter.document(
                headers: [
                    "id", "partner", "title", "required", "preferred", "postcode", "area", "when", "places", "dbs",
                    "duplicate_of",
                ],
                rows: needs.map {
                    [
                        $0.id, $0.partner, $0.title, requirements($0, required: true),
                        requirements($0, required: false),
                        $0.postcode ?? "", $0.area ?? "", $0.slots.map(\.description).joined(separator: "; "),
                        String($0.places),
                        $0.minimumDBS?.description ?? "", $0.duplicateOf ?? "",
                    ]
                })
        }
    }

    // MARK: - Imports

    /// Import reports: a summary per file, or `{"files":[...]}` as JSON.
    public static func importReports(_ reports: [FileImportReport], as format: OutputFormat) throws -> String {
        switch format {
        case .json:
            struct Files: Encodable { var files: [FileImportReport] }
            return try json(Files(files: reports))
        case .table, .csv:
            return reports.map(importSummary).joined(separator: "\n")
        }
    }

    private static func importSummary(_ report: FileImportReport) -> String {
        var lines: [String] = []
        let c = report.counts
        let verb = report.dryRun ? "would import" : "imported"
        if let previous = report.previouslyImported {
            lines.append(
                "\(report.file): already imported on \(ISO8601DateFormatter().string(from: previous)); nothing changed")
            return lines.joined(separator: "\n")
        }
        var parts = [
            "\(c.created) created", "\(c.updated) updated", "\(c.unchanged) unchanged", "\(c.rejected) rejected",
        ]
        if c.erased > 0 { parts.append("\(c.erased) erased") }
        if c.ended > 0 { parts.append("\(c.ended) ended") }
        if c.suppressed > 0 { parts.append("\(c.suppressed) suppressed") }
        lines.append("\(report.file) (\(report.plugin)): \(verb): \(parts.joined(separator: ", "))")
        for departure in report.departures {
            lines.append("  " + departureSummary(departure, dryRun: report.dryRun))
        }
        for location in report.suppressed {
            lines.append(
                "  suppressed \(report.file):\(location): this person was forgotten at their request ('voldir forget --list'); "
                    + "not imported")
        }
        for rejection in report.rejected {
            lines.append("  rejected \(rejection.location.placing(in: report.file)): \(rejection.reason)")
        }
        for warning in report.warnings {
            lines.append(
                "  warning \(warning.location.map { "\($0.placing(in: report.file)): " } ?? "")\(warning.message)")
        }
        return lines.joined(separator: "\n")
    }

    /// "3 people are no longer on this roster: their membership of … ended".
    public static func departureSummary(_ departure: RosterDeparture, dryRun: Bool) -> String {
        let people = departure.people == 1 ? "1 person is" : "\(departure.people) people are"
        let ended = dryRun ? "would end" : "ended"
        let what =
            departure.networks.isEmpty
            ? "their listing from \(departure.roster) \(ended)"
            : "their membership of \(departure.networks.joined(separator: " and ")) \(ended)"
        var line = "\(people) no longer on this roster: \(what)"
        if departure.unlisted > 0 {
            line +=
                "; \(departure.unlisted) of them no longer on any roster, kept until the retention rules remove them"
        }
        return line
    }

    // MARK: - Helpers

    /// Pretty, key-sorted JSON.
    public static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return collapsingEmptyArrays(try encoder.encode(value))
    }

    /// Foundation on Linux pretty-prints an empty array across lines (`[\n\n  ]`): written `[]`
    /// here, as on every other platform. Text inside JSON strings is left alone. Works on the
    /// encoder's bytes in one pass (a server writes this for every API answer).
    static func collapsingEmptyArrays(_ bytes: Data) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var inString = false
        var escaped = false
        // Where a `[` was written whose contents are white space so far: if `]` comes next, the
        // white space is cut back off.
        var openAt: Int?
        for byte in bytes {
            if let start = openAt {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                    || byte == UInt8(ascii: "\t")
                {
                    output.append(byte)
                    continue
                }
                openAt = nil
                if byte == UInt8(ascii: "]") {
                    output.removeSubrange((start + 1)...)
                    output.append(byte)
                    continue
                }
            }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "[") {
                openAt = output.count
            }
            output.append(byte)
        }
        return String(decoding: output, as: UTF8.self)
    }
}
