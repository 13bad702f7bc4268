import GRDB

extension Schema {
    /// v12: the search facets every search process used to build from the whole directory (who
    /// may be contacted, who interprets, DBS levels, availability, name order), kept in the
    /// directory by the write that changed them; see ``SearchFacets``.
    static func registerSearchFacets(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12: search facets kept by the import that changed them") { db in
            // A bit set per facet (bit `id` for volunteer `id`), and the name ranks in rows of
            // 1,024 ids (little-endian 32-bit ranks, all ones for an id with no volunteer). They are
            // filled once the migrations are done (``SQLiteDirectoryStore``), with the code of the
            // day rather than this migration's, and by every write that changes volunteers.
            try db.execute(
                sql: """
                    CREATE TABLE search_facet (
                        name TEXT PRIMARY KEY,
                        members BLOB NOT NULL
                    );
                    CREATE TABLE search_name_rank (
                        chunk INTEGER PRIMARY KEY,
                        ranks BLOB NOT NULL
                    );
                    """)
        }
    }
}
