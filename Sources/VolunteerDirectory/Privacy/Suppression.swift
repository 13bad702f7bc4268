import Foundation

/// A person who asked to be forgotten, kept so that no later roster or feed brings them back.
///
/// It holds keyed hashes of their email and phone keys (see ``SuppressionKeys``), when and why,
/// and nothing else: no name, no plain contact detail. `voldir forget --list` shows it.
public struct Suppression: Sendable, Hashable, Codable {
    /// The suppression's id, as `voldir forget --lift` takes it.
    public var id: Int64
    /// When the person was forgotten.
    public var at: Date
    /// Why, as the coordinator wrote it (`retention` for erasures by the retention rules).
    public var reason: String
    /// How many email and phone keys were hashed: every one any source gave. With none, a
    /// roster that lists the person again cannot be recognised.
    public var keys: Int

    /// A suppression as the store recorded it; `keys` is how many hashes were kept, not the keys themselves.
    public init(id: Int64, at: Date, reason: String, keys: Int) {
        self.id = id
        self.at = at
        self.reason = reason
        self.keys = keys
    }
}
