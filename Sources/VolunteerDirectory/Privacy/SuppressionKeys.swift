import Crypto
import Foundation

/// The keyed hashes a suppression holds in place of a person's email and phone.
///
/// HMAC-SHA-256 under a secret kept in the directory: without the secret, a hash cannot be
/// checked against a guessed address, so the suppression list alone says nothing about anyone.
/// The keys hashed are the normalised ones (``ContactKeys/emailKey(_:)``, ``ContactKeys/phoneKey(_:)``),
/// so `Amina@Example.org` and `amina@example.org` are the same person here as everywhere.
public struct SuppressionKeys: Sendable {
    private let key: SymmetricKey

    /// Hashes with this directory secret.
    public init(secret: Data) {
        key = SymmetricKey(data: secret)
    }

    /// A fresh random secret for a new directory: 32 bytes.
    public static func newSecret() -> Data {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    }

    /// The hash of an email key.
    public func email(_ emailKey: String) -> String {
        hash("email:" + emailKey)
    }

    /// The hash of a phone key.
    public func phone(_ phoneKey: String) -> String {
        hash("phone:" + phoneKey)
    }

    private func hash(_ text: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key)
        return code.map { String(format: "%02x", $0) }.joined()
    }
}
