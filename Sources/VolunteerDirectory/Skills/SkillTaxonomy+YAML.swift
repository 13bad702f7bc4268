import Foundation
import Yams

extension SkillTaxonomy {
    /// The file name of the taxonomy shipped with the package.
    public static let standardFileName = "skills-taxonomy.yaml"

    /// The taxonomy shipped with the package, built once from its compiled-in skills
    /// (``standardConcepts``, generated from the YAML file; a test checks that they are the file
    /// as ``extended(withYAML:file:)`` reads it, links checked).
    private static let compiledStandard = SkillTaxonomy(validated: standardConceptsByKey)

    /// The shipped skills by key, not yet indexed: what extension files add to.
    private static var standardConceptsByKey: [String: SkillConcept] {
        Dictionary(standardConcepts.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The taxonomy shipped with the package. It cannot fail; it throws as every other source of
    /// a taxonomy does.
    public static func standard() throws(TaxonomyError) -> SkillTaxonomy {
        compiledStandard
    }

    /// The text of the shipped taxonomy's YAML file, which ``standardConcepts`` is compiled from.
    static func shippedYAML() throws(TaxonomyError) -> String {
        guard let url = Bundle.module.url(forResource: "skills-taxonomy", withExtension: "yaml"),
            let yaml = try? String(contentsOf: url, encoding: .utf8)
        else {
            throw TaxonomyError(
                file: standardFileName, reason: "the skills taxonomy's YAML file is missing or unreadable")
        }
        return yaml
    }

    /// This taxonomy with a coordinator's file read from disk added to it.
    public func extended(withContentsOf url: URL) throws(TaxonomyError) -> SkillTaxonomy {
        try extended(withYAML: try Self.text(of: url), file: url.path)
    }

    /// A taxonomy file's text, or an error naming it.
    private static func text(of url: URL) throws(TaxonomyError) -> String {
        do {
            return try RegularFile.text(at: url)
        } catch {
            throw TaxonomyError(file: url.path, reason: error.reason)
        }
    }

    /// This taxonomy with the skills of a YAML document added: an entry with a new key adds a
    /// skill (a label is then required); an entry with a known key adds its synonyms,
    /// qualifications and links to that skill. Every link must name a known skill, and broader
    /// links must not go round in a circle.
    public func extended(withYAML yaml: String, file: String) throws(TaxonomyError) -> SkillTaxonomy {
        SkillTaxonomy(validated: try Self.concepts(concepts, extendedWithYAML: yaml, file: file))
    }

    /// `concepts` with the skills of a YAML document added and their links checked, as
    /// ``extended(withYAML:file:)`` describes; the taxonomy's terms are not indexed yet, so that
    /// several files are indexed once, not once each.
    private static func concepts(
        _ base: [String: SkillConcept], extendedWithYAML yaml: String, file: String
    ) throws(TaxonomyError) -> [String: SkillConcept] {
        let root: Node?
        do {
            // Every scalar is read as text (and `version` as a number from its text), so the
            // default resolver's regular expressions for booleans, numbers, nulls and dates,
            // tried on each of the file's scalars, were a quarter of reading the taxonomy, which
            // every voldir process does. YAML merge keys (`<<`) are not read: Yams merges them
            // only when it builds Swift values, not in the node tree read here, so one is
            // refused as an unknown field, naming its line.
            root = try Yams.compose(yaml: yaml, Resolver.basic)
        } catch let error as YamlError {
            throw Self.error(error, file: file)
        } catch {
            throw TaxonomyError(file: file, reason: "is not YAML (\(error))")
        }
        guard let mapping = root?.mapping else {
            throw TaxonomyError(
                file: file, line: root?.mark?.line, reason: "should be a mapping with `version: 1` and a `skills:` list"
            )
        }
        var skillsNode: Node?
        for (keyNode, value) in mapping {
            switch keyNode.string {
            case "version":
                guard value.int == 1 else {
                    throw TaxonomyError(
                        file: file, line: value.mark?.line, column: value.mark?.column,
                        reason: "only version 1 is understood")
                }
            case "skills": skillsNode = value
            default:
                throw TaxonomyError(
                    file: file, line: keyNode.mark?.line, column: keyNode.mark?.column,
                    reason: "unknown field '\(keyNode.string ?? "?")' (expected version, skills)")
            }
        }
        guard let entries = skillsNode?.sequence else {
            throw TaxonomyError(
                file: file, line: skillsNode?.mark?.line ?? root?.mark?.line, reason: "needs a `skills:` list")
        }

        var concepts = base
        var seen: [String: Mark] = [:]
        var places: [String: Mark] = [:]
        for entry in entries {
            let parsed = try TaxonomyEntry(entry, file: file)
            if let earlier = seen[parsed.key] {
                throw TaxonomyError(
                    file: file, line: entry.mark?.line, column: entry.mark?.column,
                    reason: "skill '\(parsed.key)' is listed twice (first at line \(earlier.line))")
            }
            if let mark = entry.mark { seen[parsed.key] = mark }
            places[parsed.key] = entry.mark
            if var existing = concepts[parsed.key] {
                if let label = parsed.label { existing.label = label }
                existing.synonyms = Self.merged(existing.synonyms, parsed.synonyms)
                existing.qualifications = Self.merged(existing.qualifications, parsed.qualifications)
                existing.broader = Self.merged(existing.broader, parsed.broader)
                existing.related = Self.merged(existing.related, parsed.related)
                existing.impliedByInterpreting = existing.impliedByInterpreting || parsed.impliedByInterpreting
                concepts[parsed.key] = existing
            } else {
                guard let label = parsed.label else {
                    throw TaxonomyError(
                        file: file, line: entry.mark?.line, column: entry.mark?.column,
                        reason: "new skill '\(parsed.key)' needs a label")
                }
                concepts[parsed.key] = SkillConcept(
                    key: parsed.key, label: label, synonyms: parsed.synonyms, qualifications: parsed.qualifications,
                    broader: parsed.broader, related: parsed.related,
                    impliedByInterpreting: parsed.impliedByInterpreting)
            }
        }
        try Self.checkLinks(concepts, places: places, file: file)
        return concepts
    }

    private static func merged(_ existing: [String], _ added: [String]) -> [String] {
        existing + added.filter { !existing.contains($0) }
    }

    private static func checkLinks(_ concepts: [String: SkillConcept], places: [String: Mark], file: String)
        throws(TaxonomyError)
    {
        for concept in concepts.values.sorted(by: { $0.key < $1.key }) {
            for link in concept.broader + concept.related where concepts[link] == nil {
                let mark = places[concept.key]
                throw TaxonomyError(
                    file: file, line: mark?.line, column: mark?.column,
                    reason: "skill '\(concept.key)' links to '\(link)', which is not a skill in the taxonomy")
            }
        }
        // Broader links must form no circle: depth-first, a skill met again on the current path closes one.
        var finished: Set<String> = []
        for concept in concepts.keys.sorted() where !finished.contains(concept) {
            var path: [String] = []
            var stack: [(key: String, expanded: Bool)] = [(concept, false)]
            while let (key, expanded) = stack.popLast() {
                if expanded {
                    path.removeLast()
                    finished.insert(key)
                    continue
                }
                if finished.contains(key) { continue }
                if let start = path.firstIndex(of: key) {
                    let mark = places[key]
                    throw TaxonomyError(
                        file: file, line: mark?.line, column: mark?.column,
                        reason:
                            "broader links go round in a circle: \((path[start...] + [key]).joined(separator: " → "))")
                }
                path.append(key)
                stack.append((key, true))
                for broader in concepts[key]?.broader ?? [] { stack.append((broader, false)) }
            }
        }
    }

    private static func error(_ error: YamlError, file: String) -> TaxonomyError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            TaxonomyError(file: file, line: mark.line, column: mark.column, reason: "is not valid YAML: \(problem)")
        default:
            TaxonomyError(file: file, reason: "is not valid YAML: \(error)")
        }
    }
}

