/// A problem libxml2 reported, where it found it.
public struct XMLProblem: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line, or 0 when unknown.
    public var line: Int
    /// The 1-based column, or 0 when unknown.
    public var column: Int
    /// libxml2's message, trimmed.
    public var message: String
    /// Whether it stops the document being read (an error rather than a warning).
    public var isError: Bool
    /// libxml2's error code (`xmlParserErrors`), 0 when the problem is our own.
    public var code: Int = 0

    /// `code` defaults to 0, a problem of our own; `message` is kept as given, so trim libxml2's first.
    public init(line: Int, column: Int, message: String, isError: Bool, code: Int = 0) {
        self.line = line
        self.column = column
        self.message = message
        self.isError = isError
        self.code = code
    }

    /// Whether the document stopped before its elements were closed: a cut-short transfer.
    public var meansCutShort: Bool {
        // XML_ERR_DOCUMENT_EMPTY, XML_ERR_DOCUMENT_END, XML_ERR_TAG_NOT_FINISHED
        [4, 5, 77].contains(code)
    }

    /// Whether the document broke a limit on size: libxml2's own on a text node (which 2.9
    /// reports as running out of memory, XML_ERR_NO_MEMORY) or ours on a record element.
    public var meansOverLimit: Bool { code == 2 || code == Self.overLimitCode }

    /// The code of our own limit on a record element's size (outside libxml2's codes).
    static let overLimitCode = 100_000

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}

/// Collects the problems of one parse. Each reader has its own, passed to libxml2 as the context
/// of its structured error handler, so concurrent parses never share error state.
public final class XMLProblemLog {
    /// The problems, in the order found, up to the limit.
    public private(set) var problems: [XMLProblem] = []
    private let limit: Int

    /// Creates a log that keeps at most `limit` problems.
    public init(limit: Int = 1_000) {
        self.limit = limit
    }

    /// The first problem that stops the document being read.
    public var firstError: XMLProblem? { problems.first(where: \.isError) }

    /// Records a problem.
    public func append(_ problem: XMLProblem) {
        if problems.count < limit { problems.append(problem) }
    }
}
