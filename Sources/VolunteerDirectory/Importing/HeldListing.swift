/// What a source holds under one listing id: the person it names and the fingerprint of what it
/// last said there. The answer to a chunk's listing look-up (``DirectoryWriter/listings(_:listedBy:)``).
public struct HeldListing: Sendable, Hashable {
    /// The volunteer the listing names.
    public var volunteer: VolunteerID
    /// The fingerprint saved with the listing.
    public var fingerprint: String?

    /// One listing id's holder and saved fingerprint; `fingerprint` is `nil` when none was saved with it.
    public init(volunteer: VolunteerID, fingerprint: String?) {
        self.volunteer = volunteer
        self.fingerprint = fingerprint
    }
}
