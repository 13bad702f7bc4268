import Foundation
import GRDB
import Synchronization
import VolunteerDirectory

/// The volunteers behind each search filter ("speaks Urdu", "in SK4", "has first aid") as bit
/// sets, kept for the life of the store, so a search intersects a few bit sets instead of probing
/// indexes row by row. Valid for one state of the directory: every import records a batch, so the
/// newest batch id (and the count of volunteers) tells when the sets must be rebuilt.
final class FacetCache: Sendable {
    /// What is cached, for one state of the directory.
    private struct State {
        var version: [Int64] = []
        var sets: [String: VolunteerSet] = [:]
        var ranks: [Int32]?

        /// Forgets everything when the directory has changed since it was cached.
        mutating func enter(_ current: [Int64]) {
            guard current != version else { return }
            version = current
            sets.removeAll()
            ranks = nil
        }
    }

    private let state = Mutex(State())

    /// The set for `key`, from the cache or computed by `load` and remembered. The lock is not
    /// held while loading: two searches may load the same set once each, and neither waits.
    func set(_ key: String, in db: Database, load: () throws -> VolunteerSet) throws -> VolunteerSet {
        let current = try Self.version(of: db)
        let cached = state.withLock { state in
            state.enter(current)
            return state.sets[key]
        }
        if let cached { return cached }
        let loaded = try load()
        state.withLock { state in
            if current == state.version { state.sets[key] = loaded }
        }
        return loaded
    }

    /// Each volunteer's place in name order (by id), to break ties in ranking without asking the
    /// database for the names of every tied candidate.
    func nameRanks(in db: Database) throws -> [Int32] {
        let current = try Self.version(of: db)
        let cached = state.withLock { state in
            state.enter(current)
            return state.ranks
        }
        if let cached { return cached }
        let capacity = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM volunteer") ?? 0
        var loaded = [Int32](repeating: .max, count: Int(capacity) + 1)
        let ids = try Int64.fetchCursor(db, sql: "SELECT id FROM volunteer ORDER BY name_key, id")
        var rank: Int32 = 0
        while let id = try ids.next() {
            loaded[Int(id)] = rank
            rank += 1
        }
        state.withLock { state in
            if current == state.version { state.ranks = loaded }
        }
        return loaded
    }

    private static func version(of db: Database) throws -> [Int64] {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql:
                    "SELECT (SELECT COALESCE(MAX(id), 0) FROM import_batch), (SELECT COALESCE(MAX(id), 0) FROM volunteer)"
            ))
        return [row?[0] ?? 0, row?[1] ?? 0]
    }
}

/// Volunteer ids as a bit set, with each member's part of the score when the filter also ranks
/// (a skill, a language, free text).
struct VolunteerSet: Sendable {
    private(set) var words: [UInt64]
    /// Scores in hundredths of a point, dense by id: no hashing on the hot path, two bytes a
    /// volunteer. Empty when the filter does not rank.
    private var centipoints: [UInt16] = []
    private let capacity: Int64

    init(capacity: Int64) {
        self.capacity = capacity
        words = [UInt64](repeating: 0, count: Int(capacity / 64) + 1)
    }

    /// The ids a query returns in its first column.
    init(capacity: Int64, db: Database, sql: String, arguments: StatementArguments = []) throws {
        self.init(capacity: capacity)
        let ids = try Int64.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let id = try ids.next() { insert(id) }
    }

    mutating func insert(_ id: Int64) {
        let word = Int(id >> 6)
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        words[word] |= 1 << UInt64(id & 63)
    }

    /// Adds `id`, keeping the higher of its scores.
    mutating func insert(_ id: Int64, score: Double) {
        insert(id)
        if centipoints.isEmpty { centipoints = [UInt16](repeating: 0, count: Int(max(capacity, id)) + 1) }
        if Int(id) >= centipoints.count {
            centipoints.append(contentsOf: repeatElement(0, count: Int(id) - centipoints.count + 1))
        }
        let value = UInt16(clamping: Int((max(0, score) * 100).rounded()))
        if value > centipoints[Int(id)] { centipoints[Int(id)] = value }
    }

    /// Whether the filter ranks as well as narrows.
    var ranks: Bool { !centipoints.isEmpty }

    /// A member's part of the score (0 when none).
    func score(of id: Int64) -> Double {
        Int(id) < centipoints.count ? Double(centipoints[Int(id)]) / 100 : 0
    }

    mutating func formIntersection(_ other: VolunteerSet) {
        for index in words.indices { words[index] &= index < other.words.count ? other.words[index] : 0 }
    }

    /// The ids, ascending.
    var ids: [Int64] {
        var result: [Int64] = []
        for (index, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                result.append(Int64(index * 64 + bit))
                bits &= bits - 1
            }
        }
        return result
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
