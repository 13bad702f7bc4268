/// Cuts an import report's repeated warnings down to what a person reads on a terminal: the
/// first few of each kind, then one line counting the rest.
///
/// Two warnings are of one kind when their messages differ only in the values they quote
/// (`email 'a@' does not look like an address` and `email 'b@' ...`). The report itself keeps
/// every warning: `--format json` prints them all, complete, for scripts.
///
/// ```swift
/// let shown = reports.map { WarningDigest.abridged($0) }
/// ```
public enum WarningDigest {
    /// How many warnings of one kind are shown before the rest are counted.
    public static let shownOfEachKind = 5

    /// `report` with at most `shown` warnings of each kind, in their order, and after them one
    /// warning per cut-down kind: `and 9,990 more like this: email '…' does not look like an address`.
    public static func abridged(_ report: FileImportReport, showing shown: Int = shownOfEachKind) -> FileImportReport {
        var counts: [String: Int] = [:]
        var kept: [ImportWarning] = []
        var kinds: [String] = []
        for warning in report.warnings {
            let kind = kind(of: warning.message)
            let seen = counts[kind, default: 0]
            if seen == 0 { kinds.append(kind) }
            counts[kind] = seen + 1
            if seen < shown { kept.append(warning) }
        }
        for kind in kinds {
            let more = (counts[kind] ?? 0) - shown
            if more > 0 {
                kept.append(ImportWarning(location: nil, message: "and \(more.grouped) more like this: \(kind)"))
            }
        }
        var abridged = report
        abridged.warnings = kept
        return abridged
    }

    /// The message with every quoted value ('…') replaced by an ellipsis: what warnings of one
    /// kind share.
    public static func kind(of message: String) -> String {
        var result = ""
        var inQuote = false
        var previous: Character = " "
        for character in message {
            if character == "'" {
                // A quote opens after a space or bracket and closes before one: an apostrophe
                // inside a word ("isn't") is neither.
                if !inQuote, previous == " " || previous == "(" {
                    inQuote = true
                    result += "'…"
                } else if inQuote {
                    inQuote = false
                    result.append("'")
                } else {
                    result.append(character)
                }
            } else if !inQuote {
                result.append(character)
            }
            previous = character
        }
        return inQuote ? message : result
    }
}
