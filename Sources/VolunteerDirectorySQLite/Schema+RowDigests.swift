import GRDB

extension Schema {
    /// v13: each listing remembers the digest of the roster row it was last read from, so that a
    /// re-import passes over the rows it read before (see ``KnownRows``). Listings written before
    /// have none: their rows are read once more, and remembered then.
    static func registerRowDigests(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13: listings remember the roster row they were read from") { db in
            try db.execute(sql: "ALTER TABLE listing ADD COLUMN row_digest INTEGER")
        }
    }
}
