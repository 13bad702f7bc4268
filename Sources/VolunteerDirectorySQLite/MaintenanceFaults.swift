/// Failures a test makes happen in the directory's upkeep around a commit, so that what an
/// import reports when upkeep fails can be tested without filling a disk. Always empty in use:
/// only the store's internal initialiser takes one.
struct MaintenanceFaults: Sendable {
    /// Thrown where the planner's statistics are refreshed, inside the import's transaction.
    var statistics: (any Error & Sendable)?
    /// Thrown where erasures are made final, after the import's commit.
    var compaction: (any Error & Sendable)?

    /// No failures: the store as it is used.
    static let none = MaintenanceFaults()
}
