/// Why a placement could not be decided as asked.
public enum PlacementError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Confirming the placement would give its need more confirmed volunteers than it has places:
    /// every place is already taken (perhaps by another coordinator a moment before).
    case needFull(placement: Int64, need: String, places: Int)

    public var description: String {
        switch self {
        case .needFull(let placement, let need, let places):
            "cannot confirm placement \(placement): need '\(need)' already has all \(places) of its place(s) "
                + "confirmed; decline one of them first ('voldir placements' lists them)"
        }
    }
}
