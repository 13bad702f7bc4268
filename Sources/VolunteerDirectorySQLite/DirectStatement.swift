import GRDB
import GRDBSQLite

/// The import's hottest statements, with their values bound straight to the prepared statement:
/// GRDB's argument arrays box every value, which was a sixth of the writing thread's time.
/// Values are copied by SQLite as they are bound, and the statement is reset before it is
/// handed back to GRDB's cache, so other uses of the same statement are unaffected.
enum DirectStatement {
    /// Binds values in order, from the first parameter.
    struct Binder {
        fileprivate let handle: OpaquePointer
        fileprivate var index: CInt = 1

        mutating func text(_ value: String?) {
            if let value {
                value.withCString { _ = sqlite3_bind_text(handle, index, $0, -1, transient) }
            } else {
                sqlite3_bind_null(handle, index)
            }
            index += 1
        }

        mutating func integer(_ value: Int64?) {
            if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
            index += 1
        }

        mutating func integer(_ value: Int?) { integer(value.map(Int64.init)) }

        mutating func flag(_ value: Bool?) { integer(value.map { $0 ? 1 : 0 }) }
    }

    /// The first column of the first row `sql` returns as an integer, or `nil` when there is no
    /// row (or it is NULL).
    static func firstInteger(_ sql: String, in db: Database, bind: (inout Binder) -> Void) throws -> Int64? {
        let handle = try prepared(sql, in: db, bind: bind)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
        case SQLITE_DONE:
            return nil
        case let code:
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: sql)
        }
    }

    /// Runs `sql` (a statement from the connection's cache) once, with the values `bind` gives.
    static func run(_ sql: String, in db: Database, bind: (inout Binder) -> Void) throws {
        let handle = try prepared(sql, in: db, bind: bind)
        let code = sqlite3_step(handle)
        let message = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(db.sqliteConnection))
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        if let message { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql) }
    }
}

extension DirectStatement {
    /// The cached statement for `sql`, with the values `bind` gives bound to it.
    fileprivate static func prepared(_ sql: String, in db: Database, bind: (inout Binder) -> Void) throws
        -> OpaquePointer
    {
        let handle = try db.cachedStatement(sql: sql).sqliteStatement
        var binder = Binder(handle: handle)
        bind(&binder)
        return handle
    }
}

/// SQLite copies a value bound with this destructor, so Swift's temporary C string may go.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
