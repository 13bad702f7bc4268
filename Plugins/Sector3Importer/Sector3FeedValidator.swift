import CLibXML2
import Foundation

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

    /// Every problem in the feed: not well-formed, or not valid against the version 1 schema.
    /// An empty result means the feed is valid.
    ///
    /// Well-formedness is checked first, on its own reader: libxml2's schema plug-in replaces the
    /// parser's SAX handlers, and with them the per-reader error capture.
    public static func validate(_ url: URL) throws -> [XMLProblem] {
        let structural = try wellFormednessProblems(url)
        if structural.contains(where: \.isError) { return structural }
        return try schemaProblems(url)
    }

    private static func wellFormednessProblems(_ url: URL) throws -> [XMLProblem] {
        let stream = try open(url, log: XMLProblemLog())
        do {
            while try stream.read() {
                if stream.nodeType == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), stream.declaresEntities {
                    stream.problems.append(
                        XMLProblem(
                            line: stream.lineNumber, column: stream.columnNumber,
                            message: "the DOCTYPE declares entities, which feeds must not do; reading stopped", isError: true))
                    break
                }
            }
        } catch {
            // The problem that stopped the read is already in the log.
        }
        if stream.declaresEntities, !stream.problems.problems.contains(where: { $0.message.contains("declares entities") }) {
            stream.problems.append(
                XMLProblem(line: 0, column: 0, message: "the DOCTYPE declares entities, which feeds must not do", isError: true))
        }
        return stream.problems.problems
    }

    private static func schemaProblems(_ url: URL) throws -> [XMLProblem] {
        guard let schemaURL, let schemaData = try? Data(contentsOf: schemaURL) else {
            throw ValidationError.schemaUnavailable("sector3-feed-1.xsd is not installed beside voldir")
        }
        let log = XMLProblemLog()
        let collect: xmlStructuredErrorFunc = { context, error in
            guard let context, let error else { return }
            Unmanaged<XMLProblemLog>.fromOpaque(context).takeUnretainedValue().append(XMLProblem(error.pointee))
        }
        let parser = schemaData.withUnsafeBytes { bytes in
            xmlSchemaNewMemParserCtxt(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        }
        guard let parser else { throw ValidationError.schemaUnavailable("libxml2 could not read it") }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let schemaLog = XMLProblemLog()
        xmlSchemaSetParserStructuredErrors(parser, collect, Unmanaged.passUnretained(schemaLog).toOpaque())
        guard let schema = xmlSchemaParse(parser) else {
            throw ValidationError.schemaUnavailable(schemaLog.problems.map(\.description).joined(separator: "; "))
        }
        defer { xmlSchemaFree(schema) }
        guard let validation = xmlSchemaNewValidCtxt(schema) else { throw ValidationError.schemaUnavailable("no validation context") }
        defer { xmlSchemaFreeValidCtxt(validation) }
        xmlSchemaSetValidStructuredErrors(validation, collect, Unmanaged.passUnretained(log).toOpaque())

        let stream = try open(url, log: log)
        guard xmlTextReaderSchemaValidateCtxt(stream.reader, validation, 0) == 0 else {
            throw ValidationError.schemaUnavailable("libxml2 could not attach the schema to the reader")
        }
        do {
            while try stream.read() {}
        } catch {
            // Recorded in the log.
        }
        return log.problems
    }

    private static func open(_ url: URL, log: XMLProblemLog) throws -> XMLStreamReader {
        do {
            return try XMLStreamReader(url: url, problems: log)
        } catch {
            throw ValidationError.unreadable(url.path)
        }
    }
}
