import Foundation

extension SubjectAccessReport {
    /// The report as one self-contained HTML page in plain words, every value escaped.
    public func html() -> String {
        let h = HTML.escape
        let v = volunteer
        var body = "<header><h1>What the community directory holds about you</h1>"
        body +=
            "<p>Prepared on \(h(Self.day(madeAt))) for \(h(v.name)) (record number \(v.id)).</p></header>\n<main>\n"

        body += "<section><h2>Your details</h2><table><tbody>"
        let rows: [(String, String?)] = [
            ("Name", v.name), ("Email", v.email), ("Phone", v.phone), ("Postcode", v.postcode), ("Area", v.area),
            ("Age band", v.ageBand?.description),
            ("Skills", v.skills.map(\.written).joined(separator: "; ")),
            ("Languages", v.languages.map { $0.language.displayName() }.joined(separator: "; ")),
            ("When you can help", v.availability.map(\.description).joined(separator: ", ")),
            ("DBS check", v.dbs.map { "\($0.level)" + ($0.issued.map { ", issued \($0)" } ?? "") }),
            ("Notes", v.notes),
        ]
        for (label, value) in rows {
            guard let value, !value.isEmpty else { continue }
            body += "<tr><th scope=\"row\">\(h(label))</th><td>\(h(value))</td></tr>"
        }
        body += "</tbody></table></section>\n"

        body += "<section><h2>Where these details came from</h2>"
        if sources.isEmpty { body += "<p>No roster or feed lists you now.</p>" }
        for source in sources {
            body += "<article><h3>\(h(sourceName(source.source)))</h3><p>Listed under \(h(source.listingID))"
            if let first = source.firstImport {
                body += "; first received in \(h(first.file)) on \(h(Self.day(first.importedAt)))"
            }
            if let last = source.lastImport {
                body += "; last received in \(h(last.file)) on \(h(Self.day(last.importedAt)))"
            }
            body += ".</p><ul>"
            for skill in source.skills {
                let understood =
                    skill.understood.isEmpty
                    ? "not matched to a skill we know" : "read as " + skill.understood.joined(separator: ", ")
                body +=
                    "<li>Skill: “\(h(skill.written))”\(skill.level.map { " (\(h($0)))" } ?? "")"
                    + " — \(h(understood))</li>"
            }
            for language in source.languages {
                body += "<li>Language: “\(h(language.written))” — read as \(h(language.understood))"
                body +=
                    "\(language.proficiency.map { ", \(h($0))" } ?? "")"
                    + "\(language.interprets ? ", interprets" : "")</li>"
            }
            body += "<li>Consent: \(h(Self.consentText(source.consent)))</li>"
            body += "</ul></article>"
        }
        body += "</section>\n"

        body += "<section><h2>Your networks</h2>"
        body +=
            v.memberships.isEmpty
            ? "<p>None.</p>"
            : "<ul>"
                + v.memberships.map { "<li>\(h($0.networkName))\($0.role.map { ", \(h($0))" } ?? "")</li>" }.joined()
                + "</ul>"
        body += "</section>\n<section><h2>Placements</h2>"
        body +=
            placements.isEmpty
            ? "<p>None.</p>"
            : "<ul>"
                + placements.map {
                    "<li>\(h($0.need)): \(h($0.status.rawValue)), proposed \(h(Self.day($0.proposedAt)))</li>"
                }.joined() + "</ul>"
        body += "</section>\n<section><h2>Who has looked at or changed your record</h2>"
        body +=
            audit.isEmpty
            ? "<p>No one yet.</p>"
            : "<table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th>"
                + "<th scope=\"col\">What</th></tr></thead><tbody>"
                + audit.map { "<tr><td>\(h($0.at))</td><td>\(h($0.actor))</td><td>\(h($0.action))</td></tr>" }.joined()
                + "</tbody></table>"
        body += "</section>\n</main>"
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Your record in the community directory</title>
            <style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5}
            th{text-align:left;padding-right:1rem}</style>
            </head><body>
            \(body)
            </body></html>

            """
    }

    static func day(_ date: Date) -> String { String(AuditEntry.timestamp(date).prefix(10)) }

    /// A source in words: a network's roster by the network's name, the feed, or a file.
    func sourceName(_ source: String) -> String {
        if source.hasPrefix("feed:") { return "The Sector 3 feed (\(source.dropFirst(5)))" }
        if source.hasPrefix("file:") { return "The file \(source.dropFirst(5))" }
        if source.hasPrefix("roster:") {
            let key = String(source.dropFirst(7))
            let network = volunteer.memberships.first { $0.networkName.matchingKey == key }?.networkName ?? key
            return "The roster of \(network)"
        }
        return source
    }

    static func consentText(_ consent: Consent) -> String {
        var parts: [String] = []
        switch consent.contact {
        case true?: parts.append("agreed to be contacted")
        case false?: parts.append("did not agree to be contacted")
        case nil: parts.append("no answer recorded about being contacted")
        }
        if let share = consent.share { parts.append("may be shared with: \(share)") }
        if let recorded = consent.recorded { parts.append("recorded \(recorded)") }
        return parts.joined(separator: "; ")
    }
}
