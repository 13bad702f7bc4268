import Foundation
import XMLStreaming

/// A problem the validator found, where it found it: the shared XML reader's problem type, named
/// here so that users of the validator need not import the reader's module.
public typealias XMLProblem = XMLStreaming.XMLProblem

/// Checks a feed against the XML Schema for feed version 1 that ships with this plugin
/// (`sector3-feed-1.xsd`), streaming, with the same hardened options as importing.
public enum Sector3FeedValidator {
    /// Why validation could not run at all.
    public enum ValidationError: Error, CustomStringConvertible {
        /// The bundled schema is missing or does not parse (an installation problem).
        case schemaUnavailable(String)
        /// The feed file cannot be opened.
        case unreadable(String)

        public var description: String {
            switch self {
            case .schemaUnavailable(let reason): "the feed schema could not be loaded: \(reason)"
            case .unreadable(let file): "\(file): cannot be opened"
            }
        }
    }

    /// The schema file shipped with the plugin.
    public static var schemaURL: URL? {
        Bundle.module.url(forResource: "sector3-feed-1", withExtension: "xsd")
    }

    /// Every problem in the feed, in document order: errors where import would refuse the feed or
    /// reject a record, or the feed is not well-formed; warnings for the parts import skips (elements
    /// and attributes version 1 does not define, which later versions add) and for departures from
    /// the schema that import reads all the same. A feed with no errors is valid.
    ///
    /// Well-formedness is checked first, on its own reader: a document that is not well-formed
    /// cannot be read record by record. Then each record is read as the importer reads it, and
    /// what is left once its unknown parts are set aside is checked against the schema
    /// (``FeedStructureCheck``). Each problem is placed at the line and column where its element or
    /// attribute begins (``TagPositions``).
    public static func validate(_ url: URL) throws -> [XMLProblem] {
        let structural = try wellFormednessProblems(url)
        if structural.contains(where: \.isError) { return structural }
        return structural + (try structureProblems(url))
    }

    private static func wellFormednessProblems(_ url: URL) throws -> [XMLProblem] {
        let stream = try open(url, log: XMLProblemLog())
        do {
            while try stream.read() {
                if stream.kind == .documentType, stream.declaresEntities {
                    stream.problems.append(
                        XMLProblem(
                            line: stream.lineNumber, column: stream.columnNumber,
                            message: "the DOCTYPE declares entities, which feeds must not do; reading stopped",
                            isError: true))
                    break
                }
            }
        } catch {
            // The problem that stopped the read is already in the log.
        }
        if stream.declaresEntities,
            !stream.problems.problems.contains(where: { $0.message.contains("declares entities") })
        {
            stream.problems.append(
                XMLProblem(
                    line: 0, column: 0, message: "the DOCTYPE declares entities, which feeds must not do", isError: true
                ))
        }
        return stream.problems.problems
    }

    private static func structureProblems(_ url: URL) throws -> [XMLProblem] {
        guard let schemaURL, let schemaData = try? Data(contentsOf: schemaURL) else {
            throw ValidationError.schemaUnavailable("sector3-feed-1.xsd is not installed beside voldir")
        }
        let schema: XMLSchemaValidator
        do {
            schema = try XMLSchemaValidator(schemaData: schemaData)
        } catch {
            throw ValidationError.schemaUnavailable(error.reason)
        }
        var check = FeedStructureCheck(schema: schema, catalogue: .shared)
        let stream = try open(url, log: XMLProblemLog())
        var unread: [XMLProblem] = []
        do {
            try check.read(stream)
        } catch {
            if case .parse(let problem) = error { unread.append(problem) }
        }
        let positions = try? TagPositions(scanning: url, wanted: Set(check.problems.map(\.element)), utf8: check.isUTF8)
        let placed = check.problems.map { problem in
            let tag = positions?.tags[problem.element]
            let place = problem.attribute.flatMap { tag?.attributes[$0] } ?? tag?.place
            return XMLProblem(
                line: place?.line ?? problem.line, column: place?.column ?? 0, message: problem.message,
                isError: problem.isError)
        }
        var unlisted: [XMLProblem] = []
        if check.unlistedErrors > 0 {
            unlisted.append(
                XMLProblem(
                    line: 0, column: 0, message: "\(check.unlistedErrors) more errors, not listed", isError: true))
        }
        if check.unlistedWarnings > 0 {
            unlisted.append(
                XMLProblem(
                    line: 0, column: 0, message: "\(check.unlistedWarnings) more warnings, not listed", isError: false))
        }
        // Stable: problems at one place keep the order they were found in.
        return placed.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }
        .map(\.element) + unread + unlisted
    }

    private static func open(_ url: URL, log: XMLProblemLog) throws -> XMLStreamReader {
        do {
            return try XMLStreamReader(url: url, problems: log)
        } catch {
            throw ValidationError.unreadable(url.path)
        }
    }
}
