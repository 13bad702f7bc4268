import GRDB
import GRDBSQLite

/// The import's hottest statements, with their values bound straight to the prepared statement:
/// GRDB's argument arrays box every value, which was a sixth of the writing thread's time; and
/// the search's largest reads, stepped here (see ``forEachRow(_:arguments:in:_:)``).
/// Values are copied by SQLite as they are bound, and the statement is reset before it is
/// handed back to GRDB's cache, so other uses of the same statement are unaffected.
enum DirectStatement {
    /// Binds values in order, from the first parameter. Every bind's return code is checked: the
    /// first that fails (a value past the last parameter, memory) is thrown before the statement runs.
    struct Binder {
        fileprivate let handle: OpaquePointer
        fileprivate var index: CInt = 1
        /// The first bind that failed: its parameter and SQLite's code.
        fileprivate var failure: (index: CInt, code: CInt)?

        mutating func text(_ value: String?) {
            let code =
                if let value {
                    value.withCString { sqlite3_bind_text(handle, index, $0, -1, transient) }
                } else {
                    sqlite3_bind_null(handle, index)
                }
            checked(code)
        }

        mutating func integer(_ value: Int64?) {
            checked(value.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
        }

        /// Notes a failed bind and moves to the next parameter.
        private mutating func checked(_ code: CInt) {
            if code != SQLITE_OK, failure == nil { failure = (index, code) }
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
        case let code: throw failure(code, in: db, sql: sql)
        }
    }

    /// The integer columns of the row a statement is on.
    struct IntegerColumns {
        fileprivate let handle: OpaquePointer

        /// Column `index` (from 0); `nil` when NULL.
        func optional(_ index: CInt) -> Int64? {
            sqlite3_column_type(handle, index) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, index)
        }

        /// Column `index` (from 0), NULL read as 0.
        subscript(index: CInt) -> Int64 { sqlite3_column_int64(handle, index) }
    }

    /// Calls `body` with each row `sql` (a statement from the connection's cache) returns, its
    /// columns read as integers. A search's facet sets read tens of thousands of rows of two or
    /// three integers each: through GRDB's `Row` that was a third of building them, and of a
    /// one-shot search by skill and language about 5 ms. GRDB binds the arguments (and checks
    /// their count); every step's return code is checked here, and the statement is reset before
    /// it goes back to the cache, so a later use starts afresh.
    static func forEachRow(
        _ sql: String, arguments: StatementArguments = [], in db: Database, _ body: (IntegerColumns) throws -> Void
    ) throws {
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: try body(IntegerColumns(handle: handle))
            case SQLITE_DONE: return
            case let code: throw failure(code, in: db, sql: sql)
            }
        }
    }

    /// Runs `sql` (a statement from the connection's cache) once, with the values `bind` gives.
    static func run(_ sql: String, in db: Database, bind: (inout Binder) -> Void) throws {
        let handle = try prepared(sql, in: db, bind: bind)
        let code = sqlite3_step(handle)
        // The message is taken before the reset, which would replace it.
        let error = code == SQLITE_DONE ? nil : failure(code, in: db, sql: sql)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        if let error { throw error }
    }
}

extension DirectStatement {
    /// The error a step that failed with `code` stands for, with SQLite's message for it.
    fileprivate static func failure(_ code: CInt, in db: Database, sql: String) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
            sql: sql)
    }

    /// The cached statement for `sql`, with the values `bind` gives bound to it.
    fileprivate static func prepared(_ sql: String, in db: Database, bind: (inout Binder) -> Void) throws
        -> OpaquePointer
    {
        let handle = try db.cachedStatement(sql: sql).sqliteStatement
        var binder = Binder(handle: handle)
        bind(&binder)
        if let failure = binder.failure {
            sqlite3_clear_bindings(handle)
            throw DatabaseError(
                resultCode: ResultCode(rawValue: failure.code),
                message: "value \(failure.index) could not be bound (\(String(cString: sqlite3_errstr(failure.code))))",
                sql: sql)
        }
        return handle
    }
}

/// SQLite copies a value bound with this destructor, so Swift's temporary C string may go.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
