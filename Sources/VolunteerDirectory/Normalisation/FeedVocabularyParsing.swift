/// The Sector 3 feed's words for levels, proficiencies, days and consent, read the same way by
/// every plugin that takes them as the feed spec writes them: the feed itself, and external
/// plugins (protocol 1 uses the feed's vocabularies).
///
/// Each reading throws a ``FieldError`` that names the offending value and the accepted words.
public enum FeedVocabulary {
    /// A slot from its `day` and `part`; either missing means `any`.
    public static func slot(day: String?, part: String?) throws(FieldError) -> Slot {
        let dayText = day?.nonEmpty ?? "any"
        let partText = part?.nonEmpty ?? "any"
        guard let day = Day(rawValue: dayText.lowercased()) ?? Day(name: dayText) else {
            throw FieldError("unknown day '\(dayText)'; expected mon, tue, wed, thu, fri, sat, sun or any")
        }
        guard let part = PartOfDay(rawValue: partText.lowercased()) ?? PartOfDay(name: partText) else {
            throw FieldError("unknown part of day '\(partText)'; expected morning, afternoon, evening or any")
        }
        return Slot(day: day, part: part)
    }

    /// A DBS check's level, which must be given.
    public static func dbsLevel(_ text: String?) throws(FieldError) -> DBSLevel {
        guard let text = text?.nonEmpty else { throw FieldError("a DBS check has no level") }
        guard let level = DBSLevel(name: text) else {
            throw FieldError("unknown DBS level '\(text)'; expected basic, standard or enhanced")
        }
        return level
    }

    /// A proficiency, or `nil` when none is given.
    public static func proficiency(_ text: String?) throws(FieldError) -> Proficiency? {
        guard let text = text?.nonEmpty else { return nil }
        guard let proficiency = Proficiency(name: text) else {
            throw FieldError("unknown proficiency '\(text)'; expected basic, conversational, fluent or native")
        }
        return proficiency
    }

    /// A skill level, or `nil` when none is given.
    public static func skillLevel(_ text: String?) throws(FieldError) -> SkillLevel? {
        guard let text = text?.nonEmpty else { return nil }
        guard let level = SkillLevel(name: text) else {
            throw FieldError("unknown skill level '\(text)'; expected basic, experienced or professional")
        }
        return level
    }

    /// The country a qualification was gained in, as an upper-case ISO 3166 alpha-2 code, or
    /// `nil` when none is given. `attribute` names the field in the message.
    public static func qualifiedIn(_ text: String?, attribute: String) throws(FieldError) -> String? {
        guard let country = text?.nonEmpty else { return nil }
        guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw FieldError("\(attribute) '\(country)' is not an ISO 3166 two-letter country code such as PK")
        }
        return country.uppercased()
    }

    /// Whom the person agreed their details may be shared with, or `nil` when not said.
    public static func shareScope(_ text: String?) throws(FieldError) -> ShareScope? {
        guard let share = text?.nonEmpty else { return nil }
        guard let scope = ShareScope(name: share) else {
            throw FieldError("unknown consent share '\(share)'; expected none, sector3 or partners")
        }
        return scope
    }
}
