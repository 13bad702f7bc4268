import Crypto
import Foundation

/// How audit entries are chained: the rules every store's log follows, so that any store's log
/// verifies the same way.
///
/// An entry's hash is SHA-256 over the previous entry's hash and its own fields, each written
/// with its length so that no two entries hash the same text. The detail is covered through its
/// digest, SHA-256 of a per-entry random salt and the detail: when an erasure redacts the detail
/// (and its salt), the digest stays and the hash still checks, and without the salt the digest
/// cannot be matched against a guessed name.
public enum AuditChain {
    /// The "previous hash" of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// The digest of an entry's detail: SHA-256 of the salt and the detail's UTF-8 (the empty
    /// string's digest for no detail).
    public static func digest(detail: String?, salt: Data) -> String {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: Data((detail ?? "").utf8))
        return hasher.finalize().hex
    }

    /// The digest of an entry written with no detail (its salt is empty).
    public static let emptyDigest = digest(detail: nil, salt: Data())

    /// A fresh salt for one entry's detail.
    public static func newSalt() -> Data {
        SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }
    }

    /// The hash of an entry, given the previous entry's hash. The `hash` and `detail` of `entry`
    /// are not read: its `detailDigest` stands for the detail.
    public static func hash(of entry: AuditEntry, previous: String) -> String {
        let fields: [String] = [
            previous, String(entry.id), entry.at, entry.actor, entry.action, entry.target,
            entry.people.map(String.init).joined(separator: ","), entry.origin ?? "",
            entry.redacts.map(String.init).joined(separator: ","), entry.detailDigest,
        ]
        var hasher = SHA256()
        for field in fields {
            let bytes = Data(field.utf8)
            hasher.update(data: Data("\(bytes.count):".utf8))
            hasher.update(data: bytes)
        }
        return hasher.finalize().hex
    }

    /// Checks entries read in order of id, with each one's salt (`nil` once redacted), against
    /// the head the store keeps apart (the last id and hash written), if it keeps one.
    public static func verify(_ entries: [(entry: AuditEntry, salt: Data?)], head: (id: Int64, hash: String)?)
        -> AuditVerification
    {
        var previous = genesis
        var expectedID: Int64 = 1
        var redactedBy: [Int64: Int64] = [:]
        for (entry, _) in entries {
            for id in entry.redacts { redactedBy[id] = entry.id }
        }
        for (entry, salt) in entries {
            if entry.id != expectedID {
                return .broken(entry: expectedID, reason: "entry \(expectedID) is missing: it was removed")
            }
            if entry.detail == nil {
                if entry.detailDigest != emptyDigest, redactedBy[entry.id] == nil {
                    return .broken(
                        entry: entry.id,
                        reason: "entry \(entry.id)'s detail was removed, and no erasure says it redacted it")
                }
            } else if digest(detail: entry.detail, salt: salt ?? Data()) != entry.detailDigest {
                return .broken(entry: entry.id, reason: "entry \(entry.id)'s detail was changed after it was written")
            }
            if hash(of: entry, previous: previous) != entry.hash {
                return .broken(entry: entry.id, reason: "entry \(entry.id) was changed after it was written")
            }
            previous = entry.hash
            expectedID += 1
        }
        if let head {
            if head.id >= expectedID {
                return .broken(
                    entry: expectedID, reason: "entries \(expectedID) to \(head.id) are missing: they were removed")
            }
            if head.id == expectedID - 1, head.hash != previous {
                return .broken(entry: head.id, reason: "entry \(head.id) was changed after it was written")
            }
        }
        return .intact(entries: entries.count)
    }
}
