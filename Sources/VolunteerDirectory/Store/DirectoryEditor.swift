/// The small writes a coordinator makes by hand (a need typed into a form, a proposal confirmed),
/// asked without blocking the caller. Each is one transaction. Imports, which are large, go
/// through ``ImportService`` as background work instead.
public protocol DirectoryEditor: Sendable {
    /// Saves a need over the one held with the same id, or creates it. `source` says where it
    /// came from (`web: NAME` for a form). Throws when the need breaks a field limit.
    func saveNeed(_ need: Need, source: String) async throws

    /// Records proposals from a matching run, replacing earlier proposals that were not decided.
    func propose(_ proposals: [(need: String, volunteer: VolunteerID, score: Double)]) async throws -> [Placement]

    /// Confirms or declines a placement; `nil` when there is no such placement.
    func decide(placement id: Int64, as status: Placement.Status) async throws -> Placement?
}
