/// A volunteer as the matcher sees them: compact, with names interned to small integers, so a
/// pair can be checked and scored in nanoseconds.
public struct MatchVolunteer: Sendable {
    /// The directory id.
    public let id: VolunteerID
    /// Interned skill keys, with the level stated (0 when none).
    public let skills: [(key: Int32, level: Int)]
    /// Interned language codes (or written keys when unrecognised), with proficiency (0 when
    /// unstated) and whether they interpret.
    public let languages: [(language: Int32, proficiency: Int, interprets: Bool)]
    /// When they are free.
    public let slots: SlotMask
    /// Their DBS level.
    public let dbs: DBSLevel
    /// Interned postcode district, or -1.
    public let district: Int32
    /// Interned ward or area key, or -1.
    public let area: Int32
    /// Confirmed placements on open needs: counts against capacity and for fairness.
    public let placements: Int

    /// The best proficiency (and interpreting) they have in a language, or `nil`.
    public func proficiency(in language: Int32) -> (level: Int, interprets: Bool)? {
        var best: (Int, Bool)?
        for entry in languages where entry.language == language {
            best = (max(best?.0 ?? 0, entry.proficiency), (best?.1 ?? false) || entry.interprets)
        }
        return best
    }
}

/// A need as the matcher sees it.
public struct MatchNeed: Sendable {
    /// The need's id as the source gave it.
    public let id: String
    /// Required skills: for each, the interned volunteer skill keys that satisfy it, and which of
    /// those are exact.
    public let requiredSkills: [SkillRequirementMatch]
    /// Preferred skills, likewise.
    public let preferredSkills: [SkillRequirementMatch]
    /// Required languages with their minimum proficiency (0 when none).
    public let requiredLanguages: [(language: Int32, minimum: Int)]
    /// Preferred languages with their minimum proficiency.
    public let preferredLanguages: [(language: Int32, minimum: Int)]
    /// When the work is; empty means any time.
    public let slots: SlotMask
    /// The lowest DBS level.
    public let dbs: DBSLevel
    /// Interned postcode district, or -1.
    public let district: Int32
    /// Interned ward or area key, or -1.
    public let area: Int32
    /// Places still open (places less confirmed placements).
    public let places: Int
}

/// The volunteer skill keys that satisfy one skill a need asks for, as bit sets over the
/// index's skill ids, so checking a volunteer costs a few bit tests.
public struct SkillRequirementMatch: Sendable {
    /// The need's skill as written.
    public let written: String
    /// Skill ids that match exactly.
    let exact: SkillSet
    /// Skill ids that contain it as whole words (a narrower or longer skill).
    let words: SkillSet

    init(written: String, exact: SkillSet, words: SkillSet) {
        self.written = written
        self.exact = exact
        self.words = words
    }

    /// How well a volunteer meets it: 2 exact, 1 by words, 0 not at all; and the level held.
    public func match(_ volunteer: MatchVolunteer) -> (strength: Int, level: Int) {
        var strength = 0
        var level = 0
        for skill in volunteer.skills {
            let found = exact.contains(skill.key) ? 2 : words.contains(skill.key) ? 1 : 0
            if found > strength || (found == strength && found > 0 && skill.level > level) {
                strength = found
                level = skill.level
            }
        }
        return (strength, level)
    }
}

/// A set of small non-negative integers as bits.
struct SkillSet: Sendable {
    private var words: [UInt64] = []

    init() {}

    mutating func insert(_ member: Int32) {
        let word = Int(member) >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        words[word] |= 1 << UInt64(member & 63)
    }

    func contains(_ member: Int32) -> Bool {
        let word = Int(member) >> 6
        return word < words.count && words[word] & (1 << UInt64(member & 63)) != 0
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }
}
