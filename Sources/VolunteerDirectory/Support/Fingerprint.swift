import Crypto

/// A stable digest of an `Encodable` value: the same value gives the same fingerprint in every
/// process and on every machine (unlike `Hasher`, which is seeded per process), so the directory
/// can tell a record it already holds from a changed one.
///
/// Far cheaper than encoding JSON and hashing it: values are written as bytes, each preceded by
/// its key and a type tag so that different shapes cannot collide, and the bytes are hashed with
/// XXH64 under two seeds (128 bits). It only tells changed from unchanged, so it needs no
/// cryptographic strength; a file's identity is still its SHA-256.
public enum Fingerprint {
    /// The fingerprint of `value`, as 32 hex digits.
    public static func of(_ value: some Encodable) throws -> String {
        try bytes(of: value).finish()
    }

    /// What `value` fingerprinted as before XXH64 replaced SHA-256: SHA-256 of the same bytes.
    public static func legacy(_ value: some Encodable) throws -> String {
        try bytes(of: value).legacyFinish()
    }

    /// Whether `stored`, read from the directory, is the fingerprint of the value now
    /// fingerprinted as `current`. One written before the change of hash (64 hex digits) is
    /// compared with `legacy()`, so upgrading does not make every record held look changed.
    public static func matches(_ stored: String?, current: String, legacy: () throws -> String) rethrows -> Bool {
        guard let stored else { return false }
        return stored.utf8.count == 64 ? try legacy() == stored : stored == current
    }

    private static func bytes(of value: some Encodable) throws -> FingerprintSink {
        let encoder = FingerprintEncoder()
        try value.encode(to: encoder)
        return encoder.sink
    }
}

/// The bytes of a value being fingerprinted, shared by an encoder and its containers.
final class FingerprintSink {
    private var scratch: [UInt8] = []

    init() {
        scratch.reserveCapacity(512)
    }

    func tag(_ byte: UInt8) {
        scratch.append(byte)
    }

    func bytes(_ text: String) {
        var count = UInt32(text.utf8.count).littleEndian
        withUnsafeBytes(of: &count) { scratch.append(contentsOf: $0) }
        scratch.append(contentsOf: text.utf8)
    }

    func integer(_ value: Int64) {
        var value = value.littleEndian
        withUnsafeBytes(of: &value) { scratch.append(contentsOf: $0) }
    }

    /// The fingerprint of the bytes written: two XXH64 hashes, as 32 hex digits.
    func finish() -> String {
        scratch.withUnsafeBytes { bytes in
            Self.hex(XXH64.hash(bytes, seed: 0)) + Self.hex(XXH64.hash(bytes, seed: 0x9E37_79B9_7F4A_7C15))
        }
    }

    /// The fingerprint the bytes had before: their SHA-256, as 64 hex digits.
    func legacyFinish() -> String {
        SHA256.hash(data: scratch).hex
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

final class FingerprintEncoder: Encoder {
    let sink = FingerprintSink()
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.tag(0x7B)  // {
        return KeyedEncodingContainer(KeyedFingerprintContainer<Key>(sink: sink))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.tag(0x5B)  // [
        return UnkeyedFingerprintContainer(sink: sink)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleFingerprintContainer(sink: sink)
    }
}

private struct KeyedFingerprintContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: FingerprintSink
    var codingPath: [any CodingKey] = []

    private func key(_ key: Key) { sink.bytes(key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws {
        self.key(key)
        sink.tag(0)
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        self.key(key)
        sink.tag(value ? 2 : 1)
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        self.key(key)
        sink.tag(3)
        sink.bytes(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        self.key(key)
        sink.tag(4)
        sink.bytes(String(value))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        self.key(key)
        sink.tag(4)
        sink.bytes(String(value))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        self.key(key)
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws {
        self.key(key)
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
        self.key(key)
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        self.key(key)
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        self.key(key)
        sink.tag(5)
        sink.integer(value)
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        self.key(key)
        sink.tag(5)
        sink.integer(Int64(bitPattern: UInt64(value)))
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        self.key(key)
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        self.key(key)
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        self.key(key)
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        self.key(key)
        sink.tag(5)
        sink.integer(Int64(bitPattern: value))
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.key(key)
        try value.encode(to: NestedFingerprintEncoder(sink: sink))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        self.key(key)
        sink.tag(0x7B)
        return KeyedEncodingContainer(KeyedFingerprintContainer<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        sink.tag(0x5B)
        return UnkeyedFingerprintContainer(sink: sink)
    }

    mutating func superEncoder() -> any Encoder { NestedFingerprintEncoder(sink: sink) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        self.key(key)
        return NestedFingerprintEncoder(sink: sink)
    }
}

private struct UnkeyedFingerprintContainer: UnkeyedEncodingContainer {
    let sink: FingerprintSink
    var codingPath: [any CodingKey] = []
    var count = 0

    mutating func encodeNil() throws {
        count += 1
        sink.tag(0)
    }
    mutating func encode(_ value: Bool) throws {
        count += 1
        sink.tag(value ? 2 : 1)
    }
    mutating func encode(_ value: String) throws {
        count += 1
        sink.tag(3)
        sink.bytes(value)
    }
    mutating func encode(_ value: Int) throws {
        count += 1
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int64) throws {
        count += 1
        sink.tag(5)
        sink.integer(value)
    }
    mutating func encode(_ value: Double) throws {
        count += 1
        sink.tag(4)
        sink.bytes(String(value))
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        count += 1
        sink.tag(0x2C)  // ,
        try value.encode(to: NestedFingerprintEncoder(sink: sink))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        count += 1
        sink.tag(0x7B)
        return KeyedEncodingContainer(KeyedFingerprintContainer<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        sink.tag(0x5B)
        return UnkeyedFingerprintContainer(sink: sink)
    }

    mutating func superEncoder() -> any Encoder { NestedFingerprintEncoder(sink: sink) }
}

private struct SingleFingerprintContainer: SingleValueEncodingContainer {
    let sink: FingerprintSink
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() throws { sink.tag(0) }
    mutating func encode(_ value: Bool) throws { sink.tag(value ? 2 : 1) }
    mutating func encode(_ value: String) throws {
        sink.tag(3)
        sink.bytes(value)
    }
    mutating func encode(_ value: Double) throws {
        sink.tag(4)
        sink.bytes(String(value))
    }
    mutating func encode(_ value: Float) throws {
        sink.tag(4)
        sink.bytes(String(value))
    }
    mutating func encode(_ value: Int) throws {
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int8) throws {
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int16) throws {
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int32) throws {
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: Int64) throws {
        sink.tag(5)
        sink.integer(value)
    }
    mutating func encode(_ value: UInt) throws {
        sink.tag(5)
        sink.integer(Int64(bitPattern: UInt64(value)))
    }
    mutating func encode(_ value: UInt8) throws {
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: UInt16) throws {
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: UInt32) throws {
        sink.tag(5)
        sink.integer(Int64(value))
    }
    mutating func encode(_ value: UInt64) throws {
        sink.tag(5)
        sink.integer(Int64(bitPattern: value))
    }
    mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: NestedFingerprintEncoder(sink: sink)) }
}

/// An encoder for nested values that shares the parent's digest.
private struct NestedFingerprintEncoder: Encoder {
    let sink: FingerprintSink
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.tag(0x7B)
        return KeyedEncodingContainer(KeyedFingerprintContainer<Key>(sink: sink))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.tag(0x5B)
        return UnkeyedFingerprintContainer(sink: sink)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleFingerprintContainer(sink: sink) }
}
