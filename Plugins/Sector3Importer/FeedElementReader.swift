import Foundation
import VolunteerDirectory
import XMLStreaming

/// Turns one expanded feed element (a network, volunteer, opportunity or withdrawal) into a
/// record, and counts the elements and attributes it does not know, for one warning each.
struct FeedElementReader {
    /// The namespace in which the feed's ids are stable: `feed:<source>`.
    let source: String
    let catalogue: LanguageCatalogue
    /// Unknown elements and attributes, as `volunteer/foo` or `volunteer/@bar`, with how often each occurred.
    private(set) var unknown: [String: Int] = [:]
    /// What each distinct skill and language text was read as: most recur on most volunteers.
    private let skills = TextMemo<Skill>()
    private let languages = TextMemo<LanguageReference>()

    init(source: String, catalogue: LanguageCatalogue) {
        self.source = source
        self.catalogue = catalogue
    }

    // MARK: - Records

    mutating func network(_ element: XMLElement) throws(FieldError) -> NetworkRecord {
        let attributes = attributeValues(of: element, known: ["id", "updated"], context: "network")
        guard let id = attributes["id"]?.nonEmpty else { throw FieldError("network has no id") }
        var name: String?
        var kind: String?
        var areas: [String] = []
        var contact = ContactDetails()
        var members: [MemberReference] = []
        for child in children(of: element, context: "network") {
            switch child.name {
            case "name": name = child.text.nonEmpty
            case "kind": kind = child.text.nonEmpty
            case "area": if let area = child.text.nonEmpty { areas.append(area) }
            case "contact":
                for part in children(of: child, context: "network/contact") {
                    switch part.name {
                    case "name": contact.name = part.text.nonEmpty
                    case "email": contact.email = part.text.nonEmpty
                    case "phone": contact.phone = part.text.nonEmpty
                    default: count("network/contact/\(part.name)")
                    }
                }
            case "member":
                let member = attributeValues(of: child, known: ["ref", "role", "since"], context: "network/member")
                guard let ref = member["ref"]?.nonEmpty else {
                    throw FieldError("network '\(id)' has a member with no ref")
                }
                members.append(
                    MemberReference(
                        volunteerRef: ref, role: member["role"]?.nonEmpty,
                        since: try ItemParsing.date(member["since"] ?? "", field: "member since")))
            default: count("network/\(child.name)")
            }
        }
        guard let name else { throw FieldError("network '\(id)' has no name") }
        return NetworkRecord(
            source: source, externalID: id, name: name, kind: kind, areas: areas,
            contact: contact.isEmpty ? nil : contact,
            members: members, updated: try ItemParsing.date(attributes["updated"] ?? "", field: "updated"))
    }

