import Foundation
import VolunteerDirectory
import XMLStreaming

/// The validator's pass over a well-formed feed: reads it as a stream, one record at a time, as
/// the importer does, and finds what the importer would refuse, reject or skip.
///
/// XSD 1.0 cannot allow "any unknown element anywhere" beside the elements it declares (the
/// Unique Particle Attribution rule), so each record is checked in three steps:
/// 1. the importer's own reader reads it, which says whether import would reject it;
/// 2. a copy of it loses every element and attribute version 1 does not define (``Feed/knownChildren``,
///    ``Feed/knownAttributes``), each reported as a warning: import skips them, as the spec asks;
/// 3. the schema checks what is left. Its findings are errors when import would reject the record,
///    and warnings (the feed departs from the schema, though voldir reads it) when it would not.
///
/// Problems are placed by the document-order index of the element they concern, which
/// ``TagPositions`` turns into a line and column afterwards.
struct FeedStructureCheck {
    /// A problem, placed by the element (and attribute) it concerns.
    struct Pending {
        /// The document-order index of the element, the root being 0.
        var element: Int
        /// The attribute's qualified name, when the problem is an attribute's.
        var attribute: String?
        /// libxml2's line for it, used when the element cannot be placed more exactly.
        var line: Int
        var message: String
        var isError: Bool
    }

    private(set) var problems: [Pending] = []
    /// Errors and warnings past ``limit`` of each, counted but not kept: a feed with an unknown
    /// element in each of a million records must not hold a million messages.
    private(set) var unlistedErrors = 0
    private(set) var unlistedWarnings = 0
    /// How many errors, and how many warnings, are kept.
    static let limit = 1_000
    private var listedErrors = 0
    private var listedWarnings = 0
    /// Whether the document is in UTF-8, so that columns count characters rather than bytes.
    private(set) var isUTF8 = true
    private var nextElement = 0
    private let schema: XMLSchemaValidator
    private let catalogue: LanguageCatalogue

    init(schema: XMLSchemaValidator, catalogue: LanguageCatalogue) {
        self.schema = schema
        self.catalogue = catalogue
    }

    /// Reads the whole feed. Throws only when it is not well-formed, which the first pass has ruled out.
    mutating func read(_ stream: XMLStreamReader) throws(XMLStreamError) {
        var reader: FeedElementReader?
        var positioned = try stream.read()
        while positioned {
            if stream.kind == .element {
                if stream.depth == 0 {
                    reader = root(stream)
                    if reader == nil { return }
                } else if stream.depth == 1, var current = reader {
                    try record(stream, reader: &current)
                    reader = current
                    positioned = try stream.skipToNextSibling()
                    continue
                }
            }
            positioned = try stream.read()
        }
    }

    private mutating func note(_ problem: Pending) {
        if problem.isError {
            guard listedErrors < Self.limit else {
                unlistedErrors += 1
                return
            }
            listedErrors += 1
        } else {
            guard listedWarnings < Self.limit else {
                unlistedWarnings += 1
                return
            }
            listedWarnings += 1
        }
        problems.append(problem)
    }

    // MARK: - The root and the records

    /// Checks the root as the importer does; `nil` when import would refuse the whole feed.
    private mutating func root(_ stream: XMLStreamReader) -> FeedElementReader? {
        if let encoding = stream.encoding {
            isUTF8 = encoding.uppercased() == "UTF-8" || encoding.uppercased() == "UTF8"
        }
        let index = nextElement
        guard stream.localName == "feed", stream.namespaceURI == Feed.namespace else {
            note(
                Pending(
                    element: index, line: stream.lineNumber,
                    message:
                        "this is not a Sector 3 feed: the root element is '\(stream.qualifiedName)' in namespace '\(stream.namespaceURI ?? "none")', not 'feed' in \(Feed.namespace)",
                    isError: true))
            return nil
        }
        let header: FeedHeader
        do throws(FieldError) {
            header = try FeedHeader(attributes: stream.attributes())
        } catch {
            note(Pending(element: index, line: stream.lineNumber, message: error.reason, isError: true))
            return nil
        }
        if let copy = stream.copyCurrentElement() {
            check(copy.root, path: "feed", rejection: nil, line: stream.lineNumber)
        } else {
            nextElement += 1
        }
        return FeedElementReader(source: "feed:\(header.source ?? "Sector 3")", catalogue: catalogue)
    }

