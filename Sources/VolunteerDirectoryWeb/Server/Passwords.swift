import Foundation
import HummingbirdBcrypt

/// Passwords, hashed with bcrypt (hummingbird-auth) off the event loops: a hash costs about a
/// quarter of a second by design.
public enum Passwords {
    /// The fewest characters a password may have (NCSC guidance: length over complexity).
    public static let minimumLength = 12
    /// The most, since bcrypt reads only the first 72 bytes.
    public static let maximumBytes = 72

    /// Why `password` cannot be used, or `nil`.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "a password needs at least \(minimumLength) characters" }
        if password.utf8.count > maximumBytes { return "a password can be at most \(maximumBytes) bytes long" }
        return nil
    }

    /// The bcrypt hash of `password`.
    public static func hash(_ password: String, cost: UInt8) async throws -> String {
        try await BackgroundWork.run { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`.
    public static func verify(_ password: String, hash: String) async -> Bool {
        (try? await BackgroundWork.run { Bcrypt.verify(password, hash: hash) }) ?? false
    }

    /// A new random password of 20 letters and digits (about 119 bits), for the demo's first
    /// admin and for an account made without one.
    public static func generate() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
