import CLibXML2
import Foundation

/// Owns a parsed XML Schema and one validation context for it, freed in `deinit`, and checks
/// elements of a tree against the schema's global element declarations one at a time.
///
/// The schema is parsed from memory: nothing it names (imports, includes) is fetched, and the
/// documents validated were read with the hardened options of `voldir_feed_parse_options()`.
public final class XMLSchemaValidator {
    /// One thing libxml2 found wrong with an element, and the tree node (element or attribute) it concerns.
    public struct Finding {
        /// The element or attribute, when libxml2 names one.
        public let node: XMLNodeID?
        /// The line libxml2 gives.
        public let line: Int
        /// libxml2's message, trimmed.
        public let message: String
        /// Whether it is an error rather than a warning.
        public let isError: Bool
    }

    /// Why a schema cannot be used.
    public struct SchemaError: Error, Sendable {
        /// libxml2's reasons.
        public let reason: String
    }

    /// Collects the findings of one validation; the error handler's context.
    private final class FindingLog {
        var findings: [Finding] = []
    }

    private let schema: xmlSchemaPtr
    private let context: xmlSchemaValidCtxtPtr
    private let log = FindingLog()

    /// Parses `schemaData`; throws with libxml2's reasons when it is not a usable schema.
    public init(schemaData: Data) throws(SchemaError) {
        let parser = schemaData.withUnsafeBytes { bytes in
            xmlSchemaNewMemParserCtxt(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        }
        guard let parser else { throw SchemaError(reason: "libxml2 could not read it") }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let parseLog = FindingLog()
        xmlSchemaSetParserStructuredErrors(parser, Self.collect, Unmanaged.passUnretained(parseLog).toOpaque())
        guard let schema = xmlSchemaParse(parser) else {
            throw SchemaError(reason: parseLog.findings.map(\.message).joined(separator: "; "))
        }
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            xmlSchemaFree(schema)
            throw SchemaError(reason: "libxml2 could not make a validation context")
        }
        self.schema = schema
        self.context = context
        xmlSchemaSetValidStructuredErrors(context, Self.collect, Unmanaged.passUnretained(log).toOpaque())
    }

    deinit {
        xmlSchemaFreeValidCtxt(context)
        xmlSchemaFree(schema)
    }

    /// What the schema finds wrong with `element` (in a tree copy) and its subtree; empty when it is valid.
    public func findings(for tree: XMLElement) -> [Finding] {
        let element = tree.node
        log.findings = []
        let status = xmlSchemaValidateOneElement(context, element)
        if status < 0, log.findings.isEmpty {
            return [
                Finding(
                    node: nil, line: Int(xmlGetLineNo(element)), message: "libxml2 could not validate this element",
                    isError: true)
            ]
        }
        return log.findings
    }

    private static let collect: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        Unmanaged<FindingLog>.fromOpaque(context).takeUnretainedValue().findings.append(
            Finding(
                node: error.pointee.node.map { XMLNodeID(raw: $0) }, line: Int(error.pointee.line),
                message: message.trimmingCharacters(in: .whitespacesAndNewlines),
                isError: error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue))
    }
}
