/// A stable digest of an `Encodable` value: the same value gives the same fingerprint in every
/// process and on every machine (unlike `Hasher`, which is seeded per process), so the directory
/// can tell a record it already holds from a changed one.
///
/// Far cheaper than encoding JSON and hashing it: values are fed straight into SHA-256, each
/// preceded by its key and a type tag so that different shapes cannot collide.
public enum Fingerprint {
    /// The fingerprint of `value`, as 64 hex digits.
    public static func of(_ value: some Encodable) throws -> String {
        let encoder = FingerprintEncoder()
        try value.encode(to: encoder)
        encoder.sink.finish()
        return encoder.sink.digest.finalize()
    }
}

/// The running digest shared by an encoder and its containers.
final class FingerprintSink {
    var digest = SHA256()
    private var scratch: [UInt8] = []

    func tag(_ byte: UInt8) {
        scratch.append(byte)
        flushIfLarge()
    }

    func bytes(_ text: String) {
        var count = UInt32(text.utf8.count)
        withUnsafeBytes(of: &count) { scratch.append(contentsOf: $0) }
        scratch.append(contentsOf: text.utf8)
        flushIfLarge()
    }

    func integer(_ value: Int64) {
        var value = value
        withUnsafeBytes(of: &value) { scratch.append(contentsOf: $0) }
        flushIfLarge()
    }

    func finish() {
        digest.update(scratch)
        scratch.removeAll(keepingCapacity: true)
    }

    private func flushIfLarge() {
        if scratch.count >= 4_096 { finish() }
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

    mutating func encodeNil(forKey key: Key) throws { self.key(key); sink.tag(0) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); sink.tag(value ? 2 : 1) }
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); sink.tag(3); sink.bytes(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); sink.tag(4); sink.bytes(String(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); sink.tag(4); sink.bytes(String(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); sink.tag(5); sink.integer(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); sink.tag(5); sink.integer(Int64(bitPattern: UInt64(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); sink.tag(5); sink.integer(Int64(bitPattern: value)) }
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

    mutating func encodeNil() throws { count += 1; sink.tag(0) }
    mutating func encode(_ value: Bool) throws { count += 1; sink.tag(value ? 2 : 1) }
    mutating func encode(_ value: String) throws { count += 1; sink.tag(3); sink.bytes(value) }
    mutating func encode(_ value: Int) throws { count += 1; sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: Int64) throws { count += 1; sink.tag(5); sink.integer(value) }
    mutating func encode(_ value: Double) throws { count += 1; sink.tag(4); sink.bytes(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        count += 1
        sink.tag(0x2C)  // ,
        try value.encode(to: NestedFingerprintEncoder(sink: sink))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
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
    mutating func encode(_ value: String) throws { sink.tag(3); sink.bytes(value) }
    mutating func encode(_ value: Double) throws { sink.tag(4); sink.bytes(String(value)) }
    mutating func encode(_ value: Float) throws { sink.tag(4); sink.bytes(String(value)) }
    mutating func encode(_ value: Int) throws { sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: Int8) throws { sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: Int16) throws { sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: Int32) throws { sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: Int64) throws { sink.tag(5); sink.integer(value) }
    mutating func encode(_ value: UInt) throws { sink.tag(5); sink.integer(Int64(bitPattern: UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: UInt16) throws { sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: UInt32) throws { sink.tag(5); sink.integer(Int64(value)) }
    mutating func encode(_ value: UInt64) throws { sink.tag(5); sink.integer(Int64(bitPattern: value)) }
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
