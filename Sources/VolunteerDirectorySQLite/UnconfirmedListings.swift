import GRDB
import VolunteerDirectory

/// The listings an import's batch did not list, read for every source in one pass once every row
/// is read, for a roster file that listed most of the directory.
///
/// Asked source by source, each question went through the listings' key index and fetched its
/// rows one at a time: 80 ms for each of a million-row directory's sixteen rosters, asked twice
/// when nothing was rejected (listings a newer copy listed, then listings to end). One pass over
/// the narrow stamps (`listing_stamp`) reads the wide listing rows of those not listed only.
struct UnconfirmedListings {
    /// Listings of each source no stamp of this batch covers, by listing id.
    private var bySource: [Int64: [String: VolunteerID]] = [:]
    /// How many listings of each source a copy dated after this batch's file listed.
    private var newerBySource: [Int64: Int] = [:]

    /// Reads the listings not stamped with `batch`, as of `asOf`: those listed as of a later
    /// date are counted, not kept.
    init(batch: Int64, asOf: Int64, in db: Database) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT l.source_id, l.listing_id, l.volunteer_id, COALESCE(s.as_of > ?, 0)
                FROM listing_stamp s CROSS JOIN listing l ON l.rowid = s.listing_row
                WHERE s.batch IS NOT ?
                """, arguments: [asOf, batch])
        while let row = try rows.next() {
            let source: Int64 = row[0]
            if row[3] as Bool {
                newerBySource[source, default: 0] += 1
            } else {
                bySource[source, default: [:]][row[1] as String] = row[2] as VolunteerID
            }
        }
    }

    /// Whether reading every listing once costs less than asking for each source's: when the
    /// import listed at least half as many listings as the directory has ever held.
    static func payOff(listedThisImport: Int, in db: Database) throws -> Bool {
        guard listedThisImport > 0 else { return false }
        let held = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(rowid), 0) FROM listing") ?? 0
        return listedThisImport * 2 >= held
    }

    /// The source's listings not listed by the batch, in listing id order (byte by byte, as SQLite
    /// orders text).
    func listings(of source: Int64) -> [(listingID: String, volunteer: VolunteerID)] {
        (bySource[source] ?? [:]).sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map {
            ($0.key, $0.value)
        }
    }

    /// How many of the source's listings a later copy listed.
    func newerListings(of source: Int64) -> Int {
        newerBySource[source] ?? 0
    }

    /// Forgets a listing the import has ended.
    mutating func remove(_ listingID: String, of source: Int64) {
        bySource[source]?.removeValue(forKey: listingID)
    }
}
