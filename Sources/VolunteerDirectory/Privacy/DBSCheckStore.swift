/// DBS rechecks: a store that lists the checks it holds.
public protocol DBSCheckStore: Sendable {
    /// Every volunteer with a DBS check above `none`, by id.
    func dbsChecks() throws -> [HeldDBSCheck]
}
