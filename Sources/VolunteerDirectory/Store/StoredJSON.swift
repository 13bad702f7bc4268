import Foundation

/// JSON kept in a text column (a need's details, a network's areas): keys sorted, so that the
/// same value is always the same text, on every store.
public enum StoredJSON {
    /// `value` as JSON text.
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The value `text` holds, or `nil` when there is no text or it does not hold one.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
