/// People a roster no longer lists, taken off it by one import.
///
/// A network's roster is its list of members now: whoever an import of the whole roster leaves
/// out has left. Their listing from that roster, with the skills, languages and availability it
/// gave, ends, and so does their membership of the roster's network.
public struct RosterDeparture: Sendable, Hashable, Codable {
    /// The roster: its network's name, or the file's name for a roster without a network.
    public var roster: String
    /// The networks whose membership ended (empty for a roster without a network).
    public var networks: [String]
    /// How many people left it.
    public var people: Int
    /// Of those, how many no source lists any more: kept until the retention rules remove them.
    public var unlisted: Int

    /// One roster's departures in one import; `unlisted` is the part of `people` that no source lists any more.
    public init(roster: String, networks: [String], people: Int, unlisted: Int) {
        self.roster = roster
        self.networks = networks
        self.people = people
        self.unlisted = unlisted
    }
}
