import VolunteerDirectory

/// Where the SQLite store keeps a portable table's columns: in the table of that name, except the
/// stamps, which live in narrow tables of their own (`listing_stamp` and `volunteer_seen`, see
/// `Schema+Stamps.swift`). A copy reads and writes the portable columns as they always were.
enum PortableLayout {
    /// Portable columns kept in a narrow table: its name, how it joins the table (`t`), each
    /// column's name there, and the statement writing one row of it after the table's own row.
    private struct Side {
        var table: String
        var join: String
        var columns: [(portable: String, stored: String)]
        /// With `?1`… for the `columns`' values, then the row's `key` values.
        var insert: String
        var key: [String]
    }

    private static let sides: [String: Side] = [
        "volunteer": Side(
            table: "volunteer_seen", join: "volunteer_seen.volunteer_id = t.id",
            columns: [("last_seen", "at")],
            // A person never seen has no row.
            insert: "INSERT INTO volunteer_seen (at, volunteer_id) SELECT ?1, ?2 WHERE ?1 IS NOT NULL", key: ["id"]),
        "listing": Side(
            table: "listing_stamp", join: "listing_stamp.listing_row = t.rowid",
            columns: [("listed_batch", "batch"), ("listed_as_of", "as_of")],
            // Every listing has one, keyed by the row just written.
            insert: "INSERT INTO listing_stamp (batch, as_of, listing_row) VALUES (?1, ?2, last_insert_rowid())",
            key: []),
    ]

    /// The query reading the table's portable columns, in its order.
    static func select(_ table: PortableTable) -> String {
        let order = table.order.map { "t.\($0)" }.joined(separator: ", ")
        let side = sides[table.name]
        let selected = table.columns.map { column in
            guard let side, let moved = side.columns.first(where: { $0.portable == column.name }) else {
                return "t.\(column.name)"
            }
            return "\(side.table).\(moved.stored)"
        }
        let join = side.map { " LEFT JOIN \($0.table) ON \($0.join)" } ?? ""
        return "SELECT \(selected.joined(separator: ", ")) FROM \(table.name) t\(join) ORDER BY \(order)"
    }

    /// The statements that write one row of the table, each with the positions of the portable
    /// values it binds, in order: the table's own row, then its narrow table's.
    static func inserts(_ table: PortableTable) -> [(sql: String, values: [Int])] {
        let names = table.columns.map(\.name)
        let side = sides[table.name]
        let kept = names.indices.filter { index in side?.columns.contains { $0.portable == names[index] } != true }
        var statements = [
            (
                sql: """
                INSERT INTO \(table.name) (\(kept.map { names[$0] }.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: kept.count).joined(separator: ", ")))
                """,
                values: kept
            )
        ]
        if let side {
            let values = (side.columns.map(\.portable) + side.key).map { name in
                guard let position = names.firstIndex(of: name) else {
                    preconditionFailure("the portable table \(table.name) has no column \(name) for \(side.table)")
                }
                return position
            }
            statements.append((sql: side.insert, values: values))
        }
        return statements
    }
}
