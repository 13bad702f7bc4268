import PostgresNIO

/// One statement put together piece by piece, for writes whose shape depends on the record (how
/// many skills it has, whether it gives availability): the SQL of its parts, each value bound to
/// a `$n` placeholder, and the parts sent as one statement so that they cost one round trip.
struct PostgresStatement {
    private var binds = PostgresBindings()

    /// Binds `value` (NULL when `nil`) and returns its placeholder, cast to `type` so that the
    /// server need not guess the type of a NULL.
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value?, as type: String) -> String {
        binds.append(value)
        return "$\(binds.count)::\(type)"
    }

    /// Binds a flag as the stores keep flags: 1, 0 or NULL.
    mutating func bind(flag: Bool?) -> String {
        bind(flag.map { Int64($0 ? 1 : 0) }, as: "bigint")
    }

    /// The statements `parts` (written with this statement's placeholders) as one: each but the
    /// last in a `WITH`, which PostgreSQL runs to completion whether or not anything reads it.
    /// The parts see the database as it was before the statement, not each other's changes.
    ///
    /// Mutating only so that the compiler refuses `statement.query(parts(&statement))`, which
    /// would read the binds before the parts had bound their values.
    mutating func query(_ parts: [String]) -> PostgresQuery {
        let ctes = parts.dropLast().enumerated().map { "w\($0.offset) AS (\($0.element))" }
        let last = parts.last ?? "SELECT 1"
        return PostgresQuery(
            unsafeSQL: ctes.isEmpty ? last : "WITH " + ctes.joined(separator: ", ") + " " + last, binds: binds)
    }
}
