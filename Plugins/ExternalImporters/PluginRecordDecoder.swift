import Foundation
import VolunteerDirectory

/// Turns the lines an external plugin prints (protocol 1: one JSON object per line) into the
/// records, rejections and warnings a built-in plugin would hand the directory.
///
/// Fields have the meanings and vocabularies of the Sector 3 feed and the roster spec; absent
/// fields mean "not said". A line voldir cannot read is a rejection, never a failure of the file.
struct PluginRecordDecoder {
    /// What one line says.
    enum Line {
        case record(ImportRecord, SourceLocation)
        case rejected(SourceLocation, String)
        case warning(SourceLocation?, String)
    }

    /// The namespace the plugin's ids are stable in: its name and the network or file it read.
    let source: String
    /// The network the user named for the file (`--network`), given to volunteers that name none.
    let network: String?
    let catalogue: LanguageCatalogue

    /// Reads one line of the plugin's output; `number` is its 1-based line number in that output.
    func decode(_ line: String, number: Int) -> Line {
        let fallback = SourceLocation(line: number)
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)) else {
            return .rejected(fallback, "plugin output line \(number) is not a JSON object")
        }
        let fields = Fields(object)
        let location = (try? fields.integer("line")).flatMap { $0 }.map { SourceLocation(line: $0) } ?? fallback
        do throws(FieldError) {
            guard let type = try fields.string("type") else { throw FieldError("the record has no \"type\"") }
            switch type {
            case "volunteer": return .record(.volunteer(try volunteer(fields)), location)
            case "network": return .record(.network(try networkRecord(fields)), location)
            case "need": return .record(.need(try need(fields)), location)
            case "withdrawn":
                guard let id = try fields.string("id") else { throw FieldError("a withdrawn record has no \"id\"") }
                return .record(
                    .withdrawal(Withdrawal(source: source, volunteerRef: id, on: try fields.date("on"))), location)
            case "rejected":
                return .rejected(location, try fields.string("reason") ?? "rejected by the plugin (no reason given)")
            case "warning":
                return .warning(
                    try fields.integer("line").map { SourceLocation(line: $0) }, try fields.string("message") ?? "")
            default:
                throw FieldError(
                    "unknown record type '\(type)'; expected volunteer, network, need, withdrawn, rejected or warning")
            }
        } catch {
            return .rejected(location, "plugin output line \(number): \(error.reason)")
        }
    }

    // MARK: - Records

    private func volunteer(_ fields: Fields) throws(FieldError) -> VolunteerRecord {
        guard let name = try fields.string("name")?.nonEmpty else { throw FieldError("a volunteer has no name") }
        var record = VolunteerRecord(
            source: source, externalID: try fields.string("id")?.nonEmpty, name: name,
            email: try fields.string("email")?.nonEmpty,
            phone: try fields.string("phone")?.nonEmpty, postcode: try fields.string("postcode")?.nonEmpty,
            area: try fields.string("area")?.nonEmpty, notes: try fields.string("notes")?.nonEmpty,
            updated: try fields.date("updated"))
        if let text = try fields.string("age_band")?.nonEmpty {
            guard let band = AgeBand(text: text) else {
                throw FieldError("unknown age band '\(text)'; expected 16-17, 18-24, 25-34, 35-49, 50-64 or 65+")
            }
            record.ageBand = band
        }
        record.skills = try fields.objects("skills").map(skill)
        record.languages = try fields.objects("languages").map(spokenLanguage)
        record.availability = try fields.objects("availability").map(slot)
        if let dbs = try fields.object("dbs") {
            record.dbs = DBSCheck(
                level: try FeedVocabulary.dbsLevel(try dbs.string("level")), issued: try dbs.date("issued"))
        }
        if let consent = try fields.object("consent") {
            record.consent.contact = try consent.flag("contact")
            if let scope = try FeedVocabulary.shareScope(try consent.string("share")) { record.consent.share = scope }
            record.consent.recorded = try consent.date("recorded")
        }
        record.memberships = try fields.objects("networks").map { entry throws(FieldError) in
            guard let network = try entry.string("network")?.nonEmpty else {
                throw FieldError("a membership names no network")
            }
            return MembershipRecord(
                network: NetworkReference(externalID: network, name: network), role: try entry.string("role")?.nonEmpty,
                since: try entry.date("since"))
        }
        if record.memberships.isEmpty, let network {
            record.memberships = [MembershipRecord(network: NetworkReference(name: network))]
        }
        return record
    }

    private func networkRecord(_ fields: Fields) throws(FieldError) -> NetworkRecord {
        guard let name = try fields.string("name")?.nonEmpty else { throw FieldError("a network has no name") }
        return NetworkRecord(
            source: source, externalID: try fields.string("id")?.nonEmpty, name: name,
            kind: try fields.string("kind")?.nonEmpty,
            areas: try fields.strings("areas"), updated: try fields.date("updated"))
    }

    private func need(_ fields: Fields) throws(FieldError) -> Need {
        guard let id = try fields.string("id")?.nonEmpty else { throw FieldError("a need has no id") }
        guard let partner = try fields.string("partner")?.nonEmpty else {
            throw FieldError("need '\(id)' has no partner")
        }
        guard let title = try fields.string("title")?.nonEmpty else { throw FieldError("need '\(id)' has no title") }
        var need = Need(
            id: id, partner: partner, title: title, description: try fields.string("description")?.nonEmpty,
            postcode: try fields.string("postcode")?.nonEmpty.map(Postcode.normalised),
            area: try fields.string("area")?.nonEmpty,
            updated: try fields.date("updated"))
        need.skills =
            try fields.strings("required_skills").map {
                SkillRequirement(skill: ItemParsing.skill($0), isRequired: true)
            }
            + fields.strings("preferred_skills").map {
                SkillRequirement(skill: ItemParsing.skill($0), isRequired: false)
            }
        for (key, isRequired) in [("required_languages", true), ("preferred_languages", false)] {
            for entry in try fields.objects(key) {
                need.languages.append(try languageRequirement(entry, isRequired: isRequired))
            }
        }
        need.slots = try fields.objects("availability").map(slot)
        if let text = try fields.string("dbs")?.nonEmpty { need.minimumDBS = try FeedVocabulary.dbsLevel(text) }
        if let places = try fields.integer("places") {
            guard places > 0 else { throw FieldError("places \(places) is not a positive whole number") }
            need.places = places
        }
        return need
    }

    // MARK: - Parts

    private func skill(_ fields: Fields) throws(FieldError) -> Skill {
        guard let name = try fields.string("name")?.nonEmpty else { throw FieldError("a skill has no name") }
        var skill = ItemParsing.skill(name)
        if let level = try FeedVocabulary.skillLevel(try fields.string("level")) { skill.level = level }
        if let country = try FeedVocabulary.qualifiedIn(try fields.string("qualified_in"), attribute: "qualified_in") {
            skill.qualifiedIn = country
        }
        return skill
    }

    private func language(_ fields: Fields) throws(FieldError) -> LanguageReference {
        guard let text = try fields.string("language")?.nonEmpty else {
            throw FieldError("a language has no \"language\"")
        }
        return LanguageReference.resolving(text, catalogue: catalogue)
    }

    private func spokenLanguage(_ fields: Fields) throws(FieldError) -> SpokenLanguage {
        SpokenLanguage(
            language: try language(fields),
            proficiency: try FeedVocabulary.proficiency(try fields.string("proficiency")),
            interprets: try fields.flag("interprets") ?? false)
    }

    private func languageRequirement(_ fields: Fields, isRequired: Bool) throws(FieldError) -> LanguageRequirement {
        LanguageRequirement(
            language: try language(fields),
            minimumProficiency: try FeedVocabulary.proficiency(try fields.string("min_proficiency")),
            isRequired: isRequired)
    }

    private func slot(_ fields: Fields) throws(FieldError) -> Slot {
        try FeedVocabulary.slot(day: try fields.string("day"), part: try fields.string("part"))
    }
}

