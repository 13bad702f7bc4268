import PostgresNIO

/// A statement put together from parts, each value sent as a bind (`$1`, `$2`, …), never as text:
/// for the statements whose shape depends on the question (a search's filters).
struct SQLBuilder {
    private(set) var sql = ""
    private var binds = PostgresBindings()

    /// Appends SQL text (of ours, never a user's).
    mutating func append(_ text: String) {
        sql += text
    }

    /// Appends a placeholder for `value`, sent as a bind.
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) {
        binds.append(value)
        sql += "$\(binds.count)"
    }

    /// The statement.
    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
