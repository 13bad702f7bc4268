/// Remembers what was made of texts already seen in one import. Rosters and feeds repeat the
/// same cells thousands of times ("English", "Driving; First aid", "weekends"), and reading one
/// (splitting, bracket details, the language catalogue, the skill taxonomy) costs far more than a
/// look-up. Bounded: once full it stops remembering, so a file of all-different texts costs no
/// more memory than `capacity` entries. Used on one thread, by one reader.
public final class TextMemo<Value> {
    private var values: [String: Value] = [:]
    private let capacity: Int

    /// Texts longer than this are made afresh each time rather than kept: the cells worth
    /// remembering are short, and a memo of long ones would hold a file's largest cells in memory.
    static var longestRemembered: Int { 1_024 }

    /// A memo holding at most `capacity` texts.
    public init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    /// What `make` makes of `text`, made once. `make` must depend on nothing but `text`.
    public func value(for text: String, making make: (String) throws -> Value) rethrows -> Value {
        if let known = values[text] { return known }
        let value = try make(text)
        if values.count < capacity, text.utf8.count <= Self.longestRemembered { values[text] = value }
        return value
    }
}
