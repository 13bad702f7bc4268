extension Volunteer {
    /// This record as ``DirectoryStore/volunteersForMatching(inBatchesOf:_:)`` hands it over:
    /// everything matching reads (name, postcode, area, skills, languages, availability, DBS check
    /// with its Update Service flag, consent) and none of what it does not: no email, phone, age
    /// band, notes or memberships, and ``isListed`` given as `true`. At 300,000 volunteers, reading
    /// those had been a fifth of a matching run; the report loads the full records of the few
    /// people it names with ``DirectoryStore/volunteers(ids:)``.
    public var forMatching: Volunteer {
        var kept = self
        (kept.email, kept.phone, kept.ageBand, kept.notes) = (nil, nil, nil, nil)
        kept.memberships = []
        kept.isListed = true
        return kept
    }
}
