extension MatchReport {
    /// The report as one self-contained HTML page: inline CSS and SVG, no scripts or remote
    /// assets; semantic headings and tables for screen readers; prints cleanly.
    public func html() -> String {
        var body = ""
        body += "<header><h1>Matching report</h1><p>\(h(summaryLine))</p>"
        if audience == .partner {
            body +=
                "<p class=\"note\">Prepared for partners: contact details, and people who did not agree to be shared with partners, are left out.</p>"
        }
        if let pruning = result.pruning {
            body +=
                "<p class=\"note\">Candidates listed: \(pruning.candidatesListed) of \(pruning.candidatesConsidered) — \(h(pruning.method)).</p>"
        }
        body += "</header>\n<main>\n<section aria-labelledby=\"proposals\"><h2 id=\"proposals\">Proposals</h2>\n"
        for section in needs {
            body += "<article class=\"need\" aria-labelledby=\"need-\(anchor(section.need.id))\">"
            body +=
                "<h3 id=\"need-\(anchor(section.need.id))\">\(h(section.need.id)): \(h(section.need.title)) <span class=\"partner\">— \(h(section.need.partner))</span></h3>"
            body +=
                "<p>\(section.need.places) place\(section.need.places == 1 ? "" : "s")\(requirementsText(section.need).map { "; needs \(h($0))" } ?? "")</p>"
            if !section.proposed.isEmpty {
                body +=
                    "<table><caption>Proposed for \(h(section.need.id))</caption><thead><tr><th scope=\"col\">Volunteer</th>"
                body += audience == .coordinator ? "<th scope=\"col\">Contact</th>" : ""
                body += "<th scope=\"col\">Score</th><th scope=\"col\">Why</th></tr></thead><tbody>"
                for entry in section.proposed {
                    body +=
                        "<tr><th scope=\"row\">\(h(entry.volunteer.name)) <span class=\"id\">(id \(entry.volunteer.id))</span></th>"
                    body += audience == .coordinator ? "<td>\(h(contact(entry.volunteer) ?? "—"))</td>" : ""
                    body +=
                        "<td>\(format(entry.score))</td><td><ul>\(entry.reasons.map { "<li>\(h($0))</li>" }.joined())</ul></td></tr>"
                }
                body += "</tbody></table>"
            } else if section.withheld == 0 {
                body += "<p>No one proposed.</p>"
            }
            if section.withheld > 0 {
                body +=
                    "<p>\(PublishedCount(section.withheld)) further volunteers proposed, not shown: not agreed to be shared with partners.</p>"
            }
            if let unfilled = section.unfilled {
                body +=
                    "<p class=\"gap\"><strong>\(unfilled.places) place\(unfilled.places == 1 ? "" : "s") unfilled:</strong> \(h(unfilled.reasons.joined(separator: "; ")))</p>"
            }
            if !section.alternates.isEmpty {
                body +=
                    "<p class=\"alternates\">Alternates: \(section.alternates.map { "\(h($0.volunteer.name)) (id \($0.volunteer.id), score \(format($0.score)))" }.joined(separator: "; "))</p>"
            }
            body += "</article>\n"
        }
        if !duplicates.isEmpty {
            body +=
                "</section>\n<section aria-labelledby=\"duplicates\"><h2 id=\"duplicates\">Likely duplicates, not matched</h2><ul>"
            for need in duplicates { body += "<li>\(h(Self.duplicateNote(need)))</li>" }
            body += "</ul>"
        }
        body += "</section>\n<section aria-labelledby=\"gaps\"><h2 id=\"gaps\">Places no one can fill</h2>"
        let gaps = needs.compactMap { section in section.unfilled.map { (section.need, $0) } }
        if gaps.isEmpty {
            body += "<p>Every place is filled.</p>"
        } else {
            body +=
                "<table><caption>The recruitment list</caption><thead><tr><th scope=\"col\">Need</th><th scope=\"col\">Partner</th><th scope=\"col\">Places</th><th scope=\"col\">Why</th></tr></thead><tbody>"
            for (need, gap) in gaps {
                body +=
                    "<tr><th scope=\"row\">\(h(need.id)): \(h(need.title))</th><td>\(h(need.partner))</td><td>\(gap.places)</td><td>\(h(gap.reasons.joined(separator: "; ")))</td></tr>"
            }
            body += "</tbody></table>"
        }
        body += "</section>\n<section aria-labelledby=\"coverage\"><h2 id=\"coverage\">Language coverage</h2>"
        body += coverage.isEmpty ? "<p>No need asks for a language.</p>" : coverageChart() + coverageTable()
        body +=
            "</section>\n<section aria-labelledby=\"talent\"><h2 id=\"talent\">Skilled volunteers not placed anywhere</h2>"
        if talent.isEmpty {
            body += "<p>Everyone with professional skills is proposed or placed.</p>"
        } else {
            body += "<table><caption>Under-used talent</caption><thead><tr><th scope=\"col\">Volunteer</th>"
            body += audience == .coordinator ? "<th scope=\"col\">Contact</th>" : ""
            body += "<th scope=\"col\">Skills</th><th scope=\"col\">Languages</th></tr></thead><tbody>"
            for person in talent {
                body +=
                    "<tr><th scope=\"row\">\(h(person.volunteer.name)) <span class=\"id\">(id \(person.volunteer.id))</span></th>"
                body += audience == .coordinator ? "<td>\(h(contact(person.volunteer) ?? "—"))</td>" : ""
                body +=
                    "<td>\(h(skillsText(person.skills)))</td><td>\(h(languagesText(person.volunteer) ?? "—"))</td></tr>"
            }
            body += "</tbody></table>"
            if talentTotal > talent.count { body += "<p>… and \(talentTotal - talent.count) more.</p>" }
        }
        body += "</section>\n</main>"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Matching report</title>
            <style>
            body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
            h1, h2, h3 { line-height: 1.2; } h2 { border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2.5rem; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } caption { text-align: left; font-weight: 600; padding: .3rem 0; }
            th, td { border: 1px solid #999; padding: .35rem .5rem; text-align: left; vertical-align: top; } thead th { background: #eee; }
            ul { margin: 0; padding-left: 1.1rem; } .id, .partner { color: #555; font-weight: normal; } .note { color: #444; font-style: italic; }
            .gap { border-left: 4px solid #b00020; padding-left: .6rem; } .need { break-inside: avoid; }
            svg text { font: 13px system-ui, sans-serif; fill: #1a1a1a; }
            @media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-before: auto; } a { color: inherit; } }
            </style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
    }

    private func coverageChart() -> String {
        let rowHeight = 34
        let labelWidth = 190
        let barWidth = 420
        let widest = max(1, coverage.map { max($0.placesAsking, $0.speakers) }.max() ?? 1)
        let height = coverage.count * rowHeight + 30
        var svg =
            "<svg role=\"img\" aria-labelledby=\"coverage-title coverage-desc\" width=\"100%\" viewBox=\"0 0 \(labelWidth + barWidth + 70) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"coverage-title\">Language coverage</title>"
        svg +=
            "<desc id=\"coverage-desc\">"
            + h(
                coverage.map { "\($0.language): \($0.placesAsking) places asking, \($0.speakers) speakers available" }
                    .joined(separator: "; ")) + "</desc>"
        svg +=
            "<rect x=\"\(labelWidth)\" y=\"4\" width=\"12\" height=\"10\" fill=\"#b35900\"/><text x=\"\(labelWidth + 16)\" y=\"13\">places asking</text>"
        svg +=
            "<rect x=\"\(labelWidth + 130)\" y=\"4\" width=\"12\" height=\"10\" fill=\"#1f5fa8\"/><text x=\"\(labelWidth + 146)\" y=\"13\">speakers available</text>"
        for (row, line) in coverage.enumerated() {
            let y = 24 + row * rowHeight
            let ask = max(1, line.placesAsking * barWidth / widest)
            let speak = line.speakers * barWidth / widest
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 18)\" text-anchor=\"end\">\(h(line.language))</text>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(ask)\" height=\"12\" fill=\"#b35900\"/><text x=\"\(labelWidth + ask + 4)\" y=\"\(y + 13)\">\(line.placesAsking)</text>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 16)\" width=\"\(max(speak, line.speakers > 0 ? 1 : 0))\" height=\"12\" fill=\"#1f5fa8\"/><text x=\"\(labelWidth + speak + 4)\" y=\"\(y + 27)\">\(line.speakers)</text>"
        }
        return svg + "</svg>"
    }

    private func coverageTable() -> String {
        var table =
            "<table><caption>Languages asked for against speakers available</caption><thead><tr><th scope=\"col\">Language</th><th scope=\"col\">Places asking</th><th scope=\"col\">Speakers available</th><th scope=\"col\">Proposed</th></tr></thead><tbody>"
        for line in coverage {
            table +=
                "<tr><th scope=\"row\">\(h(line.language))</th><td>\(line.placesAsking)</td><td>\(line.speakers)</td><td>\(line.proposed)</td></tr>"
        }
        return table + "</tbody></table>"
    }

    private func anchor(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// Escapes text for HTML (see ``HTML/escape(_:)``).
    func h(_ text: String) -> String { HTML.escape(text) }
}
