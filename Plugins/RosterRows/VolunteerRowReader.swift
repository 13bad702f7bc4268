import VolunteerDirectory

/// Reads one roster row into a ``VolunteerRecord``; throws a ``FieldError`` saying why a row
/// cannot be read. Rows are the cells as text, in column order, whatever file they came from.
public struct VolunteerRowReader {
    /// Which column holds which field.
    public let layout: HeaderLayout
    /// The network of a row with no network cell (`--network`).
    public let defaultNetwork: String?
    /// The file's name, the source of volunteers listed with no network.
    public let fileName: String
    /// The catalogue languages are resolved with.
    public let catalogue: LanguageCatalogue
    /// What each distinct cell was read as: the same cells recur on most rows.
    private let sources = TextMemo<String>()
    /// The skills and languages cells, read together: a language may be written in either.
    private let skillsAndLanguages = TextMemo<RosterSkillsAndLanguages>()
    /// Each skills item: cells are combinations of items and repeat far less than the items do.
    private let skillItems = TextMemo<RosterSkillsAndLanguages.SkillsItem>()
    private let languageItems = TextMemo<SpokenLanguage>()
    private let availability = TextMemo<(slots: [Slot], unread: [String])>()

    /// Keep one for all the rows under a header: it remembers each distinct cell it has read, and rows repeat them.
    public init(layout: HeaderLayout, defaultNetwork: String?, fileName: String, catalogue: LanguageCatalogue) {
        self.layout = layout
        self.defaultNetwork = defaultNetwork
        self.fileName = fileName
        self.catalogue = catalogue
    }

    /// Reads one row; `warn` is told of what was kept but looks wrong.
    public func record(from row: [String], warn: (String) -> Void) throws(FieldError) -> VolunteerRecord {
        let name =
            layout.value(.name, in: row)
            ?? [layout.value(.givenName, in: row), layout.value(.familyName, in: row)].compactMap { $0 }
            .joined(separator: " ").nonEmpty
        guard let name else { throw FieldError("no name") }

        let networkName = networkName(in: row)
        let source = source(listing: networkName)

        let email = layout.value(.email, in: row)
        if let email, ContactKeys.emailKey(email) == nil {
            warn("email '\(email)' does not look like an address; kept as written")
        }
        let availability = slots(layout.value(.availability, in: row), warn: warn)
        let skillsCell = layout.value(.skills, in: row) ?? ""
        let languagesCell = layout.value(.languages, in: row) ?? ""
        // A unit separator cannot be typed into a cell: the pair of cells as one memo key.
        let lists = skillsAndLanguages.value(for: skillsCell + "\u{1F}" + languagesCell) {
            [catalogue, skillItems, languageItems] _ in
            RosterSkillsAndLanguages(
                skills: skillsCell, languages: languagesCell, catalogue: catalogue, skillItems: skillItems,
                languageItems: languageItems)
        }
        for warning in lists.warnings { warn(warning) }

        var consent = Consent()
        if let text = layout.value(.consent, in: row) {
            guard let answer = ItemParsing.yesNo(text) else {
                throw FieldError("unknown consent '\(text)'; expected yes or no")
            }
            consent.contact = answer
        }
        var dbs = try ItemParsing.dbs(layout.value(.dbs, in: row) ?? "")
        if let text = layout.value(.dbsUpdateService, in: row) {
            guard let answer = ItemParsing.yesNo(text) else {
                throw FieldError("unknown DBS Update Service answer '\(text)'; expected yes or no")
            }
            dbs?.updateService = answer
        }
        var ageBand: AgeBand?
        if let text = layout.value(.ageBand, in: row) {
            guard let band = AgeBand(text: text) else {
                throw FieldError("unknown age band '\(text)'; expected 16-17, 18-24, 25-34, 35-49, 50-64 or 65+")
            }
            ageBand = band
        }

        return VolunteerRecord(
            source: source, externalID: layout.value(.id, in: row), name: name, email: email,
            phone: layout.value(.phone, in: row), postcode: layout.value(.postcode, in: row),
            area: layout.value(.area, in: row), ageBand: ageBand,
            skills: lists.skills, languages: lists.languages,
            availability: availability, dbs: dbs, consent: consent,
            notes: layout.value(.notes, in: row),
            memberships: networkName.map {
                [MembershipRecord(network: NetworkReference(name: $0), role: layout.value(.role, in: row))]
            } ?? [])
    }

