/// Why the in-memory store refused a write: what the SQLite store's foreign keys refuse.
public enum MemoryStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A write named something the directory does not hold.
    case missing(String)
    /// A need was given fewer than one place.
    case noPlaces(need: String, places: Int)

    public var description: String {
        switch self {
        case .missing(let what): "the directory holds no \(what); nothing was written"
        case .noPlaces(let need, let places):
            "need '\(need)' has \(places) places; a need has at least 1; nothing was written"
        }
    }
}
