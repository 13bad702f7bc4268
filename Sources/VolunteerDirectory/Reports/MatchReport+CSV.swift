extension MatchReport {
    /// The report as one CSV sheet: a row per proposal, alternate and unfilled need, with every
    /// cell neutralised so no spreadsheet runs it as a formula.
    public func csv() -> String {
        var rows: [[String]] = []
        for section in needs {
            let need = section.need
            for entry in section.proposed {
                rows.append(
                    ["proposed", need.id, need.partner, need.title, String(entry.volunteer.id), entry.volunteer.name]
                        + (audience == .coordinator ? [contact(entry.volunteer) ?? ""] : [""])
                        + [format(entry.score), "", entry.reasons.joined(separator: "; ")])
            }
            if section.withheld > 0 {
                rows.append([
                    "withheld", need.id, need.partner, need.title, "", "", "", "",
                    PublishedCount(section.withheld).description, "not agreed to be shared with partners",
                ])
            }
            for entry in section.alternates {
                rows.append(
                    ["alternate", need.id, need.partner, need.title, String(entry.volunteer.id), entry.volunteer.name]
                        + (audience == .coordinator ? [contact(entry.volunteer) ?? ""] : [""])
                        + [format(entry.score), "", entry.reasons.joined(separator: "; ")])
            }
            if let unfilled = section.unfilled {
                rows.append([
                    "unfilled", need.id, need.partner, need.title, "", "", "", "", String(unfilled.places),
                    unfilled.reasons.joined(separator: "; "),
                ])
            }
        }
        for need in duplicates {
            rows.append([
                "duplicate", need.id, need.partner, need.title, "", "", "", "", String(need.places),
                Self.duplicateNote(need),
            ])
        }
        for person in talent {
            rows.append(
                ["unplaced talent", "", "", "", String(person.volunteer.id), person.volunteer.name]
                    + (audience == .coordinator ? [contact(person.volunteer) ?? ""] : [""])
                    + ["", "", skillsText(person.skills)])
        }
        return CSVWriter.document(
            headers: ["row", "need", "partner", "title", "volunteer", "name", "contact", "score", "places", "details"],
            rows: rows)
    }

    /// The result as JSON: `{"assignments","candidates","unfilled","totalScore"}` (and `pruning`
    /// when the candidate list was cut), filtered for the audience.
    public func json() throws -> String {
        try Presentation.json(result)
    }
}
