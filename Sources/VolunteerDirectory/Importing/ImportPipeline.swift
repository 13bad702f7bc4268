import Foundation

/// Reads a file on a thread of its own while the import's transaction applies what has been
/// read, so that parsing, normalising and fingerprinting (one core) overlap with writing (the
/// other). What the importer says reaches the directory in the order it said it; the queue
/// between them is bounded, so memory stays flat however large the file.
///
/// If applying fails, the reader is stopped at its next record and joined before the error
/// leaves the transaction; if reading fails, the error is thrown where it would have been
/// without the pipeline, after what was read before it, so the transaction rolls back whole.
enum ImportPipeline {
    /// Runs `importer` over `input` on a reading thread and hands everything it reports to
    /// `applier`, on the calling thread.
    static func run(
        _ importer: any ImporterPlugin, input: ImportInput, options: ImportOptions, into applier: ImportApplier
    ) throws {
        let channel = Channel()
        let finished = DispatchSemaphore(value: 0)
        let known = try applier.knownRows()
        DispatchQueue.global(qos: .userInitiated).async {
            let sink = ChannelSink(known: known, deliver: channel.send)
            do {
                try importer.read(input, options: options, into: sink)
                try sink.flush()
                channel.close(failure: nil)
            } catch {
                channel.close(failure: error)
            }
            finished.signal()
        }
        defer {
            channel.cancel()
            finished.wait()
        }
        while let events = channel.next() {
            // The chunk's identity look-ups in a few questions, then its records in order.
            try applier.prepare(
                events.compactMap { event -> PreparedVolunteer? in
                    guard case .volunteer(let volunteer, _) = event else { return nil }
                    return volunteer
                })
            for event in events { try apply(event, to: applier) }
        }
        if let failure = channel.failure { throw failure }
    }

    /// Applies one event, in the import's transaction.
    private static func apply(_ event: Event, to applier: ImportApplier) throws {
        switch event {
        case .sequence(let number, let source): try applier.beginSequence(number, of: source)
        case .volunteer(let volunteer, let location): try applier.receive(volunteer, at: location)
        case .knownRow(let row, let location):
            if try !applier.confirm(row) { try readAfterAll(row, at: location, into: applier) }
        case .record(let record, let location): try applier.receive(record, at: location)
        case .reject(let location, let reason): try applier.reject(at: location, reason: reason)
        case .warn(let location, let message): applier.warn(at: location, message)
        }
    }

    /// Reads a known row the directory no longer holds as it was read (an earlier row of the
    /// file changed or ended its listing), here on the writing thread, through the sink every
    /// other record passes (its field limits, bounded warnings, the row's digest kept), and
    /// applies what it says.
    private static func readAfterAll(_ row: KnownRow, at location: SourceLocation, into applier: ImportApplier)
        throws
    {
        var events: [Event] = []
        let sink = ChannelSink(known: KnownRows()) { events += $0 }
        if let record = try row.read(at: location, into: sink) {
            try sink.receive(record, at: location, rowDigest: row.digest)
        }
        try sink.flush()
        for event in events { try apply(event, to: applier) }
    }

    /// Events a batch holds before it is handed over: the chunk whose identity look-ups the
    /// writer answers set-wise, large enough that each of a roster's sources (one per network)
    /// has dozens of listings in each question.
    static let chunkSize = 1_024

    /// What an importer reports, in order.
    enum Event: Sendable {
        case sequence(Int, String)
        /// A volunteer, prepared on the reading thread.
        case volunteer(PreparedVolunteer, SourceLocation)
        /// A row read before, passed over unread.
        case knownRow(KnownRow, SourceLocation)
        /// Any other record.
        case record(ImportRecord, SourceLocation)
        case reject(SourceLocation, String)
        case warn(SourceLocation?, String)
    }

    /// Thrown to the reading thread when applying has stopped.
    struct Stopped: Error {}

    /// A bounded queue of event batches between the two threads.
    final class Channel: @unchecked Sendable {
        private let condition = NSCondition()
        private var batches: [[Event]] = []
        private var head = 0
        private var closed = false
        private var stopped = false
        private var readFailure: (any Error)?
        /// Batches in flight at most: with 1,024 records a batch, a few thousand records.
        private let capacity = 4

