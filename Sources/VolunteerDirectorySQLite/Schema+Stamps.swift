import GRDB

extension Schema {
    /// v14: when an import last listed each listing (`listing_stamp`) and last saw each person
    /// (`volunteer_seen`) move out of the listing and volunteer rows into narrow tables of their own.
    ///
    /// A weekly roster lists again nearly everyone it listed before, and each import stamps every
    /// listing it lists and every person it sees. Stamped in place, that rewrote every page of the
    /// directory's two widest tables: in a million-row re-import with 1% of its rows changed, 2 s
    /// of stamping and about 300 MB more for the log and the checkpoint to write. The narrow
    /// tables hold the same values in about a seventh of the pages.
    ///
    /// A stamp is keyed by its listing's row id, which SQLite keeps for a row's life (an update,
    /// `DROP COLUMN` and `VACUUM INTO` keep it: checked on 3.40, whose vacuum copies rows whole),
    /// so that stamping reads nothing of the listing table; a trigger deletes the stamp with its
    /// listing (as a foreign key would, were a row id one). SQLite's documentation reserves the
    /// right to renumber a table without an `INTEGER PRIMARY KEY` in a plain `VACUUM`, which voldir
    /// never runs (backups use `VACUUM INTO`, compaction FTS5's `optimize` and a checkpoint); were
    /// that to matter, the listing table would need a row id column of its own, a rebuild.
    ///
    /// Every listing has a stamp row, its batch and date `NULL` when no import has stamped it; a
    /// person no import has seen has no `volunteer_seen` row.
    static func registerStamps(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v14: stamps and last seen in narrow tables of their own") { db in
            try db.execute(
                sql: """
                    CREATE TABLE listing_stamp (
                        listing_row INTEGER PRIMARY KEY,
                        batch INTEGER,
                        as_of INTEGER
                    );
                    INSERT INTO listing_stamp (listing_row, batch, as_of)
                      SELECT rowid, listed_batch, listed_as_of FROM listing ORDER BY rowid;
                    ALTER TABLE listing DROP COLUMN listed_batch;
                    ALTER TABLE listing DROP COLUMN listed_as_of;
                    CREATE TRIGGER listing_stamp_goes_with_listing AFTER DELETE ON listing
                    BEGIN
                      DELETE FROM listing_stamp WHERE listing_row = old.rowid;
                    END;
                    CREATE TABLE volunteer_seen (
                        volunteer_id INTEGER PRIMARY KEY REFERENCES volunteer(id) ON DELETE CASCADE,
                        at DATETIME NOT NULL
                    );
                    INSERT INTO volunteer_seen (volunteer_id, at) SELECT id, last_seen FROM volunteer WHERE last_seen IS NOT NULL;
                    ALTER TABLE volunteer DROP COLUMN last_seen;
                    """)
        }
    }
}
