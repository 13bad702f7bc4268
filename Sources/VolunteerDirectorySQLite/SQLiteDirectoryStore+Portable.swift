import Foundation
import GRDB
import VolunteerDirectory

/// The SQLite store's side of `voldir copy` (``DirectoryCopy``).
extension SQLiteDirectoryStore: PortableDirectory {
    public func readRows(of tables: [PortableTable], _ row: (PortableTable, [TableValue]) throws -> Void) throws {
        try reader.read { db in
            for table in tables {
                let rows = try Row.fetchCursor(db, sql: PortableLayout.select(table))
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
            var statements: [String: [(statement: Statement, values: [Int])]] = [:]
            try fill { table, values in
                if statements[table.name] == nil {
                    statements[table.name] = try PortableLayout.inserts(table).map {
                        (try db.makeStatement(sql: $0.sql), $0.values)
                    }
                }
                for (statement, positions) in statements[table.name] ?? [] {
                    try statement.execute(
                        arguments: StatementArguments(positions.map { Self.databaseValue(values[$0]) }))
                }
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
