extension MatchReport {
    /// The report as Markdown: readable as plain text in a terminal, and renders anywhere.
    public func markdown() -> String {
        var out: [String] = []
        out.append("# Matching report")
        out.append("")
        out.append(
            summaryLine
                + (audience == .partner
                    ? " Prepared for partners: contact details and people who did not agree to be shared are left out."
                    : ""))
        if let pruning = result.pruning {
            out.append("")
            out.append(
                "> Candidates listed: \(pruning.candidatesListed) of \(pruning.candidatesConsidered) (\(pruning.method))."
            )
        }
        out.append("")
        out.append("## Proposals")
        for section in needs {
            out.append("")
            out.append("### \(md(section.need.id)): \(md(section.need.title)) — \(md(section.need.partner))")
            out.append("")
            out.append(
                "\(section.need.places) place\(section.need.places == 1 ? "" : "s")\(requirementsText(section.need).map { "; needs \(md($0))" } ?? "")"
            )
            out.append("")
            if section.proposed.isEmpty && section.withheld == 0 {
                out.append("No one proposed.")
            }
            for entry in section.proposed {
                out.append(
                    "- **\(md(entry.volunteer.name))** (id \(entry.volunteer.id)\(contact(entry.volunteer).map { ", \(md($0))" } ?? ""), score \(format(entry.score))): \(md(entry.reasons.joined(separator: "; ")))"
                )
            }
            if section.withheld > 0 {
                out.append(
                    "- \(PublishedCount(section.withheld)) further volunteers proposed, not shown: not agreed to be shared with partners"
                )
            }
            if let unfilled = section.unfilled {
                out.append("")
                out.append(
                    "**\(unfilled.places) place\(unfilled.places == 1 ? "" : "s") unfilled:** \(md(unfilled.reasons.joined(separator: "; ")))"
                )
            }
            if !section.alternates.isEmpty {
                out.append("")
                out.append(
                    "Alternates: "
                        + section.alternates.map {
                            "\(md($0.volunteer.name)) (id \($0.volunteer.id), score \(format($0.score)))"
                        }.joined(separator: "; "))
            }
        }
        if !duplicates.isEmpty {
            out.append("")
            out.append("## Likely duplicates, not matched")
            out.append("")
            for need in duplicates { out.append("- \(md(Self.duplicateNote(need)))") }
        }
        out.append("")
        out.append("## Places no one can fill")
        out.append("")
        let unfilled = needs.compactMap { section in section.unfilled.map { (section.need, $0) } }
        if unfilled.isEmpty { out.append("Every place is filled.") }
        for (need, gap) in unfilled {
            out.append(
                "- **\(md(need.id))** \(md(need.title)) (\(md(need.partner))): \(gap.places) place\(gap.places == 1 ? "" : "s"). \(md(gap.reasons.joined(separator: "; ")))"
            )
        }
        out.append("")
        out.append("## Language coverage")
        out.append("")
        if coverage.isEmpty {
            out.append("No need asks for a language.")
        } else {
            out.append("| Language | Places asking | Speakers available | Proposed | |")
            out.append("| --- | ---: | ---: | ---: | --- |")
            let widest = max(1, coverage.map { max($0.placesAsking, $0.speakers) }.max() ?? 1)
            for line in coverage {
                let bar = String(repeating: "█", count: max(line.speakers > 0 ? 1 : 0, line.speakers * 20 / widest))
                let ask = String(repeating: "░", count: max(1, line.placesAsking * 20 / widest))
                out.append(
                    "| \(md(line.language)) | \(line.placesAsking) | \(line.speakers) | \(line.proposed) | `\(ask)` asked / `\(bar.isEmpty ? "·" : bar)` speakers |"
                )
            }
        }
        out.append("")
        out.append("## Skilled volunteers not placed anywhere")
        out.append("")
        if talent.isEmpty { out.append("Everyone with professional skills is proposed or placed.") }
        for person in talent {
            out.append(
                "- **\(md(person.volunteer.name))** (id \(person.volunteer.id)\(contact(person.volunteer).map { ", \(md($0))" } ?? "")): \(md(skillsText(person.skills)))\(languagesText(person.volunteer).map { "; speaks \(md($0))" } ?? "")"
            )
        }
        if talentTotal > talent.count { out.append("- … and \(talentTotal - talent.count) more") }
        return out.joined(separator: "\n") + "\n"
    }

    private func md(_ text: String) -> String {
        var escaped = ""
        // The report is read in a terminal as often as in a viewer: control characters are shown.
        for character in text.escapingControlCharacters(keeping: ["\n"]) {
            if "\\`*_[]<>|#".contains(character) { escaped.append("\\") }
            escaped.append(character == "\n" ? " " : character)
        }
        return escaped
    }
}

extension MatchReport {
    var summaryLine: String {
        let unfilledPlaces = needs.compactMap(\.unfilled).reduce(0) { $0 + $1.places }
        return
            "\(needs.count) need\(needs.count == 1 ? "" : "s") asking for \(placesAsked) place\(placesAsked == 1 ? "" : "s"): \(placesFilled) proposed, \(unfilledPlaces) unfilled. Total score \(format(result.totalScore))."
    }

    func format(_ score: Double) -> String {
        let rounded = (score * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    func contact(_ volunteer: Volunteer) -> String? {
        let parts = [volunteer.email, volunteer.phone].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    func requirementsText(_ need: Need) -> String? {
        var parts = need.requiredSkills.map(\.written)
        parts += need.languages.filter(\.isRequired).map { l in
            l.minimumProficiency.map { "\(l.language.displayName()) (\($0))" } ?? l.language.displayName()
        }
        if let dbs = need.minimumDBS, dbs > .none { parts.append("\(dbs) DBS") }
        if !need.slots.isEmpty {
            parts.append(SlotMask.describe(SlotMask(need.slots)).replacingOccurrences(of: ", ", with: " or "))
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    func skillsText(_ skills: [Skill]) -> String {
        skills.map(\.displayText).joined(separator: "; ")
    }

    func languagesText(_ volunteer: Volunteer) -> String? {
        let names = volunteer.languages.map { $0.language.displayName() }
        var seen = Set<String>()
        let unique = names.filter { seen.insert($0).inserted }
        return unique.isEmpty ? nil : unique.joined(separator: ", ")
    }
}