    /// The network a row lists its person in: its network cell, else `--network`.
    public func networkName(in row: [String]) -> String? {
        layout.value(.network, in: row) ?? defaultNetwork
    }

    /// The network a packed row lists its person in: its network cell, else `--network`.
    public func networkName(in row: PackedCells) -> String? {
        layout.value(.network, in: row) ?? defaultNetwork
    }

    /// The source a row in `network` lists its person for: the network's roster, or with no
    /// network the file.
    public func source(listing network: String?) -> String {
        network.map { sources.value(for: $0) { "roster:\($0.matchingKey)" } } ?? "file:\(fileName)"
    }

    private func slots(_ cell: String?, warn: (String) -> Void) -> [Slot] {
        let read = availability.value(for: cell ?? "") { cell in
            var slots: [Slot] = []
            var unread: [String] = []
            for item in ListCell.items(cell) {
                if let parsed = Slot.parse(item) {
                    slots += parsed.filter { !slots.contains($0) }
                } else {
                    unread.append(item)
                }
            }
            return (slots, unread)
        }
        for item in read.unread {
            warn("availability '\(item)' is not understood; write it like 'Tue evening', 'weekends' or 'any'")
        }
        return read.slots
    }
}

/// Reads one needs-sheet row into a ``Need``.
public struct NeedRowReader {
    /// Which column holds which field.
    public let layout: HeaderLayout
    /// The catalogue languages are resolved with.
    public let catalogue: LanguageCatalogue

    /// Keeps nothing from row to row; `layout` must have been read from the header the rows sit under.
    public init(layout: HeaderLayout, catalogue: LanguageCatalogue) {
        self.layout = layout
        self.catalogue = catalogue
    }

    /// Reads one row; `warn` is told of languages kept as written.
    public func need(from row: [String], warn: (String) -> Void) throws(FieldError) -> Need {
        guard let id = layout.value(.id, in: row) else { throw FieldError("no need id") }
        guard let partner = layout.value(.partner, in: row) else { throw FieldError("no partner") }
        guard let title = layout.value(.title, in: row) else { throw FieldError("no title") }
        var places = 1
        if let text = layout.value(.places, in: row) { places = try FieldLimits.places(from: text) }
        var minimumDBS: DBSLevel?
        if let text = layout.value(.dbs, in: row) { minimumDBS = try ItemParsing.dbs(text)?.level }
        var slots: [Slot] = []
        for item in ListCell.items(layout.value(.when, in: row) ?? "") {
            guard let parsed = Slot.parse(item) else {
                throw FieldError("when '\(item)' is not understood; write it like 'Wed afternoon' or 'weekends'")
            }
            slots += parsed.filter { !slots.contains($0) }
        }
        func skills(_ field: RosterField, required: Bool) -> [SkillRequirement] {
            ListCell.items(layout.value(field, in: row) ?? "").map {
                SkillRequirement(skill: ItemParsing.skill($0), isRequired: required)
            }
        }
        func languages(_ field: RosterField, required: Bool) -> [LanguageRequirement] {
            ListCell.items(layout.value(field, in: row) ?? "").map {
                ItemParsing.languageRequirement($0, isRequired: required, catalogue: catalogue)
            }
        }
        let wanted = languages(.requiredLanguages, required: true) + languages(.preferredLanguages, required: false)
        for requirement in wanted where requirement.language.code == nil {
            warn("language '\(requirement.language.written)' is not recognised; kept as written")
        }
        return Need(
            id: id, partner: partner, title: title, description: layout.value(.description, in: row),
            skills: skills(.requiredSkills, required: true) + skills(.preferredSkills, required: false),
            languages: wanted,
            postcode: layout.value(.postcode, in: row).map(Postcode.normalised), area: layout.value(.area, in: row),
            slots: slots, places: places, minimumDBS: minimumDBS)
    }
}
