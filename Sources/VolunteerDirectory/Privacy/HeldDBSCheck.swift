/// A volunteer's DBS check as held (the highest any source reported).
public struct HeldDBSCheck: Sendable, Hashable {
    /// The volunteer's id.
    public var volunteer: VolunteerID
    /// Their name.
    public var name: String
    /// The check.
    public var check: DBSCheck

    /// One row of ``DBSCheckStore/dbsChecks()``; `check` is the highest any source reported for `volunteer`.
    public init(volunteer: VolunteerID, name: String, check: DBSCheck) {
        self.volunteer = volunteer
        self.name = name
        self.check = check
    }
}
