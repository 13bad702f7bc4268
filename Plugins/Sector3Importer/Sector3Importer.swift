import Foundation
import VolunteerDirectory
import XMLStreaming

/// Reads the Sector 3 network feed (sector3-feed.md) as a stream with libxml2's `xmlTextReader`:
/// memory stays flat whatever the feed's size, each element is applied as soon as it is read,
/// and the feed is hardened against external entities, entity expansion and oversized input.
public struct Sector3Importer: DirectoryImporter {
    public static let identifier = "sector3"
    public static let summary =
        "The Sector 3 network feed, version 1 (XML in urn:sector3:network-feed:1): networks, volunteers, opportunities, withdrawals"
    public static let fileExtensions: Set<String> = ["xml"]

    public static func recognises(_ sample: ImportSample) -> Recognition {
        let text = sample.text
        if text.contains(Feed.namespace) { return .certain }
        return sample.fileExtension == "xml" ? .possible : .no
    }

    public init() {}

    public func read(_ input: ImportInput, options: ImportOptions, into sink: any ImportSink) throws {
        let stream: XMLStreamReader
        do {
            stream = try XMLStreamReader(url: input.url, progress: input.progress)
        } catch {
            throw ImportError.unreadable(file: input.displayName, reason: "it cannot be opened")
        }
        do {
            try read(stream, input: input, options: options, into: sink)
        } catch let error as XMLStreamError {
            throw Self.importError(error, stream: stream, file: input.displayName)
        }
    }

    private func read(_ stream: XMLStreamReader, input: ImportInput, options: ImportOptions, into sink: any ImportSink)
        throws
    {
        var elements: FeedElementReader?
        var positioned = try stream.read()
        while positioned {
            switch stream.kind {
            case .documentType:
                if stream.declaresEntities { throw Self.entitiesRefused(stream, file: input.displayName) }
            case .entityReference:
                throw Self.entityReference(stream.qualifiedName, line: stream.lineNumber, file: input.displayName)
            case .element where stream.depth == 0:
                elements = try beginFeed(stream, input: input, options: options, into: sink)
            case .element where stream.depth == 1:
                guard var reader = elements else { break }
                try readRecord(stream, with: &reader, input: input, into: sink)
                elements = reader
                positioned = try stream.skipToNextSibling()
                continue
            default:
                break
            }
            positioned = try stream.read()
        }
        guard let elements else {
            throw ImportError.malformed(
                file: input.displayName, location: nil, reason: "the file holds no XML elements")
        }
        for (path, count) in elements.unknown.sorted(by: { $0.key < $1.key }) {
            let what = path.contains("/@") ? "attribute" : "element"
            sink.warn(at: nil, "unknown \(what) '\(path)' ignored (\(count) time\(count == 1 ? "" : "s"))")
        }
        input.progress(stream.bytesRead)
    }

    /// Checks the root is a version 1 feed and announces its sequence.
    private func beginFeed(
        _ stream: XMLStreamReader, input: ImportInput, options: ImportOptions, into sink: any ImportSink
    ) throws
        -> FeedElementReader
    {
        let location = SourceLocation(line: stream.lineNumber)
        guard stream.localName == "feed", stream.namespaceURI == Feed.namespace else {
            throw ImportError.malformed(
                file: input.displayName, location: location,
                reason:
                    "this is not a Sector 3 feed: the root element is '\(stream.qualifiedName)' in namespace '\(stream.namespaceURI ?? "none")', not 'feed' in \(Feed.namespace)"
            )
        }
        let header: FeedHeader
        do throws(FieldError) {
            header = try FeedHeader(attributes: stream.attributes())
        } catch {
            throw ImportError.malformed(file: input.displayName, location: location, reason: error.reason)
        }
        let source = header.source ?? "Sector 3"
        var elements = FeedElementReader(source: "feed:\(source)", catalogue: options.catalogue)
        for name in header.unknownAttributes { elements.count("feed/@\(name)") }
        if let sequence = header.sequence {
            try sink.beginSequence(sequence, of: source)
        } else {
            sink.warn(at: location, "the feed has no sequence, so a stale copy cannot be told from a new one")
        }
        return elements
    }

    /// Reads one element directly inside `feed` and hands its record to the sink.
    private func readRecord(
        _ stream: XMLStreamReader, with reader: inout FeedElementReader, input: ImportInput, into sink: any ImportSink
    ) throws {
        guard stream.namespaceURI == Feed.namespace, let kind = Feed.Record(rawValue: stream.localName) else {
            reader.count("feed/\(stream.localName)")
            return
        }
        let element = try stream.expand()
        let location = SourceLocation(line: element.line)
        if element.containsEntityReference {
            throw Self.entityReference(nil, line: element.line, file: input.displayName)
        }
        do {
            let record: ImportRecord =
                switch kind {
                case .network: .network(try reader.network(element))
                case .volunteer: .volunteer(try reader.volunteer(element))
                case .opportunity: .need(try reader.opportunity(element))
                case .withdrawn: .withdrawal(try reader.withdrawal(element))
                }
            try sink.receive(record, at: location)
        } catch let error as FieldError {
            try sink.reject(at: location, reason: error.reason)
        }
    }

    // MARK: - Errors

    static func importError(_ error: XMLStreamError, stream: XMLStreamReader, file: String) -> ImportError {
        switch error {
        case .cannotStart:
            return .unreadable(file: file, reason: "libxml2 could not start reading it")
        case .parse(let problem):
            if stream.declaresEntities { return entitiesRefused(stream, file: file) }
            let reason =
                problem.meansCutShort
                ? "the feed ends here with elements still open: it was cut short in transfer (libxml2: \(problem.message))"
                : problem.meansOverLimit
                    ? "the feed holds something far larger than a feed record ever is, so it was refused rather than read into memory (\(problem.message))"
                    : "the feed is not well-formed XML: \(problem.message)"
            return .malformed(
                file: file,
                location: SourceLocation(line: problem.line, column: problem.column > 0 ? problem.column : nil),
                reason: reason)
        }
    }

    private static func entitiesRefused(_ stream: XMLStreamReader, file: String) -> ImportError {
        .malformed(
            file: file, location: SourceLocation(line: stream.lineNumber),
            reason:
                "the feed's DOCTYPE declares entities, which feeds must not do (they can read files or exhaust memory); refused for safety"
        )
    }

    private static func entityReference(_ name: String?, line: Int, file: String) -> ImportError {
        .malformed(
            file: file, location: SourceLocation(line: line),
            reason:
                "the feed uses an entity reference\(name.map { " '&\($0);'" } ?? ""); entities are never expanded, so the feed was refused"
        )
    }
}
