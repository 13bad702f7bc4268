import Foundation
import VolunteerDirectory

/// Forgetting people for good: erasure and the suppression list, kept as keyed hashes under the
/// store's own secret. The in-memory store keeps no audit log, so there is nothing to redact or
/// append; everything else is as ``ErasureStore`` says.
extension InMemoryDirectoryStore: ErasureStore {
    public func forget(volunteer id: VolunteerID, reason: String, actor: String) throws -> Suppression? {
        let now = Date()
        return try transaction { state in
            guard let person = state.volunteers[id] else { return nil }
            // Every email and phone any source gave, not only the ones the merged profile shows.
            let theirs = state.listings(of: id).map(\.listing)
            let emails = Set(theirs.compactMap(\.emailKey) + [person.emailKey].compactMap { $0 })
            let phones = Set(theirs.compactMap(\.phoneKey) + [person.phoneKey].compactMap { $0 })
            let hasher = SuppressionKeys(secret: state.suppressionSecret)
            let hashes = emails.sorted().map(hasher.email) + phones.sorted().map(hasher.phone)
            state.remove(volunteer: id)
            state.erasures.append((id, now))
            let number = MemoryState.next(after: state.suppressions.keys)
            let suppression = Suppression(id: number, at: now, reason: reason, keys: Set(hashes).count)
            state.suppressions[number] = MemoryState.StoredSuppression(suppression: suppression, hashes: hashes)
            for hash in hashes { state.suppressedHashes[hash] = number }
            return Suppression(id: number, at: now, reason: reason, keys: hashes.count)
        }
    }

    public func suppressions() throws -> [Suppression] {
        let state = snapshot
        return state.suppressions.sorted { $0.key < $1.key }.map { number, stored in
            var shown = stored.suppression
            shown.keys = state.suppressedHashes.values.filter { $0 == number }.count
            return shown
        }
    }

    public func liftSuppression(id: Int64, actor: String) throws -> Bool {
        try transaction { state in
            guard state.suppressions.removeValue(forKey: id) != nil else { return false }
            state.suppressedHashes = state.suppressedHashes.filter { $0.value != id }
            return true
        }
    }
}
