import CLibXML2
import Foundation

/// Owns one libxml2 `xmlTextReader` over a file or any ``XMLByteSource``: the only place a
/// reader handle lives, freed in `deinit`. Every document is read with the hardened options of
/// `voldir_feed_parse_options()` (STYLE.md practice 4): no network, no entity substitution, no
/// DTD loading, libxml2's size limits on.
public final class XMLStreamReader {
    private let reader: xmlTextReaderPtr
    /// The problems libxml2 reported while reading.
    public let problems: XMLProblemLog
    private let input: any XMLByteSource
    /// The file input, when reading a file: for ``bytesRead``.
    private let file: XMLFileInput?

    /// Opens `url` for streaming.
    public convenience init(
        url: URL, problems: XMLProblemLog = XMLProblemLog(), progress: @escaping (Int64) -> Void = { _ in }
    ) throws {
        let input = try XMLFileInput(url: url, progress: progress)
        try self.init(source: input, name: url.absoluteString, problems: problems)
    }

    /// Streams the bytes `source` hands over; `name` is the document's name in libxml2's messages.
    public init(source: any XMLByteSource, name: String, problems: XMLProblemLog = XMLProblemLog())
        throws(XMLStreamError)
    {
        _ = Self.libraryInitialised
        let box = SourceBox(source)
        let context = Unmanaged.passUnretained(box).toOpaque()
        guard
            let reader = xmlReaderForIO(
                { context, buffer, length in
                    guard let context, let buffer else { return -1 }
                    return Unmanaged<SourceBox>.fromOpaque(context).takeUnretainedValue().source.read(
                        into: buffer, length: Int(length))
                },
                nil, context, name, nil, voldir_feed_parse_options())
        else {
            throw XMLStreamError.cannotStart
        }
        self.reader = reader
        self.box = box
        self.input = source
        self.file = source as? XMLFileInput
        self.problems = problems
        captureErrors()
    }

    /// Holds the source for the C callback, which takes one pointer.
    private final class SourceBox {
        let source: any XMLByteSource
        init(_ source: any XMLByteSource) { self.source = source }
    }
    private let box: SourceBox

