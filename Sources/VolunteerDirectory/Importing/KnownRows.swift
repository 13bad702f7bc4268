/// The rows the directory's listings were last read from, by digest: what lets an import pass
/// over a roster row it read before without reading it again.
///
/// A weekly roster is mostly the rows of last week's. Reading a row (names, postcodes, phones,
/// skills and languages understood) and looking its listing up cost a re-import of a million rows
/// most of its time, to find that nothing changed. A plugin that reads rows digests each row's
/// cells with what governs how they are read (the header, the options, voldir's version), and asks
/// ``ImportSink/isKnownRow(_:)``; a known row goes to the directory unread, as a ``KnownRow``.
public struct KnownRows: Sendable {
    /// The digests' bit patterns as signed numbers (as SQL stores them), in the order given.
    private let bitPatterns: [Int64]
    /// An open-addressed table of positions in ``bitPatterns`` plus one (0 for an empty slot),
    /// placed by the digest's low bits: a digest is already a hash. Twice as many slots as
    /// digests, so a look-up reads one or two slots. Halving a sorted million instead read twenty
    /// places scattered over 8 MB, and was a fifth of the reading thread's time in a re-import.
    private let slots: [Int32]

    /// No rows: every row is read.
    public init() {
        bitPatterns = []
        slots = []
    }

    /// Digests as a store reads them: their bit patterns as signed numbers, in any order, taken
    /// as they are (a million of them, not copied). A digest given twice is found at its first
    /// position.
    public init(bitPatterns: [Int64]) {
        precondition(bitPatterns.count < Int(Int32.max), "more known rows than a table of positions holds")
        self.bitPatterns = bitPatterns
        guard !bitPatterns.isEmpty else {
            slots = []
            return
        }
        var capacity = 16
        while capacity < bitPatterns.count * 2 { capacity *= 2 }
        let mask = capacity - 1
        slots = [Int32](unsafeUninitializedCapacity: capacity) { table, initialised in
            table.initialize(repeating: 0)
            for (position, pattern) in bitPatterns.enumerated() {
                var slot = Int(truncatingIfNeeded: pattern) & mask
                while table[slot] != 0 {
                    if bitPatterns[Int(table[slot]) - 1] == pattern { break }
                    slot = (slot + 1) & mask
                }
                if table[slot] == 0 { table[slot] = Int32(position + 1) }
            }
            initialised = capacity
        }
    }

    /// How many rows.
    public var count: Int { bitPatterns.count }

    /// Where the digest is among them (its offset in the order they were given), if known.
    public func position(of digest: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        let pattern = Int64(bitPattern: digest)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: pattern) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if bitPatterns[entry - 1] == pattern { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Whether a listing was last read from a row with this digest.
    public func contains(_ digest: UInt64) -> Bool {
        position(of: digest) != nil
    }
}

/// A row an import read before, handed to the directory unread: its digest, the source and the
/// network its network cell (or `--network`) names, and a way to read it after all.
///
/// The directory reads it when no listing holds the row now as it was read: an earlier row of the
/// same file changed or ended that listing, or the person was erased.
public struct KnownRow: Sendable {
    /// The row's digest (see ``KnownRows``).
    public var digest: UInt64
    /// The source the row lists its person for (``VolunteerRecord/source``).
    public var source: String
    /// The network the row names, as written.
    public var network: String?
    /// Reads the row into a record, telling `warn` what looks wrong, as a plugin would have.
    public var read: @Sendable (_ warn: (String) -> Void) throws(FieldError) -> ImportRecord

    /// A known row.
    public init(
        digest: UInt64, source: String, network: String?,
        read: @escaping @Sendable (_ warn: (String) -> Void) throws(FieldError) -> ImportRecord
    ) {
        self.digest = digest
        self.source = source
        self.network = network
        self.read = read
    }
}

extension KnownRow {
    /// Reads the row after all, telling `sink` what looks wrong at `location`; a row that cannot
    /// be read is rejected there, and gives `nil`.
    public func read(at location: SourceLocation, into sink: any ImportSink) throws -> ImportRecord? {
        do {
            return try read { sink.warn(at: location, $0) }
        } catch {
            try sink.reject(at: location, reason: error.reason)
            return nil
        }
    }
}

/// What a store confirmed of a known row's listing.
public struct KnownRowConfirmation: Sendable, Hashable {
    /// Whether the listing records whether the person may be contacted.
    public var consentRecorded: Bool

    /// A confirmation.
    public init(consentRecorded: Bool) {
        self.consentRecorded = consentRecorded
    }
}

/// A writer that remembers the row each listing was last read from, so that an import can pass
/// over the rows it read before (see ``KnownRows``). A store without it reads every row.
public protocol KnownRowWriter: DirectoryWriter {
    /// The rows this import may pass over unread: none when the file (about `expectedRecords`
    /// records) is too small against the directory for loading them to pay.
    func knownRows(expectedRecords: Int) throws -> KnownRows
    /// Confirms unchanged the listing last read from the row `digest`, as
    /// ``DirectoryWriter/confirmListing(_:listedBy:)`` does, and says whose it is; `nil` (and
    /// nothing done) when no listing holds that row now as it was read: this import changed or
    /// ended it, or it is gone. The row must then be read.
    func confirmKnownRow(_ digest: UInt64) throws -> KnownRowConfirmation?
    /// Saves a listing as ``DirectoryWriter/saveListing(_:keys:listingID:fingerprint:volunteer:)``
    /// does, remembering the row it was read from.
    func saveListing(
        _ record: VolunteerRecord, keys: VolunteerKeys, listingID: String, fingerprint: String,
        volunteer id: VolunteerID?, rowDigest: UInt64
    ) throws -> VolunteerID
    /// Confirms a listing as ``DirectoryWriter/confirmListing(_:listedBy:)`` does, remembering the
    /// row it was read from this time.
    func confirmListing(_ listingID: String, listedBy source: String, rowDigest: UInt64) throws
}
