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

    /// The best proficiency (and interpreting) they have in any of these languages, or `nil`.
    public func proficiency(inAnyOf accepted: [Int32]) -> (level: Int, interprets: Bool)? {
        var best: (Int, Bool)?
        for entry in languages where accepted.contains(entry.language) {
            best = (max(best?.0 ?? 0, entry.proficiency), (best?.1 ?? false) || entry.interprets)
        }
        return best
    }

    /// Whether they interpret any language.
    public var interpretsAny: Bool { languages.contains { $0.interprets } }
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
    public func isMet(by volunteer: MatchVolunteer) -> Bool {
        (volunteer.proficiency(inAnyOf: accepted)?.level ?? -1) >= minimum
    }

    /// The best proficiency the volunteer has in it, or `nil`.
    public func held(by volunteer: MatchVolunteer) -> (level: Int, interprets: Bool)? {
        volunteer.proficiency(inAnyOf: accepted)
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
    /// Per skill id: 0 when it does not meet the skill, else 1 + the offset of its kind in
    /// ``SkillMatchKind/allCases``.
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
        guard skill >= 0, Int(skill) < kinds.count, kinds[Int(skill)] > 0 else { return nil }
        return SkillMatchKind.allCases[Int(kinds[Int(skill)]) - 1]
    }

    /// How well a volunteer meets it: the best kind among their skills (`nil`: not at all), and
    /// the level held in that skill.
    public func match(_ volunteer: MatchVolunteer) -> (kind: SkillMatchKind?, level: Int) {
        var best: SkillMatchKind?
        var level = 0
        for skill in volunteer.skills {
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
    public func isMet(by volunteer: MatchVolunteer) -> Bool {
        match(volunteer).kind?.meetsRequirement ?? false
    }
}
