import Crypto

/// SHA-256 comes from swift-crypto (BoringSSL on Linux, CryptoKit on Apple platforms), which uses
/// the processor's SHA extensions where it has them. The directory writes digests as text: a
/// file's identity in `import_batch.sha256`, fingerprints stored before XXH64, the taxonomy's digest.
extension SHA256Digest {
    /// The digest as 64 lower-case hex digits, the form the directory has always stored.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(Self.byteCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
