/// The kinds of node a stream reader stops on (libxml2's `xmlReaderTypes`).
public enum XMLNodeKind: Int32, Sendable {
    case element = 1, attribute = 2, text = 3, cdata = 4, entityReference = 5, entity = 6
    case processingInstruction = 7, comment = 8, document = 9, documentType = 10
    case documentFragment = 11, notation = 12, whitespace = 13, significantWhitespace = 14
    case endElement = 15, endEntity = 16, xmlDeclaration = 17
    /// A type this enum does not list.
    case other = -1
}