    mutating func volunteer(_ element: XMLElement) throws(FieldError) -> VolunteerRecord {
        let attributes = attributeValues(of: element, known: ["id", "updated"], context: "volunteer")
        guard let id = attributes["id"]?.nonEmpty else { throw FieldError("volunteer has no id") }
        var record = VolunteerRecord(
            source: source, externalID: id, name: "",
            updated: try ItemParsing.date(attributes["updated"] ?? "", field: "updated"))
        for child in children(of: element, context: "volunteer") {
            switch child.name {
            case "name": record.name = personName(child)
            case "email": record.email = child.text.nonEmpty
            case "phone": record.phone = child.text.nonEmpty
            case "postcode": record.postcode = child.text.nonEmpty
            case "area": record.area = child.text.nonEmpty
            case "age-band":
                guard let text = child.text.nonEmpty else { break }
                guard let band = AgeBand(text: text) else {
                    throw FieldError("unknown age band '\(text)'; expected 16-17, 18-24, 25-34, 35-49, 50-64 or 65+")
                }
                record.ageBand = band
            case "skills":
                for skill in children(of: child, context: "volunteer/skills") {
                    guard skill.name == "skill" else {
                        count("volunteer/skills/\(skill.name)")
                        continue
                    }
                    record.skills.append(try self.skill(skill))
                }
            case "languages":
                for language in children(of: child, context: "volunteer/languages") {
                    guard language.name == "language" else {
                        count("volunteer/languages/\(language.name)")
                        continue
                    }
                    record.languages.append(try spokenLanguage(language))
                }
            case "availability":
                for slot in children(of: child, context: "volunteer/availability") {
                    guard slot.name == "slot" else {
                        count("volunteer/availability/\(slot.name)")
                        continue
                    }
                    record.availability.append(try self.slot(slot, context: "volunteer/availability/slot"))
                }
            case "checks":
                for check in children(of: child, context: "volunteer/checks") {
                    guard check.name == "dbs" else {
                        count("volunteer/checks/\(check.name)")
                        continue
                    }
                    let dbs = attributeValues(of: check, known: ["level", "issued"], context: "volunteer/checks/dbs")
                    record.dbs = DBSCheck(
                        level: try FeedVocabulary.dbsLevel(dbs["level"]),
                        issued: try ItemParsing.date(dbs["issued"] ?? "", field: "DBS issued"))
                }
            case "consent":
                let consent = attributeValues(
                    of: child, known: ["contact", "share", "recorded"], context: "volunteer/consent")
                if let contact = consent["contact"]?.nonEmpty {
                    guard let answer = ItemParsing.yesNo(contact) else {
                        throw FieldError("unknown consent contact '\(contact)'; expected yes or no")
                    }
                    record.consent.contact = answer
                }
                if let scope = try FeedVocabulary.shareScope(consent["share"]) { record.consent.share = scope }
                record.consent.recorded = try ItemParsing.date(consent["recorded"] ?? "", field: "consent recorded")
            default: count("volunteer/\(child.name)")
            }
        }
        guard !record.name.isEmpty else { throw FieldError("volunteer '\(id)' has no name") }
        return record
    }

    mutating func opportunity(_ element: XMLElement) throws(FieldError) -> Need {
        let attributes = attributeValues(of: element, known: ["id", "partner", "updated"], context: "opportunity")
        guard let id = attributes["id"]?.nonEmpty else { throw FieldError("opportunity has no id") }
        guard let partner = attributes["partner"]?.nonEmpty else {
            throw FieldError("opportunity '\(id)' has no partner")
        }
        var need = Need(
            id: id, partner: partner, title: "",
            updated: try ItemParsing.date(attributes["updated"] ?? "", field: "updated"))
        for child in children(of: element, context: "opportunity") {
            switch child.name {
            case "title": need.title = child.text.trimmingWhitespace()
            case "description": need.description = child.text.nonEmpty
            case "needs-skill":
                let skill = attributeValues(of: child, known: ["required"], context: "opportunity/needs-skill")
                guard let text = child.text.nonEmpty else { break }
                need.skills.append(
                    SkillRequirement(
                        skill: ItemParsing.skill(text), isRequired: try flag(skill["required"], "required")))
            case "needs-language":
                let language = attributeValues(
                    of: child, known: ["code", "required", "proficiency"], context: "opportunity/needs-language")
                need.languages.append(
                    LanguageRequirement(
                        language: try languageReference(code: language["code"], text: child.text),
                        minimumProficiency: try FeedVocabulary.proficiency(language["proficiency"]),
                        isRequired: try flag(language["required"], "required")))
            case "postcode": need.postcode = child.text.nonEmpty.map(Postcode.normalised)
            case "area": need.area = child.text.nonEmpty
            case "when": need.slots.append(try slot(child, context: "opportunity/when"))
            case "places": need.places = try FieldLimits.places(from: child.text)
            case "dbs":
                let dbs = attributeValues(of: child, known: ["level"], context: "opportunity/dbs")
                need.minimumDBS = try FeedVocabulary.dbsLevel(dbs["level"])
            default: count("opportunity/\(child.name)")
            }
        }
        guard !need.title.isEmpty else { throw FieldError("opportunity '\(id)' has no title") }
        return need
    }

