/// A count as published to partners: the usual small-number rule for published statistics,
/// under which a count from 1 to 4 is shown as "fewer than 5", so that it cannot single out a
/// person. Zero and 5 or more are shown as they are.
///
/// In JSON it is the number, or the string `"fewer than 5"`.
public enum PublishedCount: Sendable, Hashable, Encodable, CustomStringConvertible {
    /// Shown as it is.
    case exact(Int)
    /// From 1 to 4.
    case fewerThanFive

    /// The published form of `count`.
    public init(_ count: Int) {
        self = (1...4).contains(count) ? .fewerThanFive : .exact(count)
    }

    public var description: String {
        switch self {
        case .exact(let count): String(count)
        case .fewerThanFive: "fewer than 5"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .exact(let count): try container.encode(count)
        case .fewerThanFive: try container.encode(description)
        }
    }
}
