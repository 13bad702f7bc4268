import ArgumentParser
import VolunteerDirectory

/// `voldir search`: finds volunteers.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find volunteers by skill, language, network, area, availability or DBS check.",
        discussion: """
            Every filter given must hold. Languages can be written as a code (ur, urd), a name \
            (Urdu, Farsi), an endonym (Polski), a BCP 47 tag (pa-Arab) or with a small misspelling \
            (Portugese); a macrolanguage also finds its members (Kurdish: Sorani, Kurmanji) and a \
            variety shows related ones. Skills are understood through the skills taxonomy: \
            accountancy also finds "ACCA qualified" (synonym), "Tax returns" (narrower) and \
            "Bookkeeping" (related). Results rank exact first, then synonym, narrower and related, \
            and say which in the MATCH column (JSON: "match" and "matched"). See 'voldir languages' \
            and 'voldir skills' to check how a word is read.

            Only volunteers who agreed to be contacted are listed unless --include-no-consent.

            Examples:
              voldir search --language Polish --dbs enhanced
              voldir search --skill accountancy --area SK4 --available tue-evening
              voldir search --language ur --language pa --min-proficiency fluent --format json
            """
    )

    @OptionGroup var directory: DirectoryOptions
    @OptionGroup var output: FormatOptions

    @Option(
        name: .long,
        help: "A skill the volunteer must have (or a synonym, narrower or related one). Repeatable: all must hold.")
    var skill: [String] = []

    @Option(name: .long, help: "A language the volunteer must use. Repeatable: all must hold.")
    var language: [String] = []

    @Option(name: .long, help: "The lowest proficiency that counts: basic, conversational, fluent or native.")
    var minProficiency: Proficiency?

    @Option(name: .long, help: "Only members of this network (name or id).")
    var network: String?

    @Option(name: .long, help: "A ward or neighbourhood, or a postcode district such as SK4.")
    var area: String?

    @Option(
        name: .long,
        help: ArgumentHelp("When they must be free, such as tue-evening, sat, weekends. Repeatable.", valueName: "slot")
    )
    var available: [String] = []

    @Option(name: .long, help: "The lowest DBS check: basic, standard or enhanced.")
    var dbs: DBSLevel?

    @Option(
        name: .long,
        help: """
            Words to find in names, skills and notes (at most \(VolunteerQuery.maximumTextWords) words, \
            \(VolunteerQuery.maximumTextLength) characters).
            """)
    var text: String?

    @Option(
        name: .long,
        help: """
            The most volunteers to list (\(VolunteerQuery.limitRange.lowerBound) to \
            \(VolunteerQuery.limitRange.upperBound)).
            """)
    var limit: Int = 50

    @Flag(name: .long, help: "Also list people who have not agreed to be contacted.")
    var includeNoConsent = false

    func validate() throws {
        do {
            try VolunteerQuery.validate(text: text)
        } catch {
            throw ValidationError("--text: \(error)")
        }
        do {
            try VolunteerQuery(limit: limit).validate()
        } catch {
            throw ValidationError("--limit: \(error)")
        }
        for slot in available where Slot.parse(slot) == nil {
            throw ValidationError(
                "--available '\(slot)' is not understood; write it like tue-evening, sat-morning, weekends or any")
        }
    }

    func run() throws {
        // `--language no` must not search Norwegian, nor the "No" someone wrote: it names nothing.
        if let answer = language.first(where: LanguageCatalogue.isAnswer) {
            throw ValidationError(
                "--language '\(answer)' is not a language but an answer such as yes or no; give a language's name or code"
            )
        }
        let store = try directory.openForReading()
        let languages = language.map { LanguageReference.resolving($0) }
        for reference in languages {
            if let text = reference.readingNote { note((reference.code == nil ? "warning: " : "note: ") + text) }
        }
        let query = VolunteerQuery(
            skills: skill, languages: languages, minimumProficiency: minProficiency, network: network, area: area,
            availability: available.flatMap { Slot.parse($0) ?? [] },
            minimumDBS: dbs, text: text, includeWithoutConsent: includeNoConsent, limit: limit)
        let matches = try store.search(query)
        let found = matches.map(\.volunteer.id)
        var asked: [(String, String?)] = [("skill", skill.joined(separator: ", "))]
        asked.append(("language", language.joined(separator: ", ")))
        asked.append(("min-proficiency", minProficiency.map { "\($0)" }))
        asked += [("network", network), ("area", area), ("available", available.joined(separator: ", "))]
        asked += [("dbs", dbs.map { "\($0)" }), ("text", text), ("include-no-consent", includeNoConsent ? "yes" : nil)]
        asked.append(("results", String(found.count)))
        store.audit("search", target: AuditText.target(found), people: found, detail: AuditText.detail(asked))
        if matches.isEmpty, output.format == .table {
            note("No volunteers match.")
            return
        }
        emit(try Presentation.volunteers(matches, as: output.format))
    }
}
