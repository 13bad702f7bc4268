/// The level of a Disclosure and Barring Service check, lowest first.
public enum DBSLevel: Int, Sendable, Codable, Comparable, CaseIterable, CustomStringConvertible {
    /// No check held.
    case none = 0
    /// A basic check (unspent convictions).
    case basic = 1
    /// A standard check (spent and unspent convictions, cautions).
    case standard = 2
    /// An enhanced check (standard plus local police information); needed for work with children
    /// and adults at risk.
    case enhanced = 3

    /// Reads `none`, `basic`, `standard` or `enhanced` in any case; `nil` otherwise.
    public init?(name: String) {
        switch name.matchingKey {
        case "none", "no", "n a", "na": self = .none
        case "basic": self = .basic
        case "standard": self = .standard
        case "enhanced", "enhanced with barred list", "enhanced barred list": self = .enhanced
        default: return nil
        }
    }

    /// The lower-case name used in every format.
    public var description: String { ["none", "basic", "standard", "enhanced"][rawValue] }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public init(from decoder: any Decoder) throws { self = try decodeNamed(decoder, DBSLevel.init(name:)) }
    public func encode(to encoder: any Encoder) throws { try encodeNamed(description, encoder) }
}

/// How well someone uses a language, lowest first.
public enum Proficiency: Int, Sendable, Codable, Comparable, CaseIterable, CustomStringConvertible {
    /// Can get by in simple exchanges.
    case basic = 1
    /// Can hold an everyday conversation.
    case conversational = 2
    /// Fluent.
    case fluent = 3
    /// A first language.
    case native = 4

    /// Reads the four names and the words rosters use for them (`mother tongue`, `good`, ...).
    public init?(name: String) {
        switch name.matchingKey {
        case "basic", "beginner", "some", "a little", "limited", "elementary": self = .basic
        case "conversational", "intermediate", "good", "working": self = .conversational
        case "fluent", "advanced", "excellent", "proficient", "very good": self = .fluent
        case "native", "mother tongue", "first language", "native speaker", "bilingual", "home language":
            self = .native
        default: return nil
        }
    }

    /// The lower-case name used in every format.
    public var description: String { ["", "basic", "conversational", "fluent", "native"][rawValue] }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public init(from decoder: any Decoder) throws { self = try decodeNamed(decoder, Proficiency.init(name:)) }
    public func encode(to encoder: any Encoder) throws { try encodeNamed(description, encoder) }
}

/// How far someone has taken a skill, lowest first.
public enum SkillLevel: Int, Sendable, Codable, Comparable, CaseIterable, CustomStringConvertible {
    /// Some experience.
    case basic = 1
    /// Practised, with real experience.
    case experienced = 2
    /// Qualified or done as a profession.
    case professional = 3

    /// Reads the three names and common words for them (`qualified`, `chartered`, `some`, ...).
    public init?(name: String) {
        switch name.matchingKey {
        case "basic", "beginner", "some", "some experience", "novice": self = .basic
        case "experienced", "intermediate", "good", "practised", "practiced", "skilled": self = .experienced
        case "professional", "qualified", "expert", "chartered", "certified", "registered", "advanced":
            self = .professional
        default: return nil
        }
    }

    /// The lower-case name used in every format.
    public var description: String { ["", "basic", "experienced", "professional"][rawValue] }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public init(from decoder: any Decoder) throws { self = try decodeNamed(decoder, SkillLevel.init(name:)) }
    public func encode(to encoder: any Encoder) throws { try encodeNamed(description, encoder) }
}

/// The age bands Sector 3 uses, which rosters copy.
public enum AgeBand: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case age16to17 = "16-17"
    case age18to24 = "18-24"
    case age25to34 = "25-34"
    case age35to49 = "35-49"
    case age50to64 = "50-64"
    case age65plus = "65+"

    /// Reads a band as written, forgiving spaces and dash styles (`65 +`, `18–24`).
    public init?(text: String) {
        if let band = AgeBand(rawValue: text) {
            self = band
            return
        }
        let compact = text.filter { !$0.isWhitespace }.lowercased().replacingOccurrences(of: "–", with: "-")
            .replacingOccurrences(of: "—", with: "-").replacingOccurrences(of: "to", with: "-")
        if let band = AgeBand(rawValue: compact) {
            self = band
            return
        }
        if compact == "65andover" || compact == "over65" {
            self = .age65plus
            return
        }
        return nil
    }

    /// The band as written in the formats.
    public var description: String { rawValue }
}

/// With whom a volunteer agreed their details may be shared.
public enum ShareScope: Int, Sendable, Codable, Comparable, CaseIterable, CustomStringConvertible {
    /// Kept by the network only.
    case none = 0
    /// May be shared with Sector 3.
    case sector3 = 1
    /// May be shared with the partnership's partners.
    case partners = 2

    /// Reads `none`, `sector3` or `partners`.
    public init?(name: String) {
        switch name.compactKey {
        case "none", "no": self = .none
        case "sector3": self = .sector3
        case "partners", "partner", "yes": self = .partners
        default: return nil
        }
    }

    /// The name used in the feed.
    public var description: String { ["none", "sector3", "partners"][rawValue] }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public init(from decoder: any Decoder) throws { self = try decodeNamed(decoder, ShareScope.init(name:)) }
    public func encode(to encoder: any Encoder) throws { try encodeNamed(description, encoder) }
}

private func decodeNamed<T>(_ decoder: any Decoder, _ make: (String) -> T?) throws -> T {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let value = make(text) else {
        throw DecodingError.dataCorrupted(
            .init(codingPath: decoder.codingPath, debugDescription: "Unknown value '\(text)'"))
    }
    return value
}

private func encodeNamed(_ name: String, _ encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(name)
}
