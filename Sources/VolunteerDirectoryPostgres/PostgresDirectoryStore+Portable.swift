import Foundation
import NIOCore
import PostgresNIO
import VolunteerDirectory

/// The PostgreSQL store's side of `voldir copy` (``DirectoryCopy``).
extension PostgresDirectoryStore: PortableDirectory {
    /// The tables whose ids come from an identity column: after a copy sets their ids, the next
    /// id must follow the highest copied.
    static let identityTables = [
        "network", "volunteer", "source", "import_batch", "placement", "suppression", "erasure",
    ]

    public func readRows(of tables: [PortableTable], _ row: (PortableTable, [TableValue]) throws -> Void) throws {
        try connections.snapshot { connection in
            for table in tables {
                let columns = table.columns.map(\.name).joined(separator: ", ")
                let order = table.order.map(table.sortedAsBytes).joined(separator: ", ")
                let rows = try connection.run(
                    PostgresQuery(unsafeSQL: "SELECT \(columns) FROM \(table.name) ORDER BY \(order)"))
                for stored in rows {
                    var values: [TableValue] = []
                    values.reserveCapacity(table.columns.count)
                    for (cell, column) in zip(stored, table.columns) {
                        values.append(try Self.value(cell, as: column.kind))
                    }
                    try row(table, values)
                }
            }
        }
    }

    public func loadRows(
        _ fill: (_ insert: (PortableTable, [TableValue]) throws -> Void) throws -> Void,
        verify: ([String: Int]) throws -> Void
    ) throws {
        try connections.transaction { connection in
            try connection.run("SELECT pg_advisory_xact_lock(\(Self.writersLock))")
            for table in DirectoryCopy.mustBeEmpty {
                let count = try connection.run(PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(table)")).first?
                    .decode(Int.self)
                guard count == 0 else { throw DirectoryCopy.TargetNotEmpty(table: table) }
            }
            try connection.run("DELETE FROM directory_setting")
            var pending: (table: PortableTable, rows: [[TableValue]])?
            func flush() throws {
                guard let batch = pending, !batch.rows.isEmpty else { return }
                try Self.insert(batch.rows, into: batch.table, on: connection)
                pending = nil
            }
            try fill { table, values in
                if pending?.table != table { try flush() }
                if pending == nil { pending = (table, []) }
                pending?.rows.append(values)
                // Each statement stays well inside PostgreSQL's 65,535 binds.
                if (pending?.rows.count ?? 0) * table.columns.count >= 30_000 { try flush() }
            }
            try flush()
            // What the store derives from the tables: the full-text rows, and the next ids.
            try PostgresFullText.rebuildAll(on: connection)
            // The planner's statistics for tables that were empty: without them the first
            // searches choose plans for empty tables (a search's p99 was 811 ms at 100,000
            // volunteers before, 68 ms after).
            try connection.run("ANALYZE")
            for table in Self.identityTables {
                try connection.run(
                    PostgresQuery(
                        unsafeSQL:
                            "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM \(table)"
                    ))
            }
            var counts: [String: Int] = [:]
            for table in PortableTable.all {
                counts[table.name] =
                    try connection.run(PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(table.name)")).first?
                    .decode(Int.self) ?? 0
            }
            try verify(counts)
        }
    }

    /// One INSERT of many rows.
    private static func insert(_ rows: [[TableValue]], into table: PortableTable, on connection: PostgresConnection)
        throws
    {
        var binds = PostgresBindings(capacity: rows.count * table.columns.count)
        var tuples: [String] = []
        tuples.reserveCapacity(rows.count)
        for row in rows {
            var placeholders: [String] = []
            for value in row {
                switch value {
                case .null: binds.appendNull()
                case .integer(let number): binds.append(number)
                case .real(let number): binds.append(number)
                case .text(let text): binds.append(text)
                case .bytes(let bytes): binds.append(ByteBuffer(bytes: bytes))
                case .moment(let date): binds.append(date)
                }
                placeholders.append("$\(binds.count)")
            }
            tuples.append("(" + placeholders.joined(separator: ", ") + ")")
        }
        try connection.run(
            PostgresQuery(
                unsafeSQL:
                    "INSERT INTO \(table.name) (\(table.columns.map(\.name).joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))",
                binds: binds))
    }

    private static func value(_ cell: PostgresCell, as kind: PortableTable.Kind) throws -> TableValue {
        switch kind {
        case .integer: return try cell.decode(Int64?.self).map(TableValue.integer) ?? .null
        case .real: return try cell.decode(Double?.self).map(TableValue.real) ?? .null
        case .text: return try cell.decode(String?.self).map(TableValue.text) ?? .null
        case .bytes: return try cell.decode(ByteBuffer?.self).map { .bytes(Array($0.readableBytesView)) } ?? .null
        case .moment: return try cell.decode(Date?.self).map(TableValue.moment) ?? .null
        }
    }
}

extension PortableTable {
    /// `column` as an ORDER BY term that sorts text by its bytes, as SQLite does, whatever the
    /// database's collation.
    func sortedAsBytes(_ column: String) -> String {
        columns.first { $0.name == column }?.kind == .text ? "\(column) COLLATE \"C\"" : column
    }
}
