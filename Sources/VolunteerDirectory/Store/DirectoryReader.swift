/// What a server reads from the directory, asked without blocking the caller: each read suspends
/// while the store works on its own threads (or over its connection), so an event loop or the
/// cooperative thread pool is never held by a query.
///
/// Every store implements it beside the synchronous ``DirectoryStore`` the command line uses; the
/// web app speaks to the directory only through this, ``DirectoryEditor`` and ``AccountStore``.
public protocol DirectoryReader: Sendable {
    /// The skills taxonomy the directory maps and searches skills with.
    var taxonomy: SkillTaxonomy { get }

    /// Volunteers who satisfy every filter of the query, best first.
    func search(_ query: VolunteerQuery) async throws -> [VolunteerMatch]

    /// One volunteer, with everything held about them.
    func volunteer(id: VolunteerID) async throws -> Volunteer?

    /// Every network, by name.
    func networks() async throws -> [Network]

    /// Every need, by id.
    func needs() async throws -> [Need]

    /// The recorded imports, oldest first.
    func batches() async throws -> [ImportBatch]

    /// Every placement, proposed, confirmed or declined, newest first.
    func placements() async throws -> [Placement]

    /// Written skills the taxonomy does not understand, most written first.
    func unmappedSkills(limit: Int) async throws -> [UnmappedSkill]

    /// How many volunteers hold each taxonomy skill (as exact or synonym), by key.
    func skillHolders() async throws -> [String: Int]

    /// The languages held, with how many volunteers speak each at each proficiency.
    func languageCoverage() async throws -> [LanguageCoverage]
}
