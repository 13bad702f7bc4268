/// Subject access: a store that can say, source by source, what it holds about a person.
public protocol SubjectAccessStore: Sendable {
    /// Every source that lists the volunteer now, with what it said, oldest source first.
    func sourceListings(of volunteer: VolunteerID) throws -> [SourceListing]
}
