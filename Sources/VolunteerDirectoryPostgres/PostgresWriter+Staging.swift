import PostgresNIO
import VolunteerDirectory

/// Sending what an import staged (``StagedPeople``): a few `COPY`s and three set-wise statements
/// for however many records, where saving each record had cost one or two round trips.
extension PostgresWriter {
    /// Sends the people created and changed since the last statement:
    /// 1. the new people's rows, listings, details and full-text rows, copied into their tables;
    /// 2. each round of changes in turn: the changed people's profiles and listings copied into
    ///    the staging tables and merged into the directory by one statement, which also removes
    ///    the details their sources gave before (the latest source's values win; what it leaves
    ///    out, earlier sources keep); their new details copied; their merged fields worked out
    ///    again from all their listings;
    /// 3. the skill keys' mappings.
    func sendStaged() throws {
        guard !staged.isEmpty else { return }
        for rows in staged.created { try connection.copy(rows) }
        try refreshStatisticsAsTheDirectoryGrows(by: staged.createdCount)
        for round in staged.rounds {
            if stagingMade {
                // Emptied by TRUNCATE, not DELETE: nothing vacuums inside a transaction, so each
                // round's deleted rows stayed, every merge read them again, and the planner,
                // counting the pages, came to plan the merge as a join reading the directory's
                // tables whole (8 ms a merge after a thousand rounds, then minutes). A truncated
                // table is planned from the rows it holds.
                try connection.run(Self.emptyStaging)
            } else {
                for table in StagedPeople.stagingTables { try connection.run(PostgresQuery(unsafeSQL: table)) }
                stagingMade = true
            }
            for rows in round.staged { try connection.copy(rows) }
            try connection.run(mergeStaged)
            for rows in round.details.tables { try connection.copy(rows) }
            try connection.run(Self.mergedFieldsOfStaged)
        }
        let mappings = staged.mappings
        if !mappings.keys.isEmpty {
            try connection.run(
                """
                INSERT INTO skill_mapping (key, concept, kind)
                SELECT m.key, m.concept, m.kind
                FROM unnest(\(mappings.keys)::text[], \(mappings.concepts)::text[], \(mappings.kinds)::text[])
                  AS m(key, concept, kind)
                WHERE NOT EXISTS (SELECT 1 FROM skill_mapping held WHERE held.key = m.key)
                ON CONFLICT DO NOTHING
                """)
        }
        staged.removeAll()
    }

    /// The staged profiles and listings merged into the directory, and the details their sources
    /// gave before removed: one statement, whose parts touch different tables.
    private var mergeStaged: PostgresQuery {
        let person = StagedPeople.stagedVolunteerTable
        let listing = StagedPeople.stagedListingTable
        let profile = StagedPeople.profileColumns.map { column in
            // The name is always given; the rest only where the record says something.
            column == "name" || column == "name_key"
                ? "\(column) = s.\(column)" : "\(column) = COALESCE(s.\(column), v.\(column))"
        }
        let deletes = Self.detailTables.enumerated().map { index, table in
            "d\(index) AS (DELETE FROM \(table) d USING \(listing) s WHERE d.volunteer_id = s.volunteer_id AND d.source_id = s.source_id)"
        }
        var statement = PostgresStatement()
        let seen = statement.bind(seenAt, as: "timestamptz")
        let sql = """
            WITH profile AS (
              UPDATE volunteer v SET \(profile.joined(separator: ", ")), last_seen = \(seen)
              FROM \(person) s WHERE v.id = s.id),
            listed AS (
              INSERT INTO listing (\(StagedPeople.listingColumns.joined(separator: ", ")))
              SELECT \(StagedPeople.listingColumns.joined(separator: ", ")) FROM \(listing)
              \(Self.listingUpdate)),
            \(deletes.joined(separator: ",\n"))
            SELECT 1
            """
        return statement.query([sql])
    }

    /// Refreshes the planner's statistics of the imported tables each time this transaction has
    /// doubled the directory (from ten thousand people): a plan made for the directory as it was
    /// reads a grown table whole for each look-up (seen: 7 ms a look-up by email, where the
    /// index answers in 0.1 ms). PostgreSQL's own autovacuum does not see rows not yet committed.
    private func refreshStatisticsAsTheDirectoryGrows(by created: Int) throws {
        guard created > 0 else { return }
        peopleSent += created
        let threshold = nextStatisticsAt ?? max(10_000, Int(volunteersBefore ?? 0))
        nextStatisticsAt = threshold
        guard peopleSent >= threshold else { return }
        // The columns the look-ups and merges read, of the two tables they read; the rest are
        // counted when the import ends. A sample is read all the same, but each column's
        // statistics are sorted and counted from it: the four refreshes of a 100,000-row first
        // import took 1.64 s of the server's time with every column, 0.38 s with these.
        try connection.run(
            "ANALYZE volunteer (id, email_key, phone_key), listing (source_id, listing_id, volunteer_id)")
        nextStatisticsAt = max(threshold * 2, peopleSent + 1)
    }

    /// The staging tables emptied for the next round.
    private static let emptyStaging = PostgresQuery(
        unsafeSQL: "TRUNCATE \(StagedPeople.stagedVolunteerTable), \(StagedPeople.stagedListingTable)")

    /// The changed people's merged fields from all their listings.
    private static let mergedFieldsOfStaged = PostgresQuery(
        unsafeSQL: mergedFieldsUpdate(ofVolunteers: "IN (SELECT id FROM \(StagedPeople.stagedVolunteerTable))"))
}
