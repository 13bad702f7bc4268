import GRDB
import VolunteerDirectory

/// What an import's writer knows of the roster rows its listings were last read from (see
/// ``KnownRows``): each digest (in order) with its listing's row, the person it lists and whether
/// it records consent, side by side, and the listings this import has written or ended, whose rows
/// are no longer known as they were read. About 33 bytes a listing (with ``KnownRows``'s table).
struct KnownListings {
    private(set) var rows = KnownRows()
    private var listingRows: [Int64] = []
    private var people: [VolunteerID] = []
    private var consentRecorded: [Bool] = []
    private var touched: Set<Int64> = []
    /// Digests of rows read this time that were not the ones remembered, by listing row.
    private var remembered: [(row: Int64, digest: UInt64)] = []

    /// Knows nothing: every row is read.
    init() {}

    /// Loads the digests of every listing that has one, unless the file (about
    /// `expectedRecords` records) is so small against the directory that reading them would
    /// cost more than it saves.
    init(expectedRecords: Int, in db: Database) throws {
        let held = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM listing WHERE row_digest IS NOT NULL") ?? 0
        guard held > 0, held <= Self.alwaysLoaded || expectedRecords * Self.smallestShare >= held else { return }
        var digests: [Int64] = []
        digests.reserveCapacity(held)
        listingRows.reserveCapacity(held)
        people.reserveCapacity(held)
        consentRecorded.reserveCapacity(held)
        // In the table's order: ``KnownRows`` finds a digest by hashing, so nothing is sorted.
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT row_digest, rowid, volunteer_id, consent_contact IS NOT NULL FROM listing
                WHERE row_digest IS NOT NULL
                """)
        while let row = try cursor.next() {
            digests.append(row[0])
            listingRows.append(row[1])
            people.append(row[2])
            consentRecorded.append(row[3])
        }
        rows = KnownRows(bitPatterns: digests)
    }

    /// Beyond ``alwaysLoaded`` listings, a file's cautious count of records times this must reach
    /// the listings held for loading their digests to pay: a 10-row roster does not read a
    /// million digests.
    static let smallestShare = 50
    /// Listings whose digests are loaded for any file: a few milliseconds' reading.
    static let alwaysLoaded = 10_000

    /// Whether any digest is known, so that writes must be tracked.
    var isEmpty: Bool { rows.count == 0 }

    /// The listing read from the row `digest`, unless this import wrote or ended it since.
    func listing(_ digest: UInt64) -> (row: Int64, volunteer: VolunteerID, consentRecorded: Bool)? {
        guard let at = rows.position(of: digest), !touched.contains(listingRows[at]) else { return nil }
        return (listingRows[at], people[at], consentRecorded[at])
    }

    /// Remembers that the listing in `row` was read from the row `digest` this time.
    mutating func remember(_ digest: UInt64, of row: Int64) {
        remembered.append((row, digest))
    }

    /// The digests remembered since the last call, to be written.
    mutating func takeRemembered() -> [(row: Int64, digest: UInt64)] {
        defer { remembered = [] }
        return remembered
    }

    /// This import wrote or ended the listing in `row`: its row, if known, is read again.
    /// Nothing is kept when no row is known (every row is read anyway).
    mutating func touch(_ row: Int64) {
        if !isEmpty { touched.insert(row) }
    }
}