/// One `skills:` entry as written.
private struct TaxonomyEntry {
    var key = ""
    var label: String?
    var synonyms: [String] = []
    var qualifications: [String] = []
    var broader: [String] = []
    var related: [String] = []
    var impliedByInterpreting = false

    init(_ node: Node, file: String) throws(TaxonomyError) {
        func fail(_ node: Node?, _ reason: String) -> TaxonomyError {
            TaxonomyError(file: file, line: node?.mark?.line, column: node?.mark?.column, reason: reason)
        }
        guard let mapping = node.mapping else {
            throw fail(node, "each skill should be a mapping with at least `key:`")
        }
        func strings(_ value: Node, _ field: String) throws(TaxonomyError) -> [String] {
            if let sequence = value.sequence {
                var result: [String] = []
                for item in sequence {
                    guard let text = item.scalar?.string.trimmingWhitespace(), !text.isEmpty else {
                        throw fail(item, "`\(field)` should list words or phrases")
                    }
                    result.append(text)
                }
                return result
            }
            guard let text = value.scalar?.string.trimmingWhitespace(), !text.isEmpty else {
                throw fail(value, "`\(field)` should be a list, like [one, two]")
            }
            return [text]
        }
        for (keyNode, value) in mapping {
            switch keyNode.string {
            case "key":
                guard let text = value.scalar?.string, Self.isValidKey(text) else {
                    throw fail(value, "`key` should be lower case words joined by hyphens, like legal-advice")
                }
                key = text
            case "label":
                guard let text = value.scalar?.string.trimmingWhitespace(), !text.isEmpty else {
                    throw fail(value, "`label` is empty")
                }
                label = text
            case "synonyms": synonyms = try strings(value, "synonyms")
            case "qualifications": qualifications = try strings(value, "qualifications")
            case "broader": broader = try strings(value, "broader")
            case "related": related = try strings(value, "related")
            case "implied-by":
                guard value.scalar?.string == "interpreting-a-language" else {
                    throw fail(value, "`implied-by` understands only interpreting-a-language")
                }
                impliedByInterpreting = true
            default:
                throw fail(
                    keyNode,
                    "unknown field '\(keyNode.string ?? "?")' (expected key, label, synonyms, qualifications, broader, related, implied-by)"
                )
            }
        }
        guard !key.isEmpty else { throw fail(node, "a skill has no `key`") }
    }

    static func isValidKey(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

extension SkillTaxonomy {
    /// Whether a file in the imports folder extends the taxonomy (`*.taxonomy.yaml`) rather than
    /// holding records to import.
    public static func isExtensionFile(named name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".taxonomy.yaml") || lower.hasSuffix(".taxonomy.yml")
    }

    /// The shipped taxonomy extended by every `*.taxonomy.yaml` in `folder` (when it exists), in
    /// name order, then by `files` in the order given.
    public static func loading(extensionsIn folder: URL?, files: [URL] = []) throws(TaxonomyError) -> SkillTaxonomy {
        var urls: [URL] = []
        if let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            urls = names.filter(isExtensionFile(named:)).sorted().map { folder.appendingPathComponent($0) }
        }
        urls += files
        guard !urls.isEmpty else { return try standard() }
        // Each file's skills are added and checked in turn; the terms are indexed once, at the end
        // (the shipped skills' own index, which the files would replace, is not built at all:
        // ``compiledStandard`` is not touched, since making it builds that index).
        var concepts = standardConceptsByKey
        for url in urls { concepts = try Self.concepts(concepts, extendedWithYAML: try text(of: url), file: url.path) }
        return SkillTaxonomy(validated: concepts)
    }
}
