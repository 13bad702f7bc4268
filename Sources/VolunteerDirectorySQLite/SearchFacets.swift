import Foundation
import GRDB
import VolunteerDirectory

/// The search facets that would otherwise cost every search process a pass over the whole
/// directory, kept in the directory by the write that changed them (migration v12): who may be
/// contacted, who interprets, who holds each DBS level, who is free in each stored slot (bit sets,
/// bit `id` for volunteer `id`), and each volunteer's place in name order (in chunks of ids, so
/// a search reads the chunks of its candidates only).
///
/// Each write that changes volunteers rebuilds them in its own transaction: an import's writer in
/// `finish()`, an erasure, a retention erase and a restore. They are stamped with the state they
/// were built for (the newest import batch, erasure and volunteer), so a search that finds them
/// out of date, after a write that did not rebuild them, builds what it needs itself instead.
enum SearchFacets {
    /// Volunteer ids per row of name ranks: 4 KiB of ranks a row.
    static let chunkSize = 1024

    /// The rank stored for an id that belongs to no volunteer.
    static let noRank = UInt32.max

    /// Names of the stored bit sets.
    enum Name {
        static let consent = "consent"
        static let interprets = "interprets"
        static func dbs(atLeast level: Int) -> String { "dbs:\(level)" }
        static func slotBit(_ bit: Int) -> String { "slot-bit:\(bit)" }
    }

    /// The `directory_setting` holding the state the stored facets were built for.
    static let stateSetting = "search-facets"

