/// What `voldir needs merge KEEP OTHER` did.
public struct NeedMerge: Sendable, Hashable, Codable {
    /// The need kept.
    public var kept: String
    /// The need removed.
    public var removed: String
    /// Placements moved from the removed need to the kept one.
    public var moved: Int
    /// Placements dropped because the volunteer was already placed on the kept need.
    public var dropped: Int
    /// Confirmed placements on the kept need after the merge, against its places: more than
    /// `places` means someone should be declined.
    public var confirmed: Int
    /// The kept need's places.
    public var places: Int

    /// The report ``DirectoryStore/mergeNeeds(keep:other:)`` returns; `confirmed` and `places` are the kept need's.
    public init(kept: String, removed: String, moved: Int, dropped: Int, confirmed: Int, places: Int) {
        self.kept = kept
        self.removed = removed
        self.moved = moved
        self.dropped = dropped
        self.confirmed = confirmed
        self.places = places
    }
}
