/// How `voldir languages` and `voldir skills` print: how a string is understood, and what the
/// directory holds.
extension Presentation {
    // MARK: - Languages

    /// How a language string is understood: `{"query","code","name","match","related":[codes]}`,
    /// with `code`, `name` and `match` `null` when it is not understood.
    public struct LanguageQueryJSON: Encodable, Sendable, Equatable {
        /// The string as asked.
        public var query: String
        /// The ISO 639-3 code, or `null` when not understood.
        public var code: String?
        /// The English name coordinators know.
        public var name: String?
        /// What the language calls itself, in its own script where it has one.
        public var endonym: String?
        /// How it was understood: `code`, `name`, `endonym`, `alias`, `misspelling` or `tag`.
        public var match: String?
        /// The ISO 15924 script from a BCP 47 tag.
        public var script: String?
        /// The codes a search for it also finds: members, macrolanguage, close varieties.
        public var related: [String]

        /// Understands `query` against the catalogue.
        public init(_ query: String, catalogue: LanguageCatalogue = .shared) {
            self.query = query
            let resolution = catalogue.resolve(query)
            code = resolution?.language.code
            name = resolution?.language.name
            endonym = resolution.flatMap { catalogue.endonym(of: $0.language.code) }
            match = resolution?.match.rawValue
            script = resolution?.script
            related = resolution.map { catalogue.languages(relatedTo: $0.language.code).dropFirst().map(\.code) } ?? []
        }

        private enum CodingKeys: String, CodingKey { case query, code, name, endonym, match, script, related }

        public func encode(to encoder: any Encoder) throws {
            // Explicit nulls: a script can tell "not understood" from a missing field.
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(query, forKey: .query)
            try container.encode(code, forKey: .code)
            try container.encode(name, forKey: .name)
            try container.encode(endonym, forKey: .endonym)
            try container.encode(match, forKey: .match)
            try container.encode(script, forKey: .script)
            try container.encode(related, forKey: .related)
        }
    }

    /// How a language string is understood, in the chosen format.
    public static func language(query: String, as format: OutputFormat, catalogue: LanguageCatalogue = .shared) throws
        -> String
    {
        let understood = LanguageQueryJSON(query, catalogue: catalogue)
        let relations =
            understood.code.map { code in
                catalogue.languages(relatedTo: code).dropFirst().map {
                    "\(catalogue.language(code: $0.code)?.name ?? $0.code) (\($0.code), \($0.relation))"
                }
            } ?? []
        switch format {
        case .json:
            return try json(understood)
        case .csv:
            return CSVWriter.document(
                headers: ["query", "code", "name", "endonym", "match", "script", "related"],
                rows: [
                    [
                        query, understood.code ?? "", understood.name ?? "", understood.endonym ?? "",
                        understood.match ?? "",
                        understood.script ?? "", understood.related.joined(separator: "; "),
                    ]
                ])
        case .table:
            guard let code = understood.code, let name = understood.name, let match = understood.match else {
                if LanguageCatalogue.isAnswer(query) {
                    return
                        "'\(query)' is not a language: it answers a question (yes, no, none, any), whatever code it spells."
                }
                return
                    "'\(query)' is not a language the catalogue knows (a people, a place or a misspelling too far from any name is never guessed)."
            }
            let lines: [(String, String?)] = [
                ("Query", query), ("Language", "\(name) (\(code))"), ("Endonym", understood.endonym),
                ("Understood by", LanguageMatch(rawValue: match).map(describe) ?? match), ("Script", understood.script),
                ("Search finds", relations.isEmpty ? nil : relations.joined(separator: "; ")),
            ]
            return lines.compactMap { label, value in
                value.map { label.padding(toLength: 15, withPad: " ", startingAt: 0) + $0 }
            }
            .joined(separator: "\n")
        }
    }

    private static func describe(_ match: LanguageMatch) -> String {
        switch match {
        case .code: "its ISO 639 code"
        case .name: "its ISO 639 name"
        case .endonym: "its own name for itself (endonym)"
        case .alias: "a common alternative name"
        case .tag: "a BCP 47 language tag"
        case .misspelling: "correcting a near miss of a well-known name"
        }
    }

    /// A row of the language-coverage view.
    public struct LanguageCoverageJSON: Codable, Sendable, Equatable {
        /// The ISO 639-3 code, or `null` for a language not understood.
        public var code: String?
        /// The English name, or the text as written when not understood.
        public var name: String
        /// What the language calls itself.
        public var endonym: String?
        /// Speakers at each proficiency (each counted once, at their best), and in all.
        public var native: Int
        public var fluent: Int
        public var conversational: Int
        public var basic: Int
        public var notStated: Int
        public var interpreters: Int
        public var total: Int
    }

