import Foundation
import VolunteerDirectory

/// Generates realistic, fictional rosters, needs and Sector 3 feeds for demonstrations and
/// benchmarks: names from many communities, the borough's language mix with its skew, skills as
/// people write them, the same people in several networks, and a few malformed rows.
///
/// The output is the same for the same seed, and is written as it is generated, so ten million
/// rows take no more memory than ten.
public struct DirectoryGenerator: Sendable {
    /// How many volunteer rows (or feed elements) to write.
    public var volunteers: Int
    /// How many needs (or opportunities) to write.
    public var needs: Int
    /// The seed.
    public var seed: UInt64
    /// The share of rows that repeat an earlier person under another network (email in other case).
    public var duplicateRate = 0.05
    /// The share of rows that cannot be read (no name, an impossible date).
    public var malformedRate = 0.001

    /// `duplicateRate` (5%) and `malformedRate` (0.1%) keep their defaults unless set afterwards.
    public init(volunteers: Int, needs: Int, seed: UInt64) {
        self.volunteers = volunteers
        self.needs = needs
        self.seed = seed
    }

    /// A generated person.
    struct Person {
        var id: Int
        var given: String
        var family: String
        var email: String
        var phone: String
        var postcode: String
        var network: String
        var skills: [String]
        var languages: [String]
        var availability: String
        var dbs: String
        var consent: Bool
        var ageBand: String
        var malformed: Bool
    }

    // MARK: - CSV

    /// Writes a volunteer roster as CSV, and, when ``needs`` is positive, a needs sheet.
    public func writeCSV(roster: String, needsPath: String?) throws {
        let out = try BufferedOutput(path: roster)
        try out.write("Ref,Name,Email,Phone,Postcode,Network,Skills,Languages,Availability,DBS,Consent,Age Band\r\n")
        try forEachPerson { person in
            let name = person.malformed && person.id % 2 == 0 ? "" : "\(person.given) \(person.family)"
            let dbs = person.malformed && person.id % 2 == 1 ? "enhanced 31/02/2024" : person.dbs
            let cells = [
                "R\(person.id)", name, person.email, person.phone, person.postcode, person.network,
                person.skills.joined(separator: "; "), person.languages.joined(separator: "; "), person.availability,
                dbs,
                person.consent ? "yes" : "no", person.ageBand,
            ]
            try out.write(cells.map(Self.csvCell).joined(separator: ",") + "\r\n")
        }
        try out.close()
        if let needsPath, needs > 0 {
            let out = try BufferedOutput(path: needsPath)
            try out.write(
                "Need ID,Requested By,Title,Required Skills,Preferred Skills,Required Languages,Preferred Languages,Postcode,When,Places,DBS Required\r\n"
            )
            try forEachNeed { need in
                let cells = [
                    need.id, need.partner, need.title, need.requiredSkill, need.preferredSkill,
                    need.requiredLanguage.map { "\($0) (fluent)" } ?? "", need.preferredLanguage ?? "", need.postcode,
                    need.when,
                    String(need.places), need.dbs,
                ]
                try out.write(cells.map(Self.csvCell).joined(separator: ",") + "\r\n")
            }
            try out.close()
        }
    }

    // MARK: - Sector 3 feed