    /// The directory's state as far as search facets go: the newest import batch, erasure and
    /// volunteer. Every write that changes who is in which facet moves one of them.
    static func state(in db: Database) throws -> String {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT (SELECT COALESCE(MAX(id), 0) FROM import_batch), (SELECT COALESCE(MAX(id), 0) FROM erasure),
                      (SELECT COALESCE(MAX(id), 0) FROM volunteer)
                    """))
        let values: [Int64] = [row?[0] ?? 0, row?[1] ?? 0, row?[2] ?? 0]
        return values.map(String.init).joined(separator: ":")
    }

    /// Whether the stored facets were built for the directory as it is now.
    static func areCurrent(in db: Database) throws -> Bool {
        let stored = try String.fetchOne(
            db.cachedStatement(sql: "SELECT value FROM directory_setting WHERE name = ?"), arguments: [stateSetting])
        return try stored == state(in: db)
    }

    // MARK: - Building

    /// Builds every stored facet afresh from the directory, inside the caller's transaction.
    static func rebuild(in db: Database) throws {
        let capacity = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM volunteer") ?? 0
        var sets: [String: VolunteerSet] = [:]
        func collect(_ name: String, _ sql: String) throws {
            sets[name] = try VolunteerSet(capacity: capacity, db: db, sql: sql)
        }
        try collect(Name.consent, "SELECT id FROM volunteer WHERE consent_contact = 1")
        try collect(Name.interprets, "SELECT volunteer_id FROM volunteer_language WHERE interprets = 1")
        // Each read steps its statement directly (a million rows each through GRDB's `Row` were
        // most of the rebuild's time, which every import pays), into sets held apart from the
        // named ones until the end: naming a set for every row had cost half a second a million.
        var dbs = [VolunteerSet](repeating: VolunteerSet(capacity: capacity), count: 3)
        try DirectStatement.forEachRow("SELECT id, dbs_level FROM volunteer WHERE dbs_level > 0", in: db) { row in
            for atLeast in 1...min(3, Int(row[1])) { dbs[atLeast - 1].insert(row[0]) }
        }
        for (index, set) in dbs.enumerated() { sets[Name.dbs(atLeast: index + 1)] = set }
        var slots = [VolunteerSet?](repeating: nil, count: 64)
        try DirectStatement.forEachRow("SELECT volunteer_id, slots FROM volunteer_availability", in: db) { row in
            var bits = UInt64(bitPattern: row[1])
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                if slots[bit] == nil { slots[bit] = VolunteerSet(capacity: capacity) }
                slots[bit]?.insert(row[0])
                bits &= bits - 1
            }
        }
        for (bit, set) in slots.enumerated() { if let set { sets[Name.slotBit(bit)] = set } }

        try replaceRows(
            of: "search_facet", keyedBy: "name", valuesIn: "members",
            with: sets.sorted { $0.key < $1.key }.map { ($0.key.databaseValue, $0.value.bytes) }, in: db)
        try writeNameRanks(capacity: capacity, in: db)
        try stampCurrent(in: db)
    }

    /// Stamps the stored facets as built for the directory as it is now: by ``rebuild(in:)``, or
    /// by a write that changed nothing they are built from while they were current.
    static func stampCurrent(in db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO directory_setting (name, value) VALUES (?, ?)",
            arguments: [stateSetting, try state(in: db)])
    }

    /// Each volunteer's place in name order (`name_key`, then id), in rows of ``chunkSize`` ids.
    private static func writeNameRanks(capacity: Int64, in db: Database) throws {
        var ranks = [UInt32](repeating: noRank, count: Int(capacity) + 1)
        var rank: UInt32 = 0
        try DirectStatement.forEachRow("SELECT id FROM volunteer ORDER BY name_key, id", in: db) { row in
            ranks[Int(row[0])] = rank
            rank += 1
        }
        var rows: [(DatabaseValue, Data)] = []
        var start = 0
        while start < ranks.count {
            let end = min(start + chunkSize, ranks.count)
            let slice = ranks[start..<end]
            if slice.contains(where: { $0 != noRank }) {
                var bytes = Data(capacity: slice.count * 4)
                for value in slice { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
                rows.append(((start / chunkSize).databaseValue, bytes))
            }
            start = end
        }
        try replaceRows(of: "search_name_rank", keyedBy: "chunk", valuesIn: "ranks", with: rows, in: db)
    }

    /// Makes `table` hold exactly `rows` (key column `key`, value column `value`; each key once),
    /// writing only the rows that differ, in the order given: a re-import mostly leaves every
    /// facet as it was, and rewriting them all put some 1,700 pages (7 MB) into the log and the
    /// checkpoint each time.
    private static func replaceRows(
        of table: String, keyedBy key: String, valuesIn value: String, with rows: [(DatabaseValue, Data)],
        in db: Database
    ) throws {
        var held: [DatabaseValue: Data] = [:]
        let read = try Row.fetchCursor(db, sql: "SELECT \(key), \(value) FROM \(table)")
        while let row = try read.next() { held[row[0]] = row[1] }
        let kept = Set(rows.map(\.0))
        let delete = try db.cachedStatement(sql: "DELETE FROM \(table) WHERE \(key) = ?")
        for gone in held.keys.filter({ !kept.contains($0) }) { try delete.execute(arguments: [gone]) }
        let write = try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(table) (\(key), \(value)) VALUES (?, ?)")
        for (name, bytes) in rows where held[name] != bytes { try write.execute(arguments: [name, bytes]) }
    }

    // MARK: - Reading

    /// A stored bit set; empty when none is stored under `name` (no one is in it).
    static func members(_ name: String, capacity: Int64, in db: Database) throws -> VolunteerSet {
        let bytes = try Data.fetchOne(
            db.cachedStatement(sql: "SELECT members FROM search_facet WHERE name = ?"), arguments: [name])
        return VolunteerSet(capacity: capacity, bytes: bytes ?? Data())
    }

    /// The stored name ranks of the chunks holding `ids`, by chunk.
    static func nameRanks(chunks: some Sequence<Int>, in db: Database) throws -> [Int: [Int32]] {
        let statement = try db.cachedStatement(sql: "SELECT ranks FROM search_name_rank WHERE chunk = ?")
        var result: [Int: [Int32]] = [:]
        for chunk in chunks {
            var ranks = [Int32](repeating: .max, count: chunkSize)
            if let bytes = try Data.fetchOne(statement, arguments: [chunk]) {
                bytes.withUnsafeBytes { raw in
                    for index in 0..<min(chunkSize, raw.count / 4) {
                        let value = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
                        ranks[index] = value == noRank ? .max : Int32(clamping: value)
                    }
                }
            }
            result[chunk] = ranks
        }
        return result
    }
}
