import Foundation

/// Retention: a store that knows when each person was last listed, and erases those not listed
/// for too long.
public protocol RetentionStore: Sendable {
    /// Everyone whom no import has listed since `cutoff` (last seen strictly before it), oldest first.
    func notSeen(since cutoff: Date) throws -> [UnseenVolunteer]
    /// Erases these volunteers as ``ErasureStore/forget(volunteer:reason:actor:)`` does, with the
    /// reason `retention`, in one transaction, but records no suppression: a roster that lists
    /// them again later is current, and may. Returns how many were erased.
    func eraseUnseen(_ ids: [VolunteerID], actor: String) throws -> Int
}
