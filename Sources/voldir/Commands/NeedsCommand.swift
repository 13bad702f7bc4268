import ArgumentParser
import VolunteerDirectory

/// `voldir needs`: the partnership needs held, and merging two that are the same request.
struct NeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: "List the partnership needs in the directory, or merge two that are the same request.",
        discussion: """
            A need from another source with the same partner and title and overlapping requirements \
            is flagged at import as a likely duplicate of the one held: it is listed as such, and \
            only the need held first is matched. 'voldir needs merge KEEP OTHER' keeps KEEP, moves \
            OTHER's placements to it and removes OTHER; later imports of OTHER change nothing.

            Examples:
              voldir needs
              voldir needs merge N-101 OPP-77
            """,
        subcommands: [List.self, Merge.self],
        defaultSubcommand: List.self
    )

    /// `voldir needs list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the partnership needs, with what each requires.")

        @OptionGroup var directory: DirectoryOptions
        @OptionGroup var output: FormatOptions

        func run() throws {
            emit(try Presentation.needs(try directory.openForReading().needs(), as: output.format))
        }
    }

    /// `voldir needs merge KEEP OTHER`.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Keep one of two needs that are the same request and move the other's placements to it.")

        @OptionGroup var directory: DirectoryOptions

        @Argument(help: "The need to keep.")
        var keep: String

        @Argument(help: "The need to remove: its placements move to the one kept.")
        var other: String

        func run() throws {
            let merge: NeedMerge
            let store = try directory.openForWriting()
            do {
                merge = try store.mergeNeeds(keep: keep, other: other)
            } catch let error as NeedMergeError {
                note("error: \(error)")
                throw ExitCode(1)
            }
            store.audit(
                "needs merge", target: "need \(merge.removed)",
                detail: "kept \(merge.kept); \(merge.moved) placements moved")
            var lines = ["Merged \(merge.removed) into \(merge.kept): \(merge.moved) placement(s) moved"]
            if merge.dropped > 0 {
                lines[0] += ", \(merge.dropped) dropped (the volunteer was already placed on \(merge.kept))"
            }
            lines[0] += "."
            if merge.confirmed > merge.places {
                lines.append(
                    "\(merge.kept) now has \(merge.confirmed) confirmed placements for \(merge.places) places: "
                        + "decline \(merge.confirmed - merge.places) with 'voldir placements decline ID'.")
            }
            emit(lines.joined(separator: "\n"))
        }
    }
}
