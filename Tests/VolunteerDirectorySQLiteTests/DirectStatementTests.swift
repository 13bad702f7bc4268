import GRDB
import Testing

@testable import VolunteerDirectorySQLite

@Suite("Statements bound directly")
struct DirectStatementTests {
    @Test(
        "values bind in order, NULLs included; a failing statement throws SQLite's reason and leaves the statement reusable"
    )
    func bindsAndFails() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER NOT NULL, b TEXT, c INTEGER UNIQUE)")
            let insert = "INSERT INTO t (a, b, c) VALUES (?, ?, ?)"
            try DirectStatement.run(insert, in: db) { bind in
                bind.integer(1)
                bind.text("Zoë ✓")
                bind.flag(true)
            }
            try DirectStatement.run(insert, in: db) { bind in
                bind.integer(2)
                bind.text(nil)
                bind.integer(nil as Int?)
            }
            let error = #expect(throws: DatabaseError.self) {
                try DirectStatement.run(insert, in: db) { bind in
                    bind.integer(3)
                    bind.text("x")
                    bind.integer(1)
                }
            }
            #expect(error?.resultCode == .SQLITE_CONSTRAINT)
            #expect(error?.message?.contains("UNIQUE") == true)
            // The cached statement works again, through GRDB too.
            try db.execute(sql: insert, arguments: [4, "after", 4])
            let rows = try Row.fetchAll(db, sql: "SELECT a, b, c FROM t ORDER BY a")
            #expect(rows.map { $0[0] as Int } == [1, 2, 4])
            #expect(rows[0][1] as String? == "Zoë ✓")
            #expect(rows[1][1] as String? == nil)
            #expect(try DirectStatement.firstInteger("SELECT a FROM t WHERE b = ?", in: db) { $0.text("after") } == 4)
            #expect(try DirectStatement.firstInteger("SELECT a FROM t WHERE b = ?", in: db) { $0.text("none") } == nil)
        }
    }

    @Test("a value that cannot be bound (one more than the statement's parameters) throws, and nothing runs")
    func bindFailureThrows() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER, b TEXT)")
            let error = #expect(throws: DatabaseError.self) {
                try DirectStatement.run("INSERT INTO t (a) VALUES (?)", in: db) { bind in
                    bind.integer(1)
                    bind.text("one too many")
                }
            }
            #expect(error?.resultCode == .SQLITE_RANGE)
            #expect(error?.message?.contains("value 2") == true)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") == 0)
            // The statement is still usable.
            try DirectStatement.run("INSERT INTO t (a) VALUES (?)", in: db) { $0.integer(2) }
            #expect(try Int.fetchOne(db, sql: "SELECT a FROM t") == 2)
        }
    }
}