    /// Writes a Sector 3 feed (version 1) with networks, volunteers and opportunities.
    public func writeFeed(to path: String, sequence: Int = 1, source: String = "Sector 3 Synthetic") throws {
        let out = try BufferedOutput(path: path)
        try out.write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <s3:feed xmlns:s3="urn:sector3:network-feed:1" version="1.0" sequence="\(sequence)" generated="2025-04-02T09:30:00Z" source="\(Self.xml(source))">

            """)
        for (index, network) in Communities.networks.enumerated() {
            try out.write(
                "  <s3:network id=\"NET-\(index + 1)\"><s3:name>\(Self.xml(network))</s3:name><s3:kind>community</s3:kind></s3:network>\n"
            )
        }
        try forEachPerson { person in
            var xml = "  <s3:volunteer id=\"VOL-\(person.id)\">"
            if !(person.malformed && person.id % 2 == 0) {
                xml +=
                    "<s3:name><s3:given>\(Self.xml(person.given))</s3:given><s3:family>\(Self.xml(person.family))</s3:family></s3:name>"
            }
            xml += "<s3:email>\(Self.xml(person.email))</s3:email><s3:phone>\(person.phone)</s3:phone>"
            xml +=
                "<s3:postcode>\(person.postcode)</s3:postcode><s3:age-band>\(person.ageBand)</s3:age-band><s3:skills>"
            for skill in person.skills {
                let item = BracketedItem(parsing: skill)
                let level = item.details.first.flatMap(SkillLevel.init(name:)).map { " level=\"\($0)\"" } ?? ""
                xml += "<s3:skill\(level)>\(Self.xml(item.text))</s3:skill>"
            }
            xml += "</s3:skills><s3:languages>"
            for language in person.languages {
                let item = BracketedItem(parsing: language)
                let proficiency =
                    item.details.first.flatMap(Proficiency.init(name:)).map { " proficiency=\"\($0)\"" } ?? ""
                let interprets = item.details.contains("interpreter") ? " interprets=\"true\"" : ""
                xml += "<s3:language\(proficiency)\(interprets)>\(Self.xml(item.text))</s3:language>"
            }
            xml += "</s3:languages><s3:availability>"
            for slot in Slot.parse(person.availability) ?? [] {
                xml += "<s3:slot day=\"\(slot.day.rawValue)\" part=\"\(slot.part.rawValue)\"/>"
            }
            xml += "</s3:availability>"
            if let level = DBSLevel(name: person.dbs), level != .none {
                let issued = person.malformed && person.id % 2 == 1 ? "31/02/2024" : "2024-01-12"
                xml += "<s3:checks><s3:dbs level=\"\(level)\" issued=\"\(issued)\"/></s3:checks>"
            }
            xml += "<s3:consent contact=\"\(person.consent ? "yes" : "no")\" share=\"partners\"/></s3:volunteer>\n"
            try out.write(xml)
            if person.id % 97 == 0 {
                let network = 1 + person.id % Communities.networks.count
                try out.write(
                    "  <s3:network id=\"NET-\(network)\"><s3:name>\(Self.xml(Communities.networks[network - 1]))</s3:name><s3:member ref=\"VOL-\(person.id)\"/></s3:network>\n"
                )
            }
        }
        try forEachNeed { need in
            var xml =
                "  <s3:opportunity id=\"\(need.id)\" partner=\"\(Self.xml(need.partner))\"><s3:title>\(Self.xml(need.title))</s3:title>"
            xml += "<s3:needs-skill required=\"true\">\(Self.xml(need.requiredSkill))</s3:needs-skill>"
            if let language = need.requiredLanguage {
                xml +=
                    "<s3:needs-language required=\"true\" proficiency=\"fluent\">\(Self.xml(language))</s3:needs-language>"
            }
            xml += "<s3:postcode>\(need.postcode)</s3:postcode><s3:places>\(need.places)</s3:places>"
            if let level = DBSLevel(name: need.dbs), level != .none { xml += "<s3:dbs level=\"\(level)\"/>" }
            xml += "</s3:opportunity>\n"
            try out.write(xml)
        }
        try out.write("</s3:feed>\n")
        try out.close()
    }

    // MARK: - People and needs

    private func forEachPerson(_ body: (Person) throws -> Void) throws {
        var random = SeededRandom(seed: seed)
        var recent: [Person] = []  // a bounded window of earlier people, to repeat under other networks
        recent.reserveCapacity(1_024)
        for id in 1...max(1, volunteers) where volunteers > 0 {
            if !recent.isEmpty, random.chance(duplicateRate) {
                var twin = recent[random.index(recent.count)]
                twin.id = id
                twin.email = random.chance(0.5) ? twin.email.uppercased() : twin.email.capitalized
                twin.network = random.element(Communities.networks)
                twin.malformed = false
                try body(twin)
                continue
            }
            let person = makePerson(id: id, random: &random)
            if recent.count < 1_024 { recent.append(person) } else { recent[random.index(recent.count)] = person }
            try body(person)
        }
    }

    private func makePerson(id: Int, random: inout SeededRandom) -> Person {
        let community = random.weighted(Communities.all.map { ($0, $0.weight) })
        let given = random.element(community.given)
        let family = random.element(community.family)
        var languages: [String] = []
        for _ in 0..<(1 + random.index(3)) {
            let language = random.weighted(community.languages)
            if !languages.contains(language) { languages.append(language) }
        }
        var skills: [String] = []
        for _ in 0..<(1 + random.index(4)) {
            let skill = random.weighted(Communities.skills)
            if !skills.contains(skill) { skills.append(skill) }
        }
        let emailName = "\(given).\(family)".lowercased().filter { $0.isLetter || $0 == "." }
        return Person(
            id: id, given: given, family: family, email: "\(emailName).\(id)@example.org",
            phone: String(format: "07700 %06d", id % 1_000_000),
            postcode:
                "SK\(1 + random.index(8)) \(1 + random.index(9))\(["AB", "XE", "QR", "HT", "DP"][random.index(5)])",
            network: random.element(Communities.networks), skills: skills, languages: languages,
            availability: random.weighted(Communities.availability), dbs: random.weighted(Communities.dbs),
            consent: random.chance(0.92), ageBand: random.element(AgeBand.allCases).rawValue,
            malformed: random.chance(malformedRate))
    }

    struct SyntheticNeed {
        var id: String
        var partner: String
        var title: String
        var requiredSkill: String
        var preferredSkill: String
        var requiredLanguage: String?
        var preferredLanguage: String?
        var postcode: String
        var when: String
        var places: Int
        var dbs: String
    }

    private func forEachNeed(_ body: (SyntheticNeed) throws -> Void) throws {
        guard needs > 0 else { return }
        var random = SeededRandom(seed: seed &+ 1)
        let languages = [
            "Urdu", "Punjabi", "Polish", "Bengali", "Arabic", "Tigrinya", "Somali", "Romanian", "Farsi", "Kurdish",
            "Cantonese", "BSL", "Ukrainian",
        ]
        for index in 1...needs {
            let skill = BracketedItem(parsing: random.weighted(Communities.skills)).text
            let language = random.chance(0.6) ? random.element(languages) : nil
            try body(
                SyntheticNeed(
                    id: "N-\(index)", partner: random.element(Communities.partners),
                    title: "\(skill)\(language.map { " in \($0)" } ?? "") volunteers", requiredSkill: skill,
                    preferredSkill: BracketedItem(parsing: random.weighted(Communities.skills)).text,
                    requiredLanguage: language,
                    preferredLanguage: random.chance(0.3) ? random.element(languages) : nil,
                    postcode: "SK\(1 + random.index(8)) \(1 + random.index(9))AA",
                    when: random.weighted(Communities.availability),
                    places: 1 + random.index(5), dbs: random.weighted(Communities.dbs)))
        }
    }

    // MARK: - Escaping

    static func csvCell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func xml(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
