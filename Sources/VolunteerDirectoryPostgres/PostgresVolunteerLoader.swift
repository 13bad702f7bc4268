import Foundation
import PostgresNIO
import VolunteerDirectory

/// Reads volunteers with everything held about them, merging what several sources said, as the
/// SQLite store does: one skill per key at its highest level, one language per code and script at
/// its best proficiency.
///
/// Two statements for any number of people: their own rows, then their skills, languages,
/// availability and memberships as the four parts of one `UNION ALL` (``Detail``), each read
/// through its table's index by volunteer, with no join back to the volunteer table. A page of
/// search results costs two round trips where it cost five; the details share one narrow shape,
/// because the app server's cost is per cell received (padding every row to the widest, the
/// profile's, had made it pay for four times the cells).
enum PostgresVolunteerLoader {
    /// These volunteers, in the order given (search results); ids not held are left out.
    static func volunteers(ids: [VolunteerID], on connection: PostgresConnection) throws -> [Volunteer] {
        guard !ids.isEmpty else { return [] }
        let loaded = try volunteers(chosenBy: .ids(ids), on: connection)
        let byID = Dictionary(loaded.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    /// Everyone who agreed to be contacted, by id, a batch of at most `size` ids' width at a
    /// time: matching reads the whole directory, but never holds it whole. Run it in a snapshot,
    /// so the batches agree.
    static func everyoneWhoMayBeContacted(
        inBatchesOf size: Int, on connection: PostgresConnection, _ body: ([Volunteer]) throws -> Void
    ) throws {
        let bounds = try connection.run("SELECT MIN(id), MAX(id) FROM volunteer").firstRow { cells in
            (try cells.number(), try cells.number())
        }
        guard let lowest = bounds?.0, let highest = bounds?.1 else { return }
        for window in (lowest...highest).windows(ofWidth: size) {
            let batch = try volunteers(chosenBy: .contactable(window), on: connection)
            if !batch.isEmpty { try body(batch) }
        }
    }

    /// Which volunteers to read.
    private enum Choice {
        case ids([VolunteerID])
        case contactable(ClosedRange<VolunteerID>)

        /// Whether the read is matching's, which fills in only what ``Volunteer/forMatching`` keeps.
        var isForMatching: Bool {
            if case .contactable = self { true } else { false }
        }

        /// The condition that `column` (a volunteer's id) is one of those chosen, the ids bound
        /// once as `$1` however many parts name them.
        func condition(on column: String) -> String {
            switch self {
            case .ids: "\(column) = ANY($1)"
            case .contactable:
                // The range inside too: without it the planner hashed every contactable id in the
                // directory for each part of each batch (100 ms a batch of 20,000, against 59).
                """
                \(column) BETWEEN $1 AND $2
                  AND \(column) IN (SELECT id FROM volunteer WHERE consent_contact = 1 AND id BETWEEN $1 AND $2)
                """
            }
        }

        /// `sql` (written with ``condition(on:)``) with the ids bound.
        func query(_ sql: String) -> PostgresQuery {
            PostgresQuery(unsafeSQL: sql, binds: bindings)
        }

        /// The values ``condition(on:)``'s placeholders take.
        var bindings: PostgresBindings {
            var binds = PostgresBindings()
            switch self {
            case .ids(let ids): binds.append(ids)
            case .contactable(let range):
                binds.append(range.lowerBound)
                binds.append(range.upperBound)
            }
            return binds
        }
    }

    /// A kind of detail, and the columns it fills in the common shape: `kind, volunteer id`, then
    /// up to three texts and two numbers, NULL where a kind has fewer; sorted within a volunteer
    /// by a name (as bytes), then source and position.
    private enum Detail: Int, CaseIterable {
        case skill, language, availability, membership

        /// The sort keys (name, source, position), texts, numbers and `FROM` (`d` the table read).
        private var parts: (sorts: [String], texts: [String], numbers: [String], from: String) {
            let bySource = ["''", "d.source_id", "d.position"]
            return switch self {
            case .skill: (bySource, ["d.written", "d.qualified_in"], ["d.level"], "volunteer_skill d")
            case .language:
                (
                    bySource, ["d.written", "d.code", "d.script"], ["d.proficiency", "d.interprets"],
                    "volunteer_language d"
                )
            case .availability: (["''", "0", "0"], [], ["d.slots"], "volunteer_availability d")
            case .membership:
                (
                    ["n.name_key", "0", "0"], ["n.name", "d.role", "d.since"], ["n.id"],
                    "membership d JOIN network n ON n.id = d.network_id"
                )
            }
        }

        /// The part's `SELECT`, padded to the common shape.
        func select(_ choice: Choice) -> String {
            let (sorts, texts, numbers, from) = parts
            let sortColumns = ["text COLLATE \"C\" AS name_sort", "int8 AS source_sort", "int8 AS position_sort"]
            let columns =
                ["\(rawValue) AS kind", "d.volunteer_id"] + zip(sorts, sortColumns).map { "\($0)::\($1)" }
                + (0..<3).map { $0 < texts.count ? "\(texts[$0])::text AS t\($0)" : "NULL::text AS t\($0)" }
                + (0..<2).map { $0 < numbers.count ? "\(numbers[$0])::int8 AS n\($0)" : "NULL::int8 AS n\($0)" }
            return
                "SELECT \(columns.joined(separator: ", ")) FROM \(from) WHERE \(choice.condition(on: "d.volunteer_id"))"
        }

        /// Every detail of the volunteers chosen, by volunteer, in each volunteer's order.
        static func statement(_ choice: Choice) -> PostgresQuery {
            switch choice {
            case .ids: choice.query(textForIDs)
            case .contactable: choice.query(textForContactable)
            }
        }

        /// The statement's text, which does not depend on the ids bound: put together once, not
        /// for every page of search results.
        private static let textForIDs = text(.ids([]))
        private static let textForContactable = text(.contactable(0...0))

        private static func text(_ choice: Choice) -> String {
            // Matching reads no memberships (``Volunteer/forMatching``).
            let kinds = choice.isForMatching ? allCases.filter { $0 != .membership } : allCases
            let parts = kinds.map { $0.select(choice) }.joined(separator: "\nUNION ALL\n")
            // Matching's batches (100,000 details and more) are put in order by the loader, by
            // source and position within each person's kind: the server's sort of every batch,
            // before it could send a row, was a third of reading everyone. No memberships there,
            // whose order (by network name) only the server knows.
            guard !choice.isForMatching else {
                return
                    "SELECT kind, volunteer_id, t0, t1, t2, n0, n1, source_sort, position_sort FROM (\(parts)) AS detail"
            }
            return """
                SELECT kind, volunteer_id, t0, t1, t2, n0, n1 FROM (\(parts)) AS detail
                ORDER BY volunteer_id, kind, name_sort, source_sort, position_sort
                """
        }
    }

    private static func volunteers(chosenBy choice: Choice, on connection: PostgresConnection) throws -> [Volunteer] {
        var people: [Volunteer] = []
        var position: [VolunteerID: Int] = [:]
        try forEachRow(of: profiles(choice), choice, prepared: ProfilesByID.self, on: connection) { row in
            let person = try profile(row)
            position[person.id] = people.count
            people.append(person)
        }
        guard !people.isEmpty else { return [] }
        var slots: [Int: Int64] = [:]
        // Matching's rows come unsorted (see ``Detail``), and are applied once all are in order.
        var unsorted: [DetailRow] = []
        try forEachRow(of: Detail.statement(choice), choice, prepared: DetailsByID.self, on: connection) { row in
            var cells = Cells(row)
            guard let detail = Detail(rawValue: Int(try cells.number() ?? -1)), let id = try cells.number(),
                let at = position[id]
            else { return }
            let (t0, t1, t2) = (try cells.text(), try cells.text(), try cells.text())
            let (n0, n1) = (try cells.number(), try cells.number())
            guard choice.isForMatching else {
                DetailRow(detail: detail, at: at, t0: t0, t1: t1, t2: t2, n0: n0, n1: n1).apply(
                    to: &people, slots: &slots)
                return
            }
            let (source, place) = (try cells.number() ?? 0, try cells.number() ?? 0)
            unsorted.append(
                DetailRow(
                    detail: detail, at: at, t0: t0, t1: t1, t2: t2, n0: n0, n1: n1, source: source, position: place))
        }
        // In the order the server's sort gives the others: by person, kind, source and position.
        unsorted.sort {
            ($0.at, $0.detail.rawValue, $0.source, $0.position) < ($1.at, $1.detail.rawValue, $1.source, $1.position)
        }
        for row in unsorted { row.apply(to: &people, slots: &slots) }
        for (at, bits) in slots { people[at].availability = StoredSlots.slots(in: bits) }
        return people
    }

    /// Reads each row of `query`; for people chosen by id (a page of search results, read on every
    /// request) the same statement prepared as `prepared`, planned once per connection, and
    /// `query`'s text not put together at all.
    private static func forEachRow<Text: PreparedText>(
        of query: @autoclosure () -> PostgresQuery, _ choice: Choice, prepared: Text.Type,
        on connection: PostgresConnection, _ read: (PostgresRow) throws -> Void
    ) throws {
        if case .ids = choice {
            for row in try connection.run(Prepared<Text>(choice.bindings)) { try read(row) }
        } else {
            for row in try connection.run(query()) { try read(row) }
        }
    }

    /// ``profiles(_:)`` for people chosen by id, prepared.
    private enum ProfilesByID: PreparedText {
        static let name = "voldir_profiles_by_id"
        static let sql = profiles(.ids([])).sql
        static let parameterTypes: [PostgresDataType] = [.int8Array]
    }

    /// ``Detail/statement(_:)`` for people chosen by id, prepared.
    private enum DetailsByID: PreparedText {
        static let name = "voldir_details_by_id"
        static let sql = Detail.statement(.ids([])).sql
        static let parameterTypes: [PostgresDataType] = [.int8Array]
    }

    /// One detail row as received: its kind, whose it is (a place in the people read), its cells,
    /// and (for matching's reads) its source and position, to be put in order by.
    private struct DetailRow {
        let detail: Detail
        let at: Int
        let t0: String?
        let t1: String?
        let t2: String?
        let n0: Int64?
        let n1: Int64?
        var source: Int64 = 0
        var position: Int64 = 0

        /// Adds what the row says to its person; availability is gathered in `slots` (one row per
        /// source: a person is available when any source says so).
        func apply(to people: inout [Volunteer], slots: inout [Int: Int64]) {
            switch detail {
            case .skill:
                people[at].merge(
                    Skill(written: t0 ?? "", level: n0.flatMap { SkillLevel(rawValue: Int($0)) }, qualifiedIn: t1))
            case .language:
                people[at].merge(
                    SpokenLanguage(
                        language: LanguageReference(written: t0 ?? "", code: t1, script: t2),
                        proficiency: n0.flatMap { Proficiency(rawValue: Int($0)) }, interprets: (n1 ?? 0) != 0))
            case .availability:
                slots[at, default: 0] |= n0 ?? 0
            case .membership:
                people[at].memberships.append(
                    Membership(
                        networkID: n0 ?? 0, networkName: t0 ?? "", role: t1,
                        since: t2.flatMap(CalendarDate.init(parsing:))))
            }
        }
    }

    /// The volunteers' own rows, by id, read by ``profile(_:)``. Matching's read leaves out what
    /// it does not use, and looks at the listings only of people who hold a DBS check.
    private static func profiles(_ choice: Choice) -> PostgresQuery {
        let updateService = "(SELECT MAX(COALESCE(l.dbs_update_service, 0)) FROM listing l WHERE l.volunteer_id = v.id)"
        let (contact, personal, listed) =
            choice.isForMatching
            ? (
                "NULL::text, NULL::text", "NULL::text, NULL::text",
                "CASE WHEN COALESCE(v.dbs_level, 0) <> 0 OR v.dbs_issued IS NOT NULL "
                    + "THEN COALESCE(\(updateService), 0) ELSE 0 END"
            )
            : ("v.email, v.phone", "v.age_band, v.notes", updateService)
        return choice.query(
            """
            SELECT v.id, v.name, \(contact), v.postcode, v.area, \(personal), v.dbs_issued,
              v.consent_recorded, v.dbs_level, v.consent_share, v.consent_contact, \(listed)
            FROM volunteer v WHERE \(choice.condition(on: "v.id")) ORDER BY v.id
            """)
    }

    /// A volunteer's own row. Its last column is NULL when no roster lists them, and otherwise 1
    /// when one says they are on the DBS Update Service: one look at their listings, not two.
    /// (Matching's read gives 0 where it does not look, and so ``Volunteer/isListed`` `true`, as
    /// ``Volunteer/forMatching`` does.)
    private static func profile(_ row: PostgresRow) throws -> Volunteer {
        var cells = Cells(row)
        let id = try cells.number() ?? 0
        let (name, email, phone, postcode, area) = (
            try cells.text(), try cells.text(), try cells.text(), try cells.text(), try cells.text()
        )
        let (ageBand, notes, issued, recorded) = (
            try cells.text(), try cells.text(), try cells.text(), try cells.text()
        )
        let (dbsLevel, share, contact, listing) = (
            try cells.number(), try cells.number(), try cells.number(), try cells.number()
        )
        let level = dbsLevel.flatMap { DBSLevel(rawValue: Int($0)) } ?? DBSLevel.none
        return Volunteer(
            id: id, name: name ?? "", email: email, phone: phone, postcode: postcode, area: area,
            ageBand: ageBand.flatMap(AgeBand.init(rawValue:)),
            dbs: level == .none && issued == nil
                ? nil
                : DBSCheck(
                    level: level, issued: issued.flatMap(CalendarDate.init(parsing:)),
                    updateService: listing == 1 ? true : nil),
            consent: Consent(
                contact: contact.map { $0 != 0 }, share: share.flatMap { ShareScope(rawValue: Int($0)) },
                recorded: recorded.flatMap(CalendarDate.init(parsing:))),
            notes: notes, isListed: listing != nil)
    }
}