/// A JSON value as the plugin printed it.
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}

/// Typed access to one JSON object's fields, with errors that name the field and what it held.
struct Fields {
    let object: [String: JSONValue]

    init(_ object: [String: JSONValue]) { self.object = object }

    private func present(_ key: String) -> JSONValue? {
        guard let value = object[key] else { return nil }
        if case .null = value { return nil }
        return value
    }

    func string(_ key: String) throws(FieldError) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let text) = value else { throw FieldError("\"\(key)\" should be text") }
        return text
    }

    func integer(_ key: String) throws(FieldError) -> Int? {
        guard let value = present(key) else { return nil }
        guard case .number(let number) = value, let whole = Int(exactly: number) else {
            throw FieldError("\"\(key)\" should be a whole number")
        }
        return whole
    }

    func flag(_ key: String) throws(FieldError) -> Bool? {
        switch present(key) {
        case nil: return nil
        case .bool(let answer): return answer
        case .string(let text):
            guard let answer = ItemParsing.yesNo(text) else {
                throw FieldError("\"\(key)\" '\(text)' is not true or false")
            }
            return answer
        default: throw FieldError("\"\(key)\" should be true or false")
        }
    }

    func date(_ key: String) throws(FieldError) -> CalendarDate? {
        try ItemParsing.date(try string(key) ?? "", field: key)
    }

    func strings(_ key: String) throws(FieldError) -> [String] {
        guard let value = present(key) else { return [] }
        guard case .array(let list) = value else { throw FieldError("\"\(key)\" should be a list of texts") }
        var texts: [String] = []
        for item in list {
            guard case .string(let text) = item else { throw FieldError("\"\(key)\" should be a list of texts") }
            if let text = text.nonEmpty { texts.append(text) }
        }
        return texts
    }

    func object(_ key: String) throws(FieldError) -> Fields? {
        guard let value = present(key) else { return nil }
        guard case .object(let object) = value else { throw FieldError("\"\(key)\" should be an object") }
        return Fields(object)
    }

    func objects(_ key: String) throws(FieldError) -> [Fields] {
        guard let value = present(key) else { return [] }
        guard case .array(let list) = value else { throw FieldError("\"\(key)\" should be a list") }
        var fields: [Fields] = []
        for item in list {
            guard case .object(let object) = item else {
                throw FieldError("each item of \"\(key)\" should be an object")
            }
            fields.append(Fields(object))
        }
        return fields
    }
}
