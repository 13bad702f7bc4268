/// A volunteer record with what the directory recognises and compares it by (its keys, its
/// listing id, its fingerprint), worked out once, on the reading thread of an import, so the
/// writing thread only looks up and writes.
struct PreparedVolunteer: Sendable {
    let record: VolunteerRecord
    let keys: VolunteerKeys
    /// The id the source lists the person under: its own id when it gives one, else the email,
    /// the phone number or, last, the name.
    let listingID: String
    let fingerprint: String
    /// The digest of the row it was read from, when a plugin that reads rows gave one (see
    /// ``KnownRows``).
    let rowDigest: UInt64?

    init(_ record: VolunteerRecord, rowDigest: UInt64? = nil) {
        self.record = record
        self.rowDigest = rowDigest
        keys = VolunteerKeys(record)
        listingID =
            record.externalID.map { "id:\($0)" } ?? keys.email.map { "email:\($0)" }
            ?? keys.phone.map { "phone:\($0)" } ?? "name:\(keys.name)"
        fingerprint = Fingerprint.of(volunteer: record)
    }
}