        /// Hands a batch over, waiting while the queue is full; throws once applying has stopped.
        func send(_ batch: [Event]) throws {
            condition.lock()
            defer { condition.unlock() }
            while batches.count - head >= capacity, !stopped { condition.wait() }
            if stopped { throw Stopped() }
            batches.append(batch)
            condition.broadcast()
        }

        /// Marks the end of reading, with the error that ended it if any.
        func close(failure: (any Error)?) {
            condition.lock()
            closed = true
            if !(failure is Stopped) { readFailure = failure }
            condition.broadcast()
            condition.unlock()
        }

        /// Tells the reader to stop (applying failed, or is done).
        func cancel() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }

        /// The next batch, waiting for one; `nil` once reading has ended and every batch is taken.
        func next() -> [Event]? {
            condition.lock()
            defer { condition.unlock() }
            while head == batches.count, !closed { condition.wait() }
            guard head < batches.count else { return nil }
            let batch = batches[head]
            batches[head] = []
            head += 1
            if head > 64, head * 2 > batches.count {
                batches.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            return batch
        }

        /// The error reading ended with, once closed.
        var failure: (any Error)? {
            condition.lock()
            defer { condition.unlock() }
            return readFailure
        }
    }

    /// The importer's sink on the reading thread: batches what it is told, rejects records over
    /// ``FieldLimits``, and fingerprints and normalises volunteer records there, off the writing
    /// thread, handing each batch to `deliver` (the channel, or a known row's events read after
    /// all).
    final class ChannelSink: ImportSink {
        private let deliver: ([Event]) throws -> Void
        private let known: KnownRows
        private var batch: [Event] = []

        init(known: KnownRows, deliver: @escaping ([Event]) throws -> Void) {
            self.known = known
            self.deliver = deliver
            batch.reserveCapacity(ImportPipeline.chunkSize)
        }

        func beginSequence(_ sequence: Int, of source: String) throws {
            batch.append(.sequence(sequence, source))
            try flush()  // a stale feed is refused before the rest is read
        }

        func receive(_ record: ImportRecord, at location: SourceLocation) throws {
            try receive(record, at: location, digest: nil)
        }

        func receive(_ record: ImportRecord, at location: SourceLocation, rowDigest: UInt64) throws {
            try receive(record, at: location, digest: rowDigest)
        }

        private func receive(_ record: ImportRecord, at location: SourceLocation, digest: UInt64?) throws {
            // Every plugin's records pass here, so the limits hold for all of them. A record over
            // one is rejected whole, and its warnings go with it: they may quote the giant value.
            if let violation = FieldLimits.violation(in: record) {
                while case .warn(let at, _)? = batch.last, at == location { batch.removeLast() }
                try reject(at: location, reason: violation.description)
                return
            }
            if case .volunteer(let volunteer) = record {
                batch.append(.volunteer(PreparedVolunteer(volunteer, rowDigest: digest), location))
            } else {
                batch.append(.record(record, location))
            }
            if batch.count >= ImportPipeline.chunkSize { try flush() }
        }

        func isKnownRow(_ digest: UInt64) -> Bool {
            known.contains(digest)
        }

        func receive(_ row: KnownRow, at location: SourceLocation) throws {
            batch.append(.knownRow(row, location))
            if batch.count >= ImportPipeline.chunkSize { try flush() }
        }

        func reject(at location: SourceLocation, reason: String) throws {
            batch.append(.reject(location, reason))
        }

        func warn(at location: SourceLocation?, _ message: String) {
            // A warning may quote what it is about; however large that is, the message stays readable.
            let bounded =
                message.utf8.count > Self.longestWarning
                ? FieldLimits.excerpt(of: message, length: Self.longestWarning) : message
            batch.append(.warn(location, bounded))
        }

        /// The most characters of one warning's message that are kept.
        static let longestWarning = 1_000

        func flush() throws {
            guard !batch.isEmpty else { return }
            try deliver(batch)
            batch.removeAll(keepingCapacity: true)
        }
    }
}