    /// The languages held in the directory, with speakers by proficiency, most spoken first.
    /// `forPartners` publishes each count by the small-number rule (``PublishedCount``).
    public static func languageCoverage(
        _ coverage: [LanguageCoverage], as format: OutputFormat, forPartners: Bool = false,
        catalogue: LanguageCatalogue = .shared
    ) throws -> String {
        let rows = coverage.map { entry in
            LanguageCoverageJSON(
                code: entry.code,
                name: entry.code.flatMap { catalogue.language(code: $0)?.name } ?? "\(entry.written) (not recognised)",
                endonym: entry.code.flatMap { catalogue.endonym(of: $0) }, native: entry.byProficiency[.native] ?? 0,
                fluent: entry.byProficiency[.fluent] ?? 0, conversational: entry.byProficiency[.conversational] ?? 0,
                basic: entry.byProficiency[.basic] ?? 0, notStated: entry.byProficiency[nil] ?? 0,
                interpreters: entry.interpreters,
                total: entry.total)
        }
        let headers = [
            "LANGUAGE", "CODE", "ENDONYM", "NATIVE", "FLUENT", "CONVERSATIONAL", "BASIC", "NOT STATED", "INTERPRETERS",
            "TOTAL",
        ]
        let shown = { (count: Int) in forPartners ? PublishedCount(count).description : String(count) }
        let cells = rows.map {
            [$0.name, $0.code ?? "", $0.endonym ?? ""]
                + [$0.native, $0.fluent, $0.conversational, $0.basic, $0.notStated, $0.interpreters, $0.total].map(
                    shown)
        }
        switch format {
        case .json where forPartners: return try json(rows.map(PublishedLanguageCoverage.init))
        case .json: return try json(rows)
        case .csv:
            return CSVWriter.document(
                headers: headers.map { $0.lowercased().replacingOccurrences(of: " ", with: "_") }, rows: cells)
        case .table: return TextTable(headers: headers, rows: cells).rendered()
        }
    }

    // MARK: - Skills

    /// How a skill string is understood: `{"query","skills":[{"key","label","match"}]}`, the skills
    /// it names (`exact` or `synonym`) first, then those a search for it also finds.
    public struct SkillQueryJSON: Codable, Sendable, Equatable {
        /// One taxonomy skill and how it counts for the query.
        public struct Entry: Codable, Sendable, Equatable {
            /// The skill's key (`accountancy`).
            public var key: String
            /// Its label (`Accountancy`).
            public var label: String
            /// `exact` or `synonym` for a skill the query names; `narrower` or `related` for one a search also finds.
            public var match: String
        }
        /// The string as asked.
        public var query: String
        /// The skills it names first, then the ones a search for it also finds.
        public var skills: [Entry]

        /// Understands `query` against the taxonomy.
        public init(_ query: String, taxonomy: SkillTaxonomy) {
            self.query = query
            skills = taxonomy.expansion(of: query).concepts.map { concept in
                Entry(
                    key: concept.key, label: taxonomy.concepts[concept.key]?.label ?? concept.key,
                    match: concept.kind.rawValue)
            }
        }
    }

    /// How a skill string is understood, in the chosen format.
    public static func skill(query: String, taxonomy: SkillTaxonomy, as format: OutputFormat) throws -> String {
        let understood = SkillQueryJSON(query, taxonomy: taxonomy)
        switch format {
        case .json: return try json(understood)
        case .csv:
            return CSVWriter.document(
                headers: ["query", "key", "label", "match"],
                rows: understood.skills.map { [query, $0.key, $0.label, $0.match] })
        case .table:
            guard !understood.skills.isEmpty else {
                return
                    "'\(query)' names no skill in the taxonomy; searches match it as written. Add it to a *.taxonomy.yaml file to teach it."
            }
            return TextTable(
                headers: ["KEY", "LABEL", "MATCH"], rows: understood.skills.map { [$0.key, $0.label, $0.match] }
            ).rendered()
        }
    }

    /// A row of the skills view: a taxonomy skill and how many volunteers hold it.
    public struct SkillHoldersJSON: Codable, Sendable, Equatable {
        /// The skill's key.
        public var key: String
        /// Its label.
        public var label: String
        /// How many volunteers hold it (written as exact or synonym, or interpreting a language).
        public var volunteers: Int
    }

    /// The taxonomy skills held in the directory, most held first. `forPartners` publishes each
    /// count by the small-number rule (``PublishedCount``).
    public static func skillHolders(
        _ holders: [String: Int], taxonomy: SkillTaxonomy, as format: OutputFormat, forPartners: Bool = false
    ) throws -> String {
        let rows = holders.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { key, count in
            SkillHoldersJSON(key: key, label: taxonomy.concepts[key]?.label ?? key, volunteers: count)
        }
        let cells = rows.map {
            [$0.key, $0.label, forPartners ? PublishedCount($0.volunteers).description : String($0.volunteers)]
        }
        switch format {
        case .json where forPartners:
            struct Published: Encodable {
                var key: String
                var label: String
                var volunteers: PublishedCount
            }
            return try json(
                rows.map { Published(key: $0.key, label: $0.label, volunteers: PublishedCount($0.volunteers)) })
        case .json: return try json(rows)
        case .csv: return CSVWriter.document(headers: ["key", "label", "volunteers"], rows: cells)
        case .table: return TextTable(headers: ["KEY", "LABEL", "VOLUNTEERS"], rows: cells).rendered()
        }
    }

    /// Written skills the taxonomy does not understand, most written first.
    public static func unmappedSkills(_ skills: [UnmappedSkill], as format: OutputFormat) throws -> String {
        let cells = skills.map { [$0.written, String($0.volunteers)] }
        switch format {
        case .json: return try json(skills)
        case .csv: return CSVWriter.document(headers: ["written", "volunteers"], rows: cells)
        case .table: return TextTable(headers: ["WRITTEN", "VOLUNTEERS"], rows: cells).rendered()
        }
    }
}