    mutating func withdrawal(_ element: XMLElement) throws(FieldError) -> Withdrawal {
        let attributes = attributeValues(of: element, known: ["ref", "on"], context: "withdrawn")
        guard let ref = attributes["ref"]?.nonEmpty else { throw FieldError("withdrawn has no ref") }
        return Withdrawal(
            source: source, volunteerRef: ref, on: try ItemParsing.date(attributes["on"] ?? "", field: "withdrawn on"))
    }

    // MARK: - Parts

    private func personName(_ element: XMLElement) -> String {
        let parts = element.children.filter {
            $0.isInNamespace(Feed.namespace) && ($0.name == "given" || $0.name == "family")
        }
        if parts.isEmpty { return element.text.trimmingWhitespace() }
        return parts.compactMap { $0.text.nonEmpty }.joined(separator: " ")
    }

    private mutating func skill(_ element: XMLElement) throws(FieldError) -> Skill {
        let attributes = attributeValues(
            of: element, known: ["level", "qualified-in"], context: "volunteer/skills/skill")
        var skill = skills.value(for: element.text, making: ItemParsing.skill)
        if let level = try FeedVocabulary.skillLevel(attributes["level"]) { skill.level = level }
        if let country = try FeedVocabulary.qualifiedIn(attributes["qualified-in"], attribute: "qualified-in") {
            skill.qualifiedIn = country
        }
        return skill
    }

    private mutating func spokenLanguage(_ element: XMLElement) throws(FieldError) -> SpokenLanguage {
        let attributes = attributeValues(
            of: element, known: ["code", "proficiency", "interprets"], context: "volunteer/languages/language")
        return SpokenLanguage(
            language: try languageReference(code: attributes["code"], text: element.text),
            proficiency: try FeedVocabulary.proficiency(attributes["proficiency"]),
            interprets: try flag(attributes["interprets"], "interprets"))
    }

    private func languageReference(code: String?, text: String) throws(FieldError) -> LanguageReference {
        if let code = code?.nonEmpty {
            let reference = LanguageReference.resolving(code: code, catalogue: catalogue)
            return LanguageReference(written: text.nonEmpty ?? code, code: reference.code, script: reference.script)
        }
        guard let text = text.nonEmpty else { throw FieldError("a language has neither a code nor a name") }
        return languages.value(for: text) { [catalogue] in LanguageReference.resolving($0, catalogue: catalogue) }
    }

    private mutating func slot(_ element: XMLElement, context: String) throws(FieldError) -> Slot {
        let attributes = attributeValues(of: element, known: ["day", "part"], context: context)
        return try FeedVocabulary.slot(day: attributes["day"], part: attributes["part"])
    }

    private func flag(_ text: String?, _ name: String) throws(FieldError) -> Bool {
        guard let text = text?.nonEmpty else { return false }
        guard let value = ItemParsing.yesNo(text) else { throw FieldError("\(name) '\(text)' is not true or false") }
        return value
    }

    // MARK: - Unknown parts

    /// The element's child elements in the feed namespace; those in other namespaces are counted as unknown.
    private mutating func children(of element: XMLElement, context: String) -> [XMLElement] {
        element.children.filter { child in
            if child.isInNamespace(Feed.namespace) { return true }
            count("\(context)/\(child.name)")
            return false
        }
    }

    /// The element's unqualified attributes by name; unknown ones and those in other namespaces are counted.
    private mutating func attributeValues(of element: XMLElement, known: [String], context: String) -> AttributeValues {
        var values = AttributeValues()
        for attribute in element.attributes {
            if attribute.namespace == nil, known.contains(attribute.name) {
                values.pairs.append((attribute.name, attribute.value))
            } else {
                count("\(context)/@\(attribute.name)")
            }
        }
        return values
    }

    mutating func count(_ path: String) {
        unknown[path, default: 0] += 1
    }
}

/// An element's known attributes by name: a handful at most, so a list searched in order costs
/// less than building a dictionary for every element.
struct AttributeValues {
    fileprivate var pairs: [(name: String, value: String)] = []

    /// The value of the attribute with this name, if the element has it (the last, if repeated).
    subscript(name: String) -> String? {
        pairs.last { $0.name == name }?.value
    }
}
