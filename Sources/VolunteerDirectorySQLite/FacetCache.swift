import Foundation
import GRDB
import Synchronization
import VolunteerDirectory

/// The volunteers behind each search filter ("speaks Urdu", "in SK4", "has first aid") as bit
/// sets, kept for the life of the store, so a search intersects a few bit sets instead of probing
/// indexes row by row. The facets that would take a pass over the whole directory (consent,
/// interpreting, DBS, availability, name order) are read from those the directory keeps
/// (``SearchFacets``) while they are current, and only otherwise built here. Valid for one state
/// of the directory (``SearchFacets/state(in:)``): a search takes a ``Snapshot`` first, and
/// everything cached for another state is forgotten.
final class FacetCache: Sendable {
    /// The state of the directory one search sees, taken once per search.
    struct Snapshot {
        /// ``SearchFacets/state(in:)``.
        let version: String
        /// Whether the facets the directory keeps were built for this state.
        let storedAreCurrent: Bool
    }

    /// Each volunteer's place in name order, for the ids one search asked for.
    struct NameRanks {
        fileprivate var chunks: [Int: [Int32]] = [:]
        fileprivate var all: [Int32]?

        /// The place of `id` in name order; `Int32.max` for an id with no volunteer.
        func rank(of id: Int64) -> Int32 {
            if let all { return Int(id) < all.count ? all[Int(id)] : .max }
            let chunk = Int(id) / SearchFacets.chunkSize
            return chunks[chunk]?[Int(id) % SearchFacets.chunkSize] ?? .max
        }
    }

    /// What is cached, for one state of the directory.
    private struct State {
        var version = ""
        var sets: [String: VolunteerSet] = [:]
        var rankChunks: [Int: [Int32]] = [:]
        var ranks: [Int32]?
        /// How many facets the directory keeps were built in this process because those kept were
        /// out of date: for tests.
        var builtInProcess = 0

        /// Forgets everything when the directory has changed since it was cached.
        mutating func enter(_ current: String) {
            guard current != version else { return }
            version = current
            sets.removeAll()
            rankChunks.removeAll()
            ranks = nil
        }
    }

    private let state = Mutex(State())

    /// How many kept facets this store has had to build itself, the directory's being out of
    /// date: 0 while every write keeps them.
    var builtInProcess: Int { state.withLock { $0.builtInProcess } }

    /// The state of the directory as `db` sees it: one look-up per search.
    func snapshot(in db: Database) throws -> Snapshot {
        let version = try SearchFacets.state(in: db)
        let stored = try String.fetchOne(
            db.cachedStatement(sql: "SELECT value FROM directory_setting WHERE name = ?"),
            arguments: [SearchFacets.stateSetting])
        return Snapshot(version: version, storedAreCurrent: stored == version)
    }

    /// The set for `key`, from the cache or computed by `load` and remembered. The lock is not
    /// held while loading: two searches may load the same set once each, and neither waits.
    func set(_ key: String, at snapshot: Snapshot, load: () throws -> VolunteerSet) rethrows -> VolunteerSet {
        let cached = state.withLock { state in
            state.enter(snapshot.version)
            return state.sets[key]
        }
        if let cached { return cached }
        let loaded = try load()
        state.withLock { state in
            if snapshot.version == state.version { state.sets[key] = loaded }
        }
        return loaded
    }

    /// A facet the directory keeps: the union of the kept sets `names`, read while they are
    /// current, else built by `build`.
    func kept(
        _ key: String, names: [String], capacity: Int64, at snapshot: Snapshot, in db: Database,
        build: () throws -> VolunteerSet
    ) throws -> VolunteerSet {
        try set(key, at: snapshot) {
            guard snapshot.storedAreCurrent else {
                state.withLock { $0.builtInProcess += 1 }
                return try build()
            }
            var result = VolunteerSet(capacity: capacity)
            for name in names { result.formUnion(try SearchFacets.members(name, capacity: capacity, in: db)) }
            return result
        }
    }

    /// The name ranks of `ids`: from the chunks the directory keeps while they are current (only
    /// the chunks holding `ids` are read), else of everyone, built here.
    func nameRanks(of ids: [Int64], at snapshot: Snapshot, in db: Database) throws -> NameRanks {
        let known = state.withLock { state -> NameRanks in
            state.enter(snapshot.version)
            return NameRanks(chunks: state.rankChunks, all: state.ranks)
        }
        if known.all != nil { return known }
        guard snapshot.storedAreCurrent else {
            let all = try Self.buildNameRanks(in: db)
            state.withLock { state in
                state.builtInProcess += 1
                if snapshot.version == state.version { state.ranks = all }
            }
            return NameRanks(all: all)
        }
        var missing: [Int] = []
        var last = -1
        for id in ids {
            let chunk = Int(id) / SearchFacets.chunkSize
            if chunk != last, known.chunks[chunk] == nil { missing.append(chunk) }
            last = chunk
        }
        guard !missing.isEmpty else { return known }
        let loaded = try SearchFacets.nameRanks(chunks: Set(missing), in: db)
        state.withLock { state in
            if snapshot.version == state.version { state.rankChunks.merge(loaded) { first, _ in first } }
        }
        return NameRanks(chunks: known.chunks.merging(loaded) { first, _ in first })
    }

    /// Each volunteer's place in name order (by id), from a pass over the name index.
    private static func buildNameRanks(in db: Database) throws -> [Int32] {
        let capacity = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM volunteer") ?? 0
        var loaded = [Int32](repeating: .max, count: Int(capacity) + 1)
        let ids = try Int64.fetchCursor(db, sql: "SELECT id FROM volunteer ORDER BY name_key, id")
        var rank: Int32 = 0
        while let id = try ids.next() {
            loaded[Int(id)] = rank
            rank += 1
        }
        return loaded
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
        var set = self
        try DirectStatement.forEachRow(sql, arguments: arguments, in: db) { row in set.insert(row[0]) }
        self = set
    }

    /// The set stored as ``bytes``.
    init(capacity: Int64, bytes: Data) {
        self.init(capacity: capacity)
        bytes.withUnsafeBytes { raw in
            for index in 0..<min(words.count, raw.count / 8) {
                words[index] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
            }
        }
    }

    /// The members as stored in the directory: the words little-endian, bit `id` for `id`.
    var bytes: Data {
        var data = Data(capacity: words.count * 8)
        for word in words { withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) } }
        return data
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

    /// Adds the members of `other` (not its scores: kept sets do not rank).
    mutating func formUnion(_ other: VolunteerSet) {
        if other.words.count > words.count {
            words.append(contentsOf: repeatElement(0, count: other.words.count - words.count))
        }
        for index in other.words.indices { words[index] |= other.words[index] }
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
