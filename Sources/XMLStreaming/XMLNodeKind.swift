/// The kinds of node a stream reader stops on (libxml2's `xmlReaderTypes`).
public enum XMLNodeKind: Int32, Sendable {
    case element = 1
    case attribute = 2
    case text = 3
    case cdata = 4
    case entityReference = 5
    case entity = 6
    case processingInstruction = 7
    case comment = 8
    case document = 9
    case documentType = 10
    case documentFragment = 11
    case notation = 12
    case whitespace = 13
    case significantWhitespace = 14
    case endElement = 15
    case endEntity = 16
    case xmlDeclaration = 17
    /// A type this enum does not list.
    case other = -1
}
