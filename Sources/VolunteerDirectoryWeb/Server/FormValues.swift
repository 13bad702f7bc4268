import Foundation

/// The name-value pairs of a query string or a URL-encoded form, in order; a name may repeat.
public struct FormValues: Sendable, Hashable {
    /// The pairs as sent.
    public private(set) var pairs: [(name: String, value: String)] = []

    /// No fields.
    public init() {}

    /// Reads `a=1&b=two+words&a=3` (percent-decoded, `+` as a space).
    public init(encoded text: String) {
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            pairs.append((name, value))
        }
    }

    /// Adds a field (another value when `name` is there already).
    public mutating func append(_ name: String, _ value: String) { pairs.append((name, value)) }

    /// The first value of `name`, trimmed; `nil` when missing or blank.
    public subscript(_ name: String) -> String? {
        guard
            let value = pairs.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespacesAndNewlines),
            !value.isEmpty
        else { return nil }
        return value
    }

    /// Every non-blank value of `name`, trimmed.
    public func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// The first value of `name` exactly as sent (a password: its spaces are its own), or `""`.
    public func untrimmed(_ name: String) -> String {
        pairs.first(where: { $0.name == name })?.value ?? ""
    }

    /// Replaces every value of `name` with `value`.
    public mutating func set(_ name: String, to value: String) {
        pairs.removeAll { $0.name == name }
        pairs.append((name, value))
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    private static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    public static func == (lhs: FormValues, rhs: FormValues) -> Bool {
        lhs.pairs.map(\.name) == rhs.pairs.map(\.name) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.name)
            hasher.combine(pair.value)
        }
    }
}
