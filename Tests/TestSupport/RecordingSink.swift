import VolunteerDirectory

/// An ``ImportSink`` that keeps what an importer hands it, so a plugin can be tested without a store.
public final class RecordingSink: ImportSink {
    /// Records in the order received, with where they were read.
    public private(set) var records: [(record: ImportRecord, location: SourceLocation)] = []
    /// Rejections in order.
    public private(set) var rejections: [Rejection] = []
    /// Warnings in order.
    public private(set) var warnings: [ImportWarning] = []
    /// Sequences announced.
    public private(set) var sequences: [(source: String, number: Int)] = []

    /// Creates an empty sink.
    public init() {}

    public func beginSequence(_ sequence: Int, of source: String) throws {
        sequences.append((source, sequence))
    }

    public func receive(_ record: ImportRecord, at location: SourceLocation) throws {
        records.append((record, location))
    }

    public func reject(at location: SourceLocation, reason: String) throws {
        rejections.append(Rejection(location: location, reason: reason))
    }

    public func warn(at location: SourceLocation?, _ message: String) {
        warnings.append(ImportWarning(location: location, message: message))
    }

    /// The volunteers received.
    public var volunteers: [VolunteerRecord] {
        records.compactMap { if case .volunteer(let v) = $0.record { v } else { nil } }
    }

    /// The networks received.
    public var networks: [NetworkRecord] {
        records.compactMap { if case .network(let n) = $0.record { n } else { nil } }
    }

    /// The needs received.
    public var needs: [Need] {
        records.compactMap { if case .need(let n) = $0.record { n } else { nil } }
    }

    /// The withdrawals received.
    public var withdrawals: [Withdrawal] {
        records.compactMap { if case .withdrawal(let w) = $0.record { w } else { nil } }
    }
}
