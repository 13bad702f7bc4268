import Foundation
import GRDB
import VolunteerDirectory

/// The SQLite store's side of `voldir copy` (``DirectoryCopy``).
extension SQLiteDirectoryStore: PortableDirectory {
    public func readRows(of tables: [PortableTable], _ row: (PortableTable, [TableValue]) throws -> Void) throws {
        try reader.read { db in
            for table in tables {
                let rows = try Row.fetchCursor(
                    db,
                    sql:
                        "SELECT \(table.columns.map(\.name).joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.order.joined(separator: ", "))"
                )
                while let stored = try rows.next() {
                    try row(table, table.columns.indices.map { Self.value(stored[$0], as: table.columns[$0].kind) })
                }
            }
        }
    }

    public func loadRows(
        _ fill: (_ insert: (PortableTable, [TableValue]) throws -> Void) throws -> Void,
        verify: ([String: Int]) throws -> Void
    ) throws {
        try transaction { db in
            for table in DirectoryCopy.mustBeEmpty {
                guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") == 0 else {
                    throw DirectoryCopy.TargetNotEmpty(table: table)
                }
            }
            try db.execute(sql: "DELETE FROM directory_setting")
            var statements: [String: Statement] = [:]
            try fill { table, values in
                let statement: Statement
                if let prepared = statements[table.name] {
                    statement = prepared
                } else {
                    statement = try db.makeStatement(
                        sql: """
                            INSERT INTO \(table.name) (\(table.columns.map(\.name).joined(separator: ", ")))
                            VALUES (\(Array(repeating: "?", count: table.columns.count).joined(separator: ", ")))
                            """)
                    statements[table.name] = statement
                }
                try statement.execute(arguments: StatementArguments(values.map(Self.databaseValue)))
            }
            // What the store derives from the tables: the full-text index and the search facets.
            try db.execute(sql: "DELETE FROM volunteer_text")
            try FullTextRows.insert(where: "1", in: db)
            try SearchFacets.rebuild(in: db)
            var counts: [String: Int] = [:]
            for table in PortableTable.all {
                counts[table.name] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.name)") ?? 0
            }
            try verify(counts)
        }
    }

    private static func value(_ stored: DatabaseValue, as kind: PortableTable.Kind) -> TableValue {
        if stored.isNull { return .null }
        switch kind {
        case .integer: return Int64.fromDatabaseValue(stored).map(TableValue.integer) ?? .null
        case .real: return Double.fromDatabaseValue(stored).map(TableValue.real) ?? .null
        case .text: return String.fromDatabaseValue(stored).map(TableValue.text) ?? .null
        case .bytes: return Data.fromDatabaseValue(stored).map { .bytes(Array($0)) } ?? .null
        case .moment: return Date.fromDatabaseValue(stored).map(TableValue.moment) ?? .null
        }
    }

    private static func databaseValue(_ value: TableValue) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .integer(let number): return number.databaseValue
        case .real(let number): return number.databaseValue
        case .text(let text): return text.databaseValue
        case .bytes(let bytes): return Data(bytes).databaseValue
        case .moment(let date): return date.databaseValue
        }
    }
}
