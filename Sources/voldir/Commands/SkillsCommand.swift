import ArgumentParser
import VolunteerDirectory

/// `voldir skills`: how a skill string is understood, the skills held, or the skills not understood.
struct SkillsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skills",
        abstract: "Show how a skill is understood, which skills volunteers hold, or which the taxonomy misses.",
        discussion: """
            Free-text skills are mapped to the skills taxonomy at import ("ACCA qualified" and \
            "chartered accountant" are Accountancy), with the text kept as written.

            With a QUERY, shows the taxonomy skills it names (exact, or synonym when named by another \
            name or a qualification) and those a search for it also finds: narrower skills (a solicitor \
            for legal advice) and related ones (bookkeeping for accountancy). With --format json: \
            {"query", "skills": [{"key", "label", "match"}]}.

            Without a QUERY, lists the taxonomy skills held in the directory, most held first. With \
            --unmapped, lists the skills volunteers wrote that the taxonomy does not understand, most \
            written first: add them as synonyms in a file named *.taxonomy.yaml in ./Imports (or pass \
            --taxonomy FILE) and they are understood at once, without a rebuild. The shipped taxonomy \
            (Sources/VolunteerDirectory/Resources/skills-taxonomy.yaml) shows the format.

            Examples:
              voldir skills "ACCA qualified"
              voldir skills "legal advice" --format json
              voldir skills --unmapped --limit 20
            """
    )

    @OptionGroup var directory: DirectoryOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "A skill as someone might write it.")
    var query: String?

    @Flag(name: .long, help: "List written skills the taxonomy does not understand.")
    var unmapped = false

    @Option(name: .long, help: "The most rows to list with --unmapped.")
    var limit: Int = 100

    @Option(name: .long, help: "coordinator (exact counts) or partner (counts from 1 to 4 shown as 'fewer than 5').")
    var audience: MatchCommand.Audience = .coordinator

    func validate() throws {
        if query != nil, unmapped { throw ValidationError("give a QUERY or --unmapped, not both") }
        guard limit > 0 else { throw ValidationError("--limit must be a positive number") }
    }

    func run() throws {
        if let query {
            emit(try Presentation.skill(query: query, taxonomy: try directory.loadTaxonomy(), as: output.format))
            return
        }
        let store = try directory.openForReading()
        if unmapped {
            let skills = try store.unmappedSkills(limit: limit)
            if skills.isEmpty, output.format == .table {
                note("Every skill in the directory is understood by the taxonomy.")
                return
            }
            emit(try Presentation.unmappedSkills(skills, as: output.format))
            return
        }
        let holders = try store.skillHolders()
        if holders.isEmpty, output.format == .table {
            note("No skills held yet: import rosters first ('voldir import').")
            return
        }
        emit(
            try Presentation.skillHolders(
                holders, taxonomy: store.taxonomy, as: output.format, forPartners: audience == .partner))
    }
}