    /// Routes libxml2's diagnostics for this reader into ``problems``.
    private func captureErrors() {
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { context, error in
                guard let context, let error else { return }
                let log = Unmanaged<XMLProblemLog>.fromOpaque(context).takeUnretainedValue()
                log.append(XMLProblem(error.pointee))
            },
            Unmanaged.passUnretained(problems).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// libxml2 must be initialised once, before readers run on several threads; a static `let`
    /// runs this exactly once, thread-safely.
    private static let libraryInitialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Bytes read from the file so far (0 for other sources).
    public var bytesRead: Int64 { file?.bytesRead ?? 0 }

    /// Moves to the next node; `false` at the end. Throws the parse error that stopped it.
    public func read() throws(XMLStreamError) -> Bool {
        try moved(xmlTextReaderRead(reader))
    }

    /// Skips the current node's subtree and moves to its next sibling (or onwards); `false` at the end.
    public func skipToNextSibling() throws(XMLStreamError) -> Bool {
        try moved(xmlTextReaderNext(reader))
    }

    /// What a libxml2 reader step returned: 1 moved, 0 at the end, anything else the parse error
    /// that stopped it.
    private func moved(_ status: Int32) throws(XMLStreamError) -> Bool {
        if status == 1 { return true }
        if status == 0 { return false }
        throw .parse(
            problems.firstError
                ?? XMLProblem(
                    line: lineNumber, column: columnNumber, message: "the document could not be read", isError: true))
    }

    /// libxml2's node type of the current node (`XML_READER_TYPE_*`).
    public var nodeType: Int32 { xmlTextReaderNodeType(reader) }
    /// What the current node is.
    public var kind: XMLNodeKind { XMLNodeKind(rawValue: xmlTextReaderNodeType(reader)) ?? .other }
    /// The current node's depth, the root at 0.
    public var depth: Int32 { xmlTextReaderDepth(reader) }
    /// The current node's local name (`c` for `x:c`).
    public var localName: String { Self.string(xmlTextReaderConstLocalName(reader)) ?? "" }
    /// Whether the current node's local name is `name`, compared where it lies rather than copied out.
    public func hasLocalName(_ name: StaticString) -> Bool {
        guard let current = xmlTextReaderConstLocalName(reader) else { return false }
        return strcmp(
            UnsafeRawPointer(current).assumingMemoryBound(to: CChar.self),
            UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }
    /// The current node's namespace URI.
    public var namespaceURI: String? { Self.string(xmlTextReaderConstNamespaceUri(reader)) }
    /// The current node's name as written (`x:c`).
    public var qualifiedName: String { Self.string(xmlTextReaderConstName(reader)) ?? "" }
    /// The line of the current node.
    public var lineNumber: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }
    /// The column of the current node.
    public var columnNumber: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }
    /// Whether the current element is written `<x/>`, so no end element follows.
    public var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }
    /// The value of the current text, CDATA or whitespace node.
    public var value: String { Self.string(xmlTextReaderConstValue(reader)) ?? "" }
    /// The declared encoding of the document, once it is known.
    public var encoding: String? { Self.string(xmlTextReaderConstEncoding(reader)) }

    /// The current element's attribute `name` without a namespace (`r`, `t`, `s`), if present.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { voldir_xml_free(value) }
        return String(cString: value)
    }

    /// The current element's attribute `name` in the namespace `uri`, if present.
    public func attribute(_ name: String, namespace uri: String) -> String? {
        guard let value = xmlTextReaderGetAttributeNs(reader, name, uri) else { return nil }
        defer { voldir_xml_free(value) }
        return String(cString: value)
    }

    /// The current element's attributes as (namespace, local name, value), namespace declarations left out.
    public func attributes() -> [(namespace: String?, name: String, value: String)] {
        var result: [(String?, String, String)] = []
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return result }
        repeat {
            if xmlTextReaderIsNamespaceDecl(reader) != 1 {
                result.append((namespaceURI, localName, Self.string(xmlTextReaderConstValue(reader)) ?? ""))
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return result
    }

    /// Builds the current element's subtree (bounded by the element) for reading as a tree; the
    /// reader frees it when it moves on.
    /// When reading a file, one element may take at most 16 MiB (``XMLFileInput``): past that,
    /// reading stops with a problem that ``XMLProblem/meansOverLimit``.
    public func expand() throws(XMLStreamError) -> XMLElement {
        let line = xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) } ?? lineNumber
        file?.recordStart = file?.bytesRead
        defer { file?.recordStart = nil }
        let expanded = xmlTextReaderExpand(reader)
        if file?.stoppedOverLimit == true {
            throw .parse(
                XMLProblem(
                    line: line, column: 0,
                    message:
                        "the element starting here runs past \(XMLFileInput.maximumRecordBytes >> 20) MiB, more than any record needs",
                    isError: true, code: XMLProblem.overLimitCode))
        }
        guard let node = expanded else {
            throw .parse(
                problems.firstError
                    ?? XMLProblem(
                        line: lineNumber, column: columnNumber, message: "the element could not be read", isError: true)
            )
        }
        return XMLElement(node)
    }

    /// A copy of the current element with its attributes but not its children, that the caller owns.
    public func copyCurrentElement() -> XMLTreeCopy? {
        guard let node = xmlTextReaderCurrentNode(reader), let copy = xmlDocCopyNode(node, node.pointee.doc, 2) else {
            return nil
        }
        return XMLTreeCopy(copy)
    }

    /// Whether the document read so far declares any entity in its DOCTYPE.
    public var declaresEntities: Bool { voldir_declares_entities(xmlTextReaderCurrentDoc(reader)) != 0 }

    /// Copies a libxml2 string out.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

/// Why a stream could not be read.
public enum XMLStreamError: Error {
    /// libxml2 could not create a reader.
    case cannotStart
    /// The document is not well-formed, or breaks a limit, at this place.
    case parse(XMLProblem)
}

extension XMLProblem {
    init(_ error: xmlError) {
        let message = error.message.map { String(cString: $0) } ?? "unknown error"
        self.init(
            line: Int(error.line), column: Int(error.int2),
            message: message.trimmingCharacters(in: .whitespacesAndNewlines),
            isError: error.level.rawValue >= XML_ERR_ERROR.rawValue, code: Int(error.code))
    }
}
