import GRDB
import VolunteerDirectory

/// Roster rows read before (see ``KnownRows``): the digests are loaded once per import into
/// ``KnownListings``; a known row's listing is confirmed with the others, in bulk, at the end.
extension SQLiteDirectoryWriter: KnownRowWriter {
    func knownRows(expectedRecords: Int) throws -> KnownRows {
        knownListings = try KnownListings(expectedRecords: expectedRecords, in: db)
        return knownListings.rows
    }

    func confirmKnownRow(_ digest: UInt64) throws -> KnownRowConfirmation? {
        guard let listing = knownListings.listing(digest) else { return nil }
        if listedRows.isEmpty {
            // Room for every known row at once: grown by doubling, the two lists had briefly held
            // half as much again at a million rows.
            listedRows.reserveCapacity(knownListings.rows.count)
            seenPeople.reserveCapacity(knownListings.rows.count)
        }
        listedAgain(row: listing.row, of: listing.volunteer)
        return KnownRowConfirmation(consentRecorded: listing.consentRecorded)
    }

    func saveListing(
        _ record: VolunteerRecord, keys: VolunteerKeys, listingID: String, fingerprint: String,
        volunteer id: VolunteerID?, rowDigest: UInt64
    ) throws -> VolunteerID {
        try saveListing(
            record, keys: keys, listingID: listingID, fingerprint: fingerprint, volunteer: id, readFrom: rowDigest)
    }

    func confirmListing(_ listingID: String, listedBy source: String, rowDigest: UInt64) throws {
        // The row reads as it did, but is not the row remembered (a listing from before v13, a
        // cell written differently, another voldir): remembered with the stamps, in bulk.
        if let row = try confirmHeldListing(listingID, listedBy: source) { knownListings.remember(rowDigest, of: row) }
    }

    /// Writes the digests remembered since the last call; called with the stamps.
    func writeRememberedDigests() throws {
        let pairs = knownListings.takeRemembered().map { "[\($0.row),\(Int64(bitPattern: $0.digest))]" }
        try Self.inJSONParts(pairs) { list in
            try db.execute(
                sql: """
                    UPDATE listing SET row_digest = remembered.digest
                    FROM (SELECT json_extract(value, '$[0]') AS row, json_extract(value, '$[1]') AS digest FROM json_each(?))
                      AS remembered
                    WHERE listing.rowid = remembered.row
                    """, arguments: [list])
        }
    }
}
