/// A volunteer as the matcher sees them: compact, with names interned to small integers, so a
/// pair can be checked and scored in nanoseconds.
///
/// Their skills and languages lie in the index's shared lists (``MatchIndex/skills(of:)``,
/// ``MatchIndex/languages(of:)``), not in arrays of their own: a volunteer is then plain data,
/// copied without reference counting. With arrays of their own, the millions of copies the
/// matcher makes of shortlisted volunteers, from two threads, were a fifth of `voldir match`'s
/// time at 300,000 volunteers.
public struct MatchVolunteer: Sendable {
    /// The directory id.
    public let id: VolunteerID
    /// Where their skills lie in ``MatchIndex/heldSkills``.
    let skillRange: Range<Int32>
    /// Where their languages lie in ``MatchIndex/spokenLanguages``.
    let languageRange: Range<Int32>
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
    /// Whether they interpret any language.
    public let interpretsAny: Bool
}

/// A skill a volunteer holds, as the matcher sees it.
public struct HeldSkill: Sendable {
    /// The interned skill key (``MatchIndex/skillID(_:)``).
    public let key: Int32
    /// The level stated (``SkillLevel`` raw value), 0 when none.
    public let level: Int
}

/// A language a volunteer speaks, as the matcher sees it.
public struct SpokenEntry: Sendable {
    /// The interned language code (or written key when unrecognised).
    public let language: Int32
    /// The proficiency (``Proficiency`` raw value), 0 when unstated.
    public let proficiency: Int
    /// Whether they interpret it.
    public let interprets: Bool
}

/// A language a need asks for, with the languages that meet it: itself and, for a
/// macrolanguage, its members (Kurmanji and Sorani for Kurdish). Related languages (Chinese for
/// Cantonese) do not meet it: a wrong language is worse than an empty place.
public struct LanguageRequirementMatch: Sendable {
    /// The interned language asked for.
    public let language: Int32
    /// The interned languages that meet it.
    public let accepted: [Int32]
    /// The lowest proficiency that will do (0 when none).
    public let minimum: Int

    init(language: Int32, accepted: [Int32], minimum: Int) {
        self.language = language
        self.accepted = accepted
        self.minimum = minimum
    }

    /// Whether the volunteer speaks it well enough.
    public func isMet(by volunteer: MatchVolunteer, in index: MatchIndex) -> Bool {
        (held(by: volunteer, in: index)?.level ?? -1) >= minimum
    }

    /// The best proficiency (and interpreting) the volunteer has in it, or `nil`.
    public func held(by volunteer: MatchVolunteer, in index: MatchIndex) -> (level: Int, interprets: Bool)? {
        var best: (Int, Bool)?
        for position in volunteer.languageRange {
            let entry = index.spokenLanguages[Int(position)]
            guard accepted.contains(entry.language) else { continue }
            best = (max(best?.0 ?? 0, entry.proficiency), (best?.1 ?? false) || entry.interprets)
        }
        return best
    }

    /// Whether an interned language meets it.
    func accepts(_ language: Int32) -> Bool { accepted.contains(language) }
}

/// A need as the matcher sees it.
/// A need as the matcher sees it. A class, so handing it to each criterion for each of millions
/// of candidate pairs costs one reference count, not one per list it holds.
public final class MatchNeed: Sendable {
    /// The need's id as the source gave it.
    public let id: String
    /// Required skills: for each, the volunteer skills that meet it and how.
    public let requiredSkills: [SkillRequirementMatch]
    /// Preferred skills, likewise.
    public let preferredSkills: [SkillRequirementMatch]
    /// Required languages with their minimum proficiency.
    public let requiredLanguages: [LanguageRequirementMatch]
    /// Preferred languages with their minimum proficiency.
    public let preferredLanguages: [LanguageRequirementMatch]
    /// When the work is; empty means any time.
    public let slots: SlotMask
    /// The lowest DBS level.
    public let dbs: DBSLevel
    /// Interned postcode district, or -1.
    public let district: Int32
    /// Interned ward or area key, or -1.
    public let area: Int32
    /// Places still open: those asked (held within `0...Int32.max`) less confirmed placements.
    public let places: Int

    init(
        id: String, requiredSkills: [SkillRequirementMatch], preferredSkills: [SkillRequirementMatch],
        requiredLanguages: [LanguageRequirementMatch], preferredLanguages: [LanguageRequirementMatch], slots: SlotMask,
        dbs: DBSLevel,
        district: Int32, area: Int32, places: Int
    ) {
        self.id = id
        self.requiredSkills = requiredSkills
        self.preferredSkills = preferredSkills
        self.requiredLanguages = requiredLanguages
        self.preferredLanguages = preferredLanguages
        self.slots = slots
        self.dbs = dbs
        self.district = district
        self.area = area
        self.places = places
    }
}

/// The volunteer skills that meet one skill a need asks for, by how they meet it (exact,
/// synonym, narrower, related), as one byte per skill id of the index, so checking a volunteer
/// costs one array read per skill they hold.
public struct SkillRequirementMatch: Sendable {
    /// The need's skill as written.
    public let written: String
    /// Per skill id: 0 when it does not meet the skill, else its kind as ``code(of:)`` codes it.
    let kinds: [UInt8]
    /// How interpreting a language counts for it, when it is (or is near) interpreting.
    let interpreting: SkillMatchKind?
    /// The volunteers (positions) who hold it well enough to meet it as a requirement.
    let candidates: [Int32]

    init(written: String, kinds: [UInt8], interpreting: SkillMatchKind?, candidates: [Int32]) {
        self.written = written
        self.kinds = kinds
        self.interpreting = interpreting
        self.candidates = candidates
    }

    /// How a skill id meets it, if at all.
    func kind(of skill: Int32) -> SkillMatchKind? {
        guard skill >= 0, Int(skill) < kinds.count else { return nil }
        return Self.kind(coded: kinds[Int(skill)])
    }

    /// The kind a byte of ``kinds`` codes (``code(of:)`` writes them), 0 and anything unknown
    /// coding none.
    static func kind(coded byte: UInt8) -> SkillMatchKind? {
        switch byte {
        case 1: .exact
        case 2: .synonym
        case 3: .narrower
        case 4: .related
        default: nil
        }
    }

    /// The byte of ``kinds`` that codes a kind (0 codes none).
    static func code(of kind: SkillMatchKind) -> UInt8 {
        switch kind {
        case .exact: 1
        case .synonym: 2
        case .narrower: 3
        case .related: 4
        }
    }

    /// How well a volunteer meets it: the best kind among their skills (`nil`: not at all), and
    /// the level held in that skill.
    public func match(_ volunteer: MatchVolunteer, in index: MatchIndex) -> (kind: SkillMatchKind?, level: Int) {
        var best: SkillMatchKind?
        var level = 0
        for position in volunteer.skillRange {
            let skill = index.heldSkills[Int(position)]
            guard let found = kind(of: skill.key) else { continue }
            if best == nil || found > (best ?? .related) || (found == best && skill.level > level) {
                best = found
                level = skill.level
            }
        }
        if let interpreting, best == nil || interpreting > (best ?? .related), volunteer.interpretsAny {
            return (interpreting, 0)
        }
        return (best, level)
    }

    /// Whether the volunteer meets it as a requirement (related skills do not).
    public func isMet(by volunteer: MatchVolunteer, in index: MatchIndex) -> Bool {
        match(volunteer, in: index).kind?.meetsRequirement ?? false
    }
}