    /// Checks one element directly inside `feed`.
    private mutating func record(_ stream: XMLStreamReader, reader: inout FeedElementReader) throws(XMLStreamError) {
        let element = try stream.expand()
        guard element.isInNamespace(Feed.namespace), let kind = Feed.Record(rawValue: element.name) else {
            unknownElement(element, path: "feed/\(element.name)")
            return
        }
        var rejection: String?
        do throws(FieldError) {
            switch kind {
            case .network: _ = try reader.network(element)
            case .volunteer: _ = try reader.volunteer(element)
            case .opportunity: _ = try reader.opportunity(element)
            case .withdrawn: _ = try reader.withdrawal(element)
            }
        } catch {
            rejection = "import would reject this \(kind.rawValue): \(error.reason)"
        }
        guard let copy = element.copy() else {
            nextElement += element.elementCount
            return
        }
        check(copy.root, path: kind.rawValue, rejection: rejection, line: element.line)
    }

    /// Removes the unknown parts of `copy` (warning about each) and checks the rest against the schema.
    private mutating func check(_ copy: XMLElement, path: String, rejection: String?, line: Int) {
        let index = nextElement
        var places: [XMLNodeID: (element: Int, attribute: String?)] = [:]
        removeUnknownParts(copy, path: path, places: &places)
        let findings = schema.findings(for: copy)
        if let rejection, findings.isEmpty {
            note(Pending(element: index, line: line, message: rejection, isError: true))
        }
        for finding in findings {
            let place = finding.node.flatMap { places[$0] }
            note(
                Pending(
                    element: place?.element ?? index,
                    attribute: place?.attribute ?? Self.attributeNamed(in: finding.message),
                    line: finding.line,
                    message: rejection == nil
                        ? "import reads this, but it departs from the version 1 schema: \(finding.message)"
                        : finding.message,
                    isError: rejection != nil && finding.isError))
        }
    }

    // MARK: - Unknown parts

    /// Walks `element` in document order, numbering its elements, removing those and the attributes
    /// that version 1 does not define at their place, and noting where each node kept came from.
    private mutating func removeUnknownParts(
        _ element: XMLElement, path: String, places: inout [XMLNodeID: (element: Int, attribute: String?)]
    ) {
        let index = nextElement
        nextElement += 1
        places[element.id] = (index, nil)
        let knownAttributes = Feed.knownAttributes[path] ?? []
        for attribute in element.attributeNodes {
            let qualified = attribute.prefix.map { "\($0):\(attribute.name)" } ?? attribute.name
            if attribute.namespaceURI == nil, attribute.prefix == nil, knownAttributes.contains(attribute.name) {
                places[attribute.id] = (index, qualified)
                continue
            }
            note(
                Pending(
                    element: index, attribute: qualified, line: element.line,
                    message:
                        "unknown attribute '\(path)/@\(attribute.name)'\(Self.spelling(qualified, attribute.namespaceURI)) ignored: import skips attributes version 1 does not define",
                    isError: false))
            element.remove(attribute)
        }
        let knownChildren = Feed.knownChildren[path] ?? []
        for child in element.children {
            let name = child.name
            if child.isInNamespace(Feed.namespace), knownChildren.contains(name) {
                removeUnknownParts(child, path: "\(path)/\(name)", places: &places)
            } else {
                unknownElement(child, path: "\(path)/\(name)")
                child.removeFromTree()
            }
        }
    }

    /// Warns about an element version 1 does not define, and counts it and its descendants as read.
    private mutating func unknownElement(_ node: XMLElement, path: String) {
        let name = node.name
        let prefix = node.prefix
        let namespace = node.namespaceURI
        let hint =
            namespace == Feed.namespace
            ? "a field of a later version 1.x, or a misspelling" : "a field of another namespace"
        note(
            Pending(
                element: nextElement, line: node.line,
                message:
                    "unknown element '\(path)'\(Self.spelling(prefix.map { "\($0):\(name)" } ?? name, namespace)) ignored: \(hint), which import skips",
                isError: false))
        nextElement += node.elementCount
    }

    /// How the name was written, and its namespace when it is not the feed's: ` (x:badge in urn:example)`.
    private static func spelling(_ qualified: String, _ namespace: String?) -> String {
        switch namespace {
        case nil: ""
        case Feed.namespace: qualified.contains(":") ? " (\(qualified))" : ""
        case let other?: " (\(qualified) in \(other))"
        }
    }

    /// The attribute a schema message is about: libxml2 passes the element as the node of an
    /// attribute's error and names the attribute in the message (`Element 'dbs', attribute 'level': ...`).
    private static func attributeNamed(in message: String) -> String? {
        guard let start = message.range(of: ", attribute '")?.upperBound,
            let end = message[start...].firstIndex(of: "'")
        else { return nil }
        return String(message[start..<end])
    }
}
