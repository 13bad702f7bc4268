/// A skill or qualification as someone wrote it, with the key it is matched on.
public struct Skill: Sendable, Hashable, Codable {
    /// The text as written (`Accountancy`, `ACCA qualified`).
    public var written: String
    /// The matching key: lower case, punctuation folded (`accountancy`).
    public var key: String
    /// How far the person has taken it, when stated.
    public var level: SkillLevel?
    /// The ISO 3166 alpha-2 country where the qualification was gained (`PK`), when stated.
    public var qualifiedIn: String?

    /// Creates a skill; the key is derived from the written text.
    public init(written: String, level: SkillLevel? = nil, qualifiedIn: String? = nil) {
        self.written = written
        self.key = written.matchingKey
        self.level = level
        self.qualifiedIn = qualifiedIn
    }
}

extension Skill {
    /// The skill as shown to coordinators: `Accountancy (professional, qualified in Pakistan)`.
    /// The country is named (JSON keeps the code).
    public var displayText: String {
        let country = qualifiedIn.map { "qualified in \(Countries.name(of: $0) ?? $0)" }
        let details = [level?.description, country].compactMap { $0 }
        return details.isEmpty ? written : "\(written) (\(details.joined(separator: ", ")))"
    }
}

/// A skill a need asks for.
public struct SkillRequirement: Sendable, Hashable, Codable {
    /// The skill as the partner wrote it.
    public var skill: Skill
    /// Whether the need cannot be met without it (otherwise it is a preference).
    public var isRequired: Bool

    /// With `isRequired` false the skill is a preference: the need can still be met without it.
    public init(skill: Skill, isRequired: Bool) {
        self.skill = skill
        self.isRequired = isRequired
    }
}
