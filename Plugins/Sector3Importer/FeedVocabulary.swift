/// The names of feed version 1 (sector3-feed.md).
enum Feed {
    /// The namespace every feed element is in, with a prefix or as the default namespace.
    static let namespace = "urn:sector3:network-feed:1"

    /// The elements directly inside `feed` that carry records.
    enum Record: String, CaseIterable {
        case network, volunteer, opportunity, withdrawn
    }
}
