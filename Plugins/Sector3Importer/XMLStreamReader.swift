import CLibXML2
import Foundation

/// Owns one libxml2 `xmlTextReader` over a file: the only place a reader handle lives, freed in
/// `deinit`. Raw pointers never leave this module.
final class XMLStreamReader {
    let reader: xmlTextReaderPtr
    let problems: XMLProblemLog
    private let input: FeedInput

    /// Opens `url` for streaming with the hardened options of `voldir_feed_parse_options()`.
    init(url: URL, problems: XMLProblemLog = XMLProblemLog(), progress: @escaping (Int64) -> Void = { _ in }) throws {
        _ = Self.libraryInitialised
        let input = try FeedInput(url: url, progress: progress)
        let context = Unmanaged.passUnretained(input).toOpaque()
        guard
            let reader = xmlReaderForIO(
                { context, buffer, length in
                    guard let context, let buffer else { return -1 }
                    return Unmanaged<FeedInput>.fromOpaque(context).takeUnretainedValue().read(into: buffer, length: Int(length))
                },
                nil, context, url.absoluteString, nil, voldir_feed_parse_options())
        else {
            throw XMLStreamError.cannotStart
        }
        self.reader = reader
        self.input = input
        self.problems = problems
        captureErrors()
    }

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

    /// Bytes read from the file so far.
    var bytesRead: Int64 { input.bytesRead }

    /// Moves to the next node; `false` at the end. Throws the parse error that stopped it.
    func read() throws(XMLStreamError) -> Bool {
        let status = xmlTextReaderRead(reader)
        if status == 1 { return true }
        if status == 0 { return false }
        throw .parse(problems.firstError ?? XMLProblem(line: lineNumber, column: columnNumber, message: "the document could not be read", isError: true))
    }

    /// Skips the current node's subtree and moves to its next sibling (or onwards); `false` at the end.
    func skipToNextSibling() throws(XMLStreamError) -> Bool {
        let status = xmlTextReaderNext(reader)
        if status == 1 { return true }
        if status == 0 { return false }
        throw .parse(problems.firstError ?? XMLProblem(line: lineNumber, column: columnNumber, message: "the document could not be read", isError: true))
    }

    var nodeType: Int32 { xmlTextReaderNodeType(reader) }
    var depth: Int32 { xmlTextReaderDepth(reader) }
    var localName: String { Self.string(xmlTextReaderConstLocalName(reader)) ?? "" }
    var namespaceURI: String? { Self.string(xmlTextReaderConstNamespaceUri(reader)) }
    var qualifiedName: String { Self.string(xmlTextReaderConstName(reader)) ?? "" }
    var lineNumber: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }
    var columnNumber: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }

    /// The current element's attributes as (namespace, local name, value), namespace declarations left out.
    func attributes() -> [(namespace: String?, name: String, value: String)] {
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
    func expand() throws(XMLStreamError) -> XMLElement {
        let line = xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) } ?? lineNumber
        input.recordStart = input.bytesRead
        defer { input.recordStart = nil }
        let expanded = xmlTextReaderExpand(reader)
        if input.stoppedOverLimit {
            throw .parse(XMLProblem(line: line, column: 0, message: "the element starting here runs past \(FeedInput.maximumRecordBytes >> 20) MiB, more than any record needs", isError: true, code: XMLProblem.overLimitCode))
        }
        guard let node = expanded else {
            throw .parse(problems.firstError ?? XMLProblem(line: lineNumber, column: columnNumber, message: "the element could not be read", isError: true))
        }
        return XMLElement(node)
    }

    /// Whether the document read so far declares any entity in its DOCTYPE.
    var declaresEntities: Bool { voldir_declares_entities(xmlTextReaderCurrentDoc(reader)) != 0 }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

/// Why a stream could not be read.
enum XMLStreamError: Error {
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
