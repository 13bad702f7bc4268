/// What a volunteer agreed to.
public struct Consent: Sendable, Hashable, Codable {
    /// Whether coordinators may contact them; `nil` when no source said.
    public var contact: Bool?
    /// With whom their details may be shared; `nil` when no source said.
    public var share: ShareScope?
    /// When the consent was recorded.
    public var recorded: CalendarDate?

    /// Each part defaults to `nil`, meaning no source said; `Consent()` is what a record that gives none holds.
    public init(contact: Bool? = nil, share: ShareScope? = nil, recorded: CalendarDate? = nil) {
        self.contact = contact
        self.share = share
        self.recorded = recorded
    }
}

/// A Disclosure and Barring Service check.
public struct DBSCheck: Sendable, Hashable, Codable {
    /// The level of the check.
    public var level: DBSLevel
    /// When it was issued, when known.
    public var issued: CalendarDate?
    /// Whether the volunteer subscribes to the DBS Update Service (the roster's `DBS Update
    /// Service` column): then the check stays valid whatever its age. `nil`: not said.
    public var updateService: Bool?

    /// `issued` and `updateService` default to `nil`, not said; an undated check cannot be aged, and counts.
    public init(level: DBSLevel, issued: CalendarDate? = nil, updateService: Bool? = nil) {
        self.level = level
        self.issued = issued
        self.updateService = updateService
    }
}
