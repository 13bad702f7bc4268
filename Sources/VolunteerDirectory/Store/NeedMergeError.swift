/// Why two needs could not be merged.
public enum NeedMergeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No need with this id is held.
    case unknownNeed(String)
    /// Both ids are the same.
    case sameNeed(String)

    public var description: String {
        switch self {
        case .unknownNeed(let id): "no need with id '\(id)'; 'voldir needs' lists them"
        case .sameNeed(let id): "cannot merge need '\(id)' with itself; name the need to keep, then the duplicate"
        }
    }
}
