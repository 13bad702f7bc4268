import XMLStreaming

/// Streams one XML part of a workbook through the hardened libxml2 reader, refusing a DOCTYPE
/// or an entity reference (workbook parts never have them: they are how external-entity and
/// expansion attacks begin) and naming the part in every error.
final class PartReader {
    let part: String
    private let stream: XMLStreamReader
    private let source: any XMLByteSource

    init(part: String, source: any XMLByteSource) throws(WorkbookError) {
        self.part = part
        self.source = source
        do {
            stream = try XMLStreamReader(source: source, name: part)
        } catch {
            throw .damagedPart(part)
        }
    }

    deinit {
        (source as? ZipEntryStream)?.close()
    }

    /// How much of the part has been read, from 0 to 1 (1 for a part read whole first).
    var fractionRead: Double { (source as? ZipEntryStream)?.fractionUnpacked ?? 1 }

    /// The node the reader is on.
    var kind: XMLNodeKind { stream.kind }
    var depth: Int32 { stream.depth }
    var isEmptyElement: Bool { stream.isEmptyElement }
    var value: String { stream.value }
    func hasLocalName(_ name: StaticString) -> Bool { stream.hasLocalName(name) }
    func attribute(_ name: String) -> String? { stream.attribute(name) }
    func attribute(_ name: String, namespace: String) -> String? { stream.attribute(name, namespace: namespace) }

    /// Moves to the next node, refusing it if it is a DOCTYPE or an entity; `false` at the end of the part.
    func next() throws(WorkbookError) -> Bool {
        do {
            guard try stream.read() else { return false }
        } catch {
            throw failure(error)
        }
        try refuseEntities()
        return true
    }

    /// Moves to the next element named `name` anywhere after the current node; `false` at the end.
    func advance(to name: StaticString) throws(WorkbookError) -> Bool {
        while try next() {
            if stream.kind == .element, stream.hasLocalName(name) { return true }
        }
        return false
    }

    /// The text inside the current element (its text and CDATA, and its descendants', except
    /// inside the elements named in `skipping`); leaves the reader on the element's end.
    func text(skipping: (PartReader) -> Bool = { _ in false }) throws(WorkbookError) -> String {
        guard !stream.isEmptyElement else { return "" }
        let depth = stream.depth
        var text = ""
        while try next() {
            switch stream.kind {
            case .text, .cdata, .significantWhitespace, .whitespace:
                text += stream.value
            case .element where skipping(self):
                if !stream.isEmptyElement { try skipSubtree() }
            case .endElement where stream.depth == depth:
                return text
            default:
                break
            }
        }
        return text
    }

    /// Reads on to the end of the current element.
    func skipSubtree() throws(WorkbookError) {
        guard !stream.isEmptyElement else { return }
        let depth = stream.depth
        while try next() {
            if stream.kind == .endElement, stream.depth == depth { return }
        }
    }

    private func refuseEntities() throws(WorkbookError) {
        switch stream.kind {
        case .documentType, .entityReference, .entity: throw .entities(part: part)
        default: return
        }
    }

    private func failure(_ error: XMLStreamError) -> WorkbookError {
        if let unpacking = (source as? ZipEntryStream)?.unpackingFailure {
            if let large = unpacking as? PartTooLarge { return .tooLarge(part: part, reason: large.reason) }
            return .damagedPart(part)
        }
        if stream.declaresEntities { return .entities(part: part) }
        switch error {
        case .cannotStart:
            return .damagedPart(part)
        case .parse(let problem):
            return .notWellFormed(part: part, line: problem.line, column: problem.column, message: problem.message)
        }
    }
}
