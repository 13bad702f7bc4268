import VolunteerDirectory

/// Who may hold each email (or phone) key, while a large import has set that key's index aside.
///
/// Kept in memory as the import writes, so that its identity look-ups need no index: an index on
/// a key as random as an email address takes a page of a B-tree larger than the cache for each
/// person a first import creates (at a million, about 10 s of the writing thread), and building it
/// once at the end sorts instead.
///
/// A table of eight bytes a slot, half of them empty: 32 bits of the key's hash and the volunteer
/// id. It answers *candidates*: every volunteer given the key while it was kept, and some who have
/// since changed it, been erased, or share the hash's 32 bits. The writer reads each candidate's
/// key from its row (by id) and keeps those still holding it, so an answer is never wrong, only
/// occasionally one read longer; and a key that no one was given has no candidates, so the
/// common question of a first import (is this new person known?) reads nothing.
struct HeldKeys {
    /// `0`: empty; otherwise the key's hash in the high 32 bits and the volunteer id in the low 32.
    private var slots: [UInt64]
    private var count = 0

    /// Room for `expected` keys before the table grows.
    init(expected: Int) {
        var size = 1_024
        while size < expected * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    /// The largest volunteer id a slot holds: the writer puts the index back before passing it.
    static let largestID = VolunteerID(UInt32.max)

    /// Notes that `volunteer` holds `key`. `false` when the id is too large to keep.
    mutating func note(_ key: String, heldBy volunteer: VolunteerID) -> Bool {
        guard volunteer > 0, volunteer <= Self.largestID else { return false }
        let slot = UInt64(Self.hash(of: key)) << 32 | UInt64(volunteer)
        if insert(slot) {
            count += 1
            if count * 2 > slots.count { grow() }
        }
        return true
    }

    /// Everyone who may hold `key`, by id; the caller checks each against its row.
    func candidates(for key: String) -> [VolunteerID] {
        let hash = Self.hash(of: key)
        let mask = slots.count - 1
        var index = Int(hash) & mask
        var found: [VolunteerID] = []
        while slots[index] != 0 {
            if UInt32(truncatingIfNeeded: slots[index] >> 32) == hash {
                found.append(VolunteerID(UInt32(truncatingIfNeeded: slots[index])))
            }
            index = (index + 1) & mask
        }
        return found.count > 1 ? found.sorted() : found
    }

    /// Puts `slot` in the first empty place from its hash's (linear probing); `false` if it was there.
    private mutating func insert(_ slot: UInt64) -> Bool {
        let mask = slots.count - 1
        var index = Int(slot >> 32) & mask
        while slots[index] != 0 {
            if slots[index] == slot { return false }
            index = (index + 1) & mask
        }
        slots[index] = slot
        return true
    }

    /// Doubles the table, placing every slot again: kept at most half full, probes stay short.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        for slot in old where slot != 0 { _ = insert(slot) }
    }

    /// The high 32 bits of the key's hash, seeded afresh in each process like every Swift hash.
    private static func hash(of key: String) -> UInt32 {
        UInt32(truncatingIfNeeded: UInt64(bitPattern: Int64(key.hashValue)) >> 32)
    }
}
