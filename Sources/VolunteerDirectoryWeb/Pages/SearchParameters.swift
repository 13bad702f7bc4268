import Foundation
import VolunteerDirectory

/// A search as the page and the API take it: the CLI's option names as query parameters
/// (`skill`, `language`, `network`, `area`, `available`, `dbs`, `min-proficiency`, `text`,
/// `limit`; `skill`, `language` and `available` repeat), read with the CLI's rules.
struct SearchParameters {
    var values: FormValues
    /// Problems, each with the field it belongs to.
    var problems: [(field: String, message: String)] = []
    /// The query, when there were no problems and anything was asked.
    var query: VolunteerQuery?

    /// The parameter names, in the form's order.
    static let names = ["skill", "language", "min-proficiency", "network", "area", "available", "dbs", "text", "limit"]

    init(_ values: FormValues) {
        self.values = values
        let skills = values.all("skill").flatMap(Self.split)
        let languages = values.all("language").flatMap(Self.split)
        let slotsWritten = values.all("available").flatMap(Self.split)
        var proficiency: Proficiency?
        if let text = values["min-proficiency"] {
            proficiency = Proficiency(name: text)
            if proficiency == nil {
                problems.append(
                    (
                        "min-proficiency",
                        "'\(text)' is not a proficiency; choose basic, conversational, fluent or native"
                    ))
            }
        }
        var dbs: DBSLevel?
        if let text = values["dbs"] {
            dbs = DBSLevel(name: text)
            if dbs == nil {
                problems.append(("dbs", "'\(text)' is not a DBS level; choose basic, standard or enhanced"))
            }
        }
        var limit = 50
        if let text = values["limit"] {
            if let number = Int(text), VolunteerQuery.limitRange.contains(number) {
                limit = number
            } else {
                problems.append(
                    (
                        "limit",
                        "the most volunteers to list is a number from \(VolunteerQuery.limitRange.lowerBound) to \(VolunteerQuery.limitRange.upperBound)"
                    ))
            }
        }
        do {
            try VolunteerQuery.validate(text: values["text"])
        } catch {
            problems.append(("text", "\(error)"))
        }
        var slots: [Slot] = []
        for written in slotsWritten {
            if let parsed = Slot.parse(written) {
                slots += parsed
            } else {
                problems.append(
                    ("available", "'\(written)' is not understood; write it like tue-evening, sat-morning or weekends"))
            }
        }
        if let answer = languages.first(where: LanguageCatalogue.isAnswer) {
            problems.append(
                (
                    "language",
                    "'\(answer)' is an answer such as yes or no, not a language; give a language's name or code"
                ))
        }
        let asked =
            !skills.isEmpty || !languages.isEmpty || values["network"] != nil || values["area"] != nil
            || !slots.isEmpty || dbs != nil || values["text"] != nil
        guard problems.isEmpty, asked else { return }
        query = VolunteerQuery(
            skills: skills, languages: languages.map { LanguageReference.resolving($0) },
            minimumProficiency: proficiency, network: values["network"], area: values["area"], availability: slots,
            minimumDBS: dbs, text: values["text"], limit: limit)
    }

    /// A field may hold several values separated by commas (`Urdu, Punjabi`), as well as repeat.
    private static func split(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Notes on how languages were read (a correction, one the catalogue does not know).
    var languageNotes: [String] {
        values.all("language").flatMap(Self.split).compactMap { LanguageReference.resolving($0).readingNote }
    }

    /// The filters asked, for the audit entry.
    var auditPairs: [(String, String?)] {
        Self.names.map { ($0, values.all($0).joined(separator: ", ")) }
    }
}
