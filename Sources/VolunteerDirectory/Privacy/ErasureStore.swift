import Foundation

/// Erasure that sticks: a store that can forget a person for good and remember, by keyed hash
/// only, not to take them back.
///
/// Implemented by the SQLite store today; a PostgreSQL store implements the same.
public protocol ErasureStore: Sendable {
    /// Erases the volunteer from every table and index (as a feed withdrawal does), redacts the
    /// audit entries whose detail names them, records a ``Suppression`` of their email and phone
    /// keys, and an audit entry by `actor`: all in one transaction. Returns `nil` when no
    /// volunteer has that id (and changes nothing). Call ``DirectoryStore/compact()`` after, for
    /// the byte-level guarantee.
    func forget(volunteer: VolunteerID, reason: String, actor: String) throws -> Suppression?

    /// Every suppression, oldest first.
    func suppressions() throws -> [Suppression]

    /// Removes a suppression (the person came back of their own accord), recording an audit
    /// entry by `actor`. Returns whether one had that id.
    func liftSuppression(id: Int64, actor: String) throws -> Bool
}
