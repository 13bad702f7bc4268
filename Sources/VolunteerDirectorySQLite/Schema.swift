import Foundation
import GRDB
import VolunteerDirectory

/// The directory's schema. Released migrations are never edited: add a new one instead.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: networks, volunteers, listings, needs, batches, full text") { db in
            try db.execute(
                sql: """
                    CREATE TABLE network (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        name_key TEXT NOT NULL UNIQUE,
                        external_id TEXT UNIQUE,
                        kind TEXT,
                        areas TEXT NOT NULL DEFAULT '[]',
                        contact_name TEXT,
                        contact_email TEXT,
                        contact_phone TEXT,
                        updated TEXT,
                        fingerprint TEXT
                    );
                    CREATE TABLE volunteer (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        name_key TEXT NOT NULL,
                        email TEXT,
                        email_key TEXT,
                        phone TEXT,
                        phone_key TEXT,
                        postcode TEXT,
                        postcode_district TEXT,
                        area TEXT,
                        area_key TEXT,
                        age_band TEXT,
                        notes TEXT,
                        dbs_level INTEGER NOT NULL DEFAULT 0,
                        dbs_issued TEXT,
                        consent_contact INTEGER,
                        consent_share INTEGER,
                        consent_recorded TEXT
                    );
                    CREATE INDEX volunteer_email ON volunteer(email_key);
                    CREATE INDEX volunteer_phone ON volunteer(phone_key);
                    CREATE INDEX volunteer_district ON volunteer(postcode_district);
                    CREATE INDEX volunteer_area ON volunteer(area_key);
                    CREATE INDEX volunteer_name ON volunteer(name_key, id);
                    CREATE TABLE listing (
                        source TEXT NOT NULL,
                        listing_id TEXT NOT NULL,
                        volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                        fingerprint TEXT NOT NULL,
                        consent_contact INTEGER,
                        consent_share INTEGER,
                        consent_recorded TEXT,
                        dbs_level INTEGER,
                        dbs_issued TEXT,
                        PRIMARY KEY (source, listing_id)
                    );
                    CREATE INDEX listing_volunteer ON listing(volunteer_id, source);
                    CREATE TABLE membership (
                        volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                        network_id INTEGER NOT NULL REFERENCES network(id) ON DELETE CASCADE,
                        role TEXT,
                        since TEXT,
                        PRIMARY KEY (volunteer_id, network_id)
                    );
                    CREATE INDEX membership_network ON membership(network_id);
                    CREATE TABLE volunteer_skill (
                        volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                        source TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        written TEXT NOT NULL,
                        key TEXT NOT NULL,
                        level INTEGER,
                        qualified_in TEXT
                    );
                    CREATE INDEX volunteer_skill_key ON volunteer_skill(key);
                    CREATE INDEX volunteer_skill_owner ON volunteer_skill(volunteer_id, source);
                    CREATE TABLE volunteer_language (
                        volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                        source TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        written TEXT NOT NULL,
                        written_key TEXT NOT NULL,
                        code TEXT,
                        script TEXT,
                        proficiency INTEGER,
                        interprets INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE INDEX volunteer_language_code ON volunteer_language(code, proficiency);
                    CREATE INDEX volunteer_language_written ON volunteer_language(written_key);
                    CREATE INDEX volunteer_language_owner ON volunteer_language(volunteer_id, source);
                    CREATE TABLE volunteer_slot (
                        volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                        source TEXT NOT NULL,
                        day TEXT NOT NULL,
                        part TEXT NOT NULL
                    );
                    CREATE INDEX volunteer_slot_owner ON volunteer_slot(volunteer_id, source);
                    CREATE TABLE need (
                        id TEXT PRIMARY KEY,
                        partner TEXT NOT NULL,
                        title TEXT NOT NULL,
                        places INTEGER NOT NULL CHECK (places > 0),
                        details TEXT NOT NULL,
                        fingerprint TEXT NOT NULL
                    );
                    CREATE TABLE import_batch (
                        id INTEGER PRIMARY KEY,
                        file_name TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        plugin TEXT NOT NULL,
                        imported_at DATETIME NOT NULL,
                        created INTEGER NOT NULL,
                        updated INTEGER NOT NULL,
                        unchanged INTEGER NOT NULL,
                        rejected INTEGER NOT NULL,
                        erased INTEGER NOT NULL,
                        source TEXT,
                        sequence INTEGER
                    );
                    CREATE INDEX import_batch_hash ON import_batch(sha256);
                    CREATE INDEX import_batch_sequence ON import_batch(source, sequence);
                    CREATE VIRTUAL TABLE volunteer_text USING fts5(
                        name, skills, notes, tokenize = 'unicode61 remove_diacritics 2'
                    );
                    """)
        }
        migrator.registerMigration("v2: placements") { db in
            try db.execute(
                sql: """
                    CREATE TABLE placement (
                        id INTEGER PRIMARY KEY,
                        need_id TEXT NOT NULL REFERENCES need(id) ON DELETE CASCADE,
                        volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                        score REAL NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed', 'declined')),
                        proposed_at DATETIME NOT NULL,
                        decided_at DATETIME
                    );
                    CREATE INDEX placement_volunteer ON placement(volunteer_id);
                    CREATE INDEX placement_need ON placement(need_id, status);
                    """)
        }
        migrator.registerMigration("v3: covering indexes for search filters") { db in
            // A search turns each filter into the set of volunteers it admits; these indexes give
            // those sets without a table lookup per row.
            try db.execute(
                sql: """
                    CREATE INDEX volunteer_skill_key_owner ON volunteer_skill(key, volunteer_id);
                    CREATE INDEX volunteer_language_code_owner ON volunteer_language(code, proficiency, volunteer_id);
                    CREATE INDEX volunteer_contactable ON volunteer(id) WHERE consent_contact = 1;
                    """)
        }
        migrator.registerMigration("v4: skills mapped to the taxonomy") { db in
            // Each distinct written skill (by matching key) mapped to taxonomy skills, made at import;
            // a key that maps to nothing has one row with an empty concept, so `skills --unmapped`
            // can list it. The taxonomy's fingerprint says which taxonomy made the rows.
            try db.execute(
                sql: """
                    CREATE TABLE skill_mapping (
                        key TEXT NOT NULL,
                        concept TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        PRIMARY KEY (key, concept)
                    ) WITHOUT ROWID;
                    CREATE INDEX skill_mapping_concept ON skill_mapping(concept, key);
                    CREATE TABLE directory_setting (
                        name TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v5: search filter indexes carry what they rank by") { db in
            // A skill's holders are ranked by level and a language's speakers by proficiency and
            // interpreting: with those in the index, building a filter reads no table rows.
            try db.execute(
                sql: """
                    DROP INDEX volunteer_skill_key_owner;
                    CREATE INDEX volunteer_skill_key_owner ON volunteer_skill(key, volunteer_id, level);
                    DROP INDEX volunteer_language_code_owner;
                    CREATE INDEX volunteer_language_code_owner ON volunteer_language(code, proficiency, volunteer_id, interprets);
                    """)
        }
        migrator.registerMigration("v6: no index twice") { db in
            // (key) and (code, proficiency) are prefixes of the covering indexes of v5, and a
            // written language is looked up only when the catalogue did not understand it: every
            // index left out is one less B-tree insert per skill or language imported.
            try db.execute(
                sql: """
                    DROP INDEX volunteer_skill_key;
                    DROP INDEX volunteer_language_code;
                    DROP INDEX volunteer_language_written;
                    CREATE INDEX volunteer_language_unrecognised ON volunteer_language(written_key) WHERE code IS NULL;
                    """)
        }
        migrator.registerMigration("v7: compact details clustered by their owner") { db in
            // An import writes each person's skills, languages and availability, and reads them
            // back only by person: keyed by (volunteer, source, position) the rows are their own
            // owner index, a source is a small number rather than its name repeated in every row
            // and index entry, and availability is one bit mask per person and source (bit
            // `day * 4 + part`, ``Day`` and ``PartOfDay`` in declaration order, `any` included)
            // instead of a row per slot. Fewer, smaller B-tree entries per person imported.
            try db.execute(
                sql: """
                    CREATE TABLE source (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
                    INSERT INTO source (name)
                      SELECT source FROM listing UNION SELECT source FROM volunteer_skill
                      UNION SELECT source FROM volunteer_language UNION SELECT source FROM volunteer_slot ORDER BY 1;

                    CREATE TABLE new_listing (
                        source_id INTEGER NOT NULL REFERENCES source(id),
                        listing_id TEXT NOT NULL,
                        volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                        fingerprint TEXT NOT NULL,
                        consent_contact INTEGER,
                        consent_share INTEGER,
                        consent_recorded TEXT,
                        dbs_level INTEGER,
                        dbs_issued TEXT,
                        PRIMARY KEY (source_id, listing_id)
                    );
                    INSERT INTO new_listing
                      SELECT s.id, l.listing_id, l.volunteer_id, l.fingerprint, l.consent_contact, l.consent_share,
                        l.consent_recorded, l.dbs_level, l.dbs_issued
                      FROM listing l JOIN source s ON s.name = l.source ORDER BY l.rowid;
                    DROP TABLE listing;
                    ALTER TABLE new_listing RENAME TO listing;
                    CREATE INDEX listing_volunteer ON listing(volunteer_id, source_id);

                    CREATE TABLE new_volunteer_skill (
                        volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                        source_id INTEGER NOT NULL,
                        position INTEGER NOT NULL,
                        written TEXT NOT NULL,
                        key TEXT NOT NULL,
                        level INTEGER,
                        qualified_in TEXT,
                        PRIMARY KEY (volunteer_id, source_id, position)
                    ) WITHOUT ROWID;
                    INSERT INTO new_volunteer_skill
                      SELECT k.volunteer_id, s.id, k.position, k.written, k.key, k.level, k.qualified_in
                      FROM volunteer_skill k JOIN source s ON s.name = k.source;
                    DROP TABLE volunteer_skill;
                    ALTER TABLE new_volunteer_skill RENAME TO volunteer_skill;
                    CREATE INDEX volunteer_skill_key_owner ON volunteer_skill(key, volunteer_id, level);

                    CREATE TABLE new_volunteer_language (
                        volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                        source_id INTEGER NOT NULL,
                        position INTEGER NOT NULL,
                        written TEXT NOT NULL,
                        written_key TEXT NOT NULL,
                        code TEXT,
                        script TEXT,
                        proficiency INTEGER,
                        interprets INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (volunteer_id, source_id, position)
                    ) WITHOUT ROWID;
                    INSERT INTO new_volunteer_language
                      SELECT g.volunteer_id, s.id, g.position, g.written, g.written_key, g.code, g.script, g.proficiency, g.interprets
                      FROM volunteer_language g JOIN source s ON s.name = g.source;
                    DROP TABLE volunteer_language;
                    ALTER TABLE new_volunteer_language RENAME TO volunteer_language;
                    CREATE INDEX volunteer_language_code_owner ON volunteer_language(code, proficiency, volunteer_id, interprets);
                    CREATE INDEX volunteer_language_unrecognised ON volunteer_language(written_key) WHERE code IS NULL;

                    CREATE TABLE volunteer_availability (
                        volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                        source_id INTEGER NOT NULL,
                        slots INTEGER NOT NULL,
                        PRIMARY KEY (volunteer_id, source_id)
                    ) WITHOUT ROWID;
                    INSERT INTO volunteer_availability
                      SELECT t.volunteer_id, s.id, SUM(DISTINCT 1 << (
                        (CASE t.day WHEN 'mon' THEN 0 WHEN 'tue' THEN 1 WHEN 'wed' THEN 2 WHEN 'thu' THEN 3 WHEN 'fri' THEN 4
                                    WHEN 'sat' THEN 5 WHEN 'sun' THEN 6 ELSE 7 END) * 4
                        + (CASE t.part WHEN 'morning' THEN 0 WHEN 'afternoon' THEN 1 WHEN 'evening' THEN 2 ELSE 3 END)))
                      FROM volunteer_slot t JOIN source s ON s.name = t.source GROUP BY t.volunteer_id, s.id;
                    DROP TABLE volunteer_slot;

                    CREATE TABLE new_membership (
                        volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                        network_id INTEGER NOT NULL REFERENCES network(id) ON DELETE CASCADE,
                        role TEXT,
                        since TEXT,
                        PRIMARY KEY (volunteer_id, network_id)
                    ) WITHOUT ROWID;
                    INSERT INTO new_membership SELECT volunteer_id, network_id, role, since FROM membership;
                    DROP TABLE membership;
                    ALTER TABLE new_membership RENAME TO membership;
                    CREATE INDEX membership_network ON membership(network_id);
                    """)
        }
        migrator.registerMigration("v8: full text folds letters without a decomposition (ł, ı, ø, ß)") { db in
            // The tokenizer drops accents but keeps ł, ı, ø, đ, ß, æ and þ, which no UK keyboard
            // types: the index now holds each row folded as a search's words are, so "Lukasz"
            // finds Łukasz. Every row is written again from what the volunteer's own row holds.
            db.add(function: FullTextRows.fold)
            try db.execute(sql: "DELETE FROM volunteer_text")
            try FullTextRows.insert(where: "1", in: db)
        }
        migrator.registerMigration(
            "v9: rosters that end memberships, listings that remember who they named, needs flagged as duplicates"
        ) { db in
            // A listing remembers the import that last listed it and that file's date (microseconds
            // since 1970), so a roster ends only the listings no roster as new as itself listed; and
            // the keys of the person it named, so a listing id given again to someone else is told
            // from the same person.
            // Listings held from before stay unstamped (the oldest) and fall back on the person's keys.
            // A need remembers its source and its partner-and-title key, so a need from another source
            // that looks the same is flagged; `needs merge` remembers the id it folded away.
            try db.execute(
                sql: """
                    ALTER TABLE listing ADD COLUMN listed_batch INTEGER;
                    ALTER TABLE listing ADD COLUMN listed_as_of INTEGER;
                    ALTER TABLE listing ADD COLUMN name_key TEXT;
                    ALTER TABLE listing ADD COLUMN email_key TEXT;
                    ALTER TABLE listing ADD COLUMN phone_key TEXT;
                    ALTER TABLE import_batch ADD COLUMN ended INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE import_batch ADD COLUMN file_date DATETIME;
                    ALTER TABLE need ADD COLUMN source TEXT;
                    ALTER TABLE need ADD COLUMN match_key TEXT;
                    ALTER TABLE need ADD COLUMN duplicate_of TEXT REFERENCES need(id) ON DELETE SET NULL;
                    CREATE INDEX need_match ON need(match_key);
                    CREATE TABLE ended_listing (
                        source_id INTEGER NOT NULL,
                        listing_id TEXT NOT NULL,
                        volunteer_id INTEGER NOT NULL REFERENCES volunteer(id) ON DELETE CASCADE,
                        ended_as_of INTEGER NOT NULL,
                        PRIMARY KEY (source_id, listing_id)
                    ) WITHOUT ROWID;
                    CREATE INDEX ended_listing_volunteer ON ended_listing(volunteer_id);
                    CREATE TABLE need_merge (
                        id TEXT PRIMARY KEY,
                        kept TEXT NOT NULL REFERENCES need(id) ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    """)
            let needs = try Row.fetchAll(db, sql: "SELECT id, partner, title FROM need")
            for row in needs {
                let partner: String = row["partner"]
                let title: String = row["title"]
                try db.execute(
                    sql: "UPDATE need SET match_key = ? WHERE id = ?",
                    arguments: [Schema.needKey(partner: partner, title: title), row["id"] as String])
            }
        }
        migrator.registerMigration("v10: personal data: suppressions, erasures, audit log, last seen") { db in
            // A suppression keeps keyed hashes (HMAC-SHA-256 under the directory's secret) of the
            // email and phone keys of someone forgotten, so a later roster that lists them is not
            // imported; never the plain values. Every erasure is numbered, so a restore re-applies
            // those made after its backup. The audit log is a hash chain (see AuditChain), its
            // last id and hash kept apart as 'audit-head'. `last_seen` is when an import last
            // listed the person; those held from before take their listings' last import. A
            // listing remembers the first import that listed it (for subject access) and whether
            // the source says the person subscribes to the DBS Update Service.
            try db.execute(
                sql: """
                    CREATE TABLE suppression (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at DATETIME NOT NULL,
                        reason TEXT NOT NULL
                    );
                    CREATE TABLE suppression_key (
                        hash TEXT PRIMARY KEY,
                        suppression_id INTEGER NOT NULL REFERENCES suppression(id) ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    CREATE INDEX suppression_key_owner ON suppression_key(suppression_id);
                    CREATE TABLE erasure (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        volunteer_id INTEGER NOT NULL,
                        at DATETIME NOT NULL
                    );
                    CREATE TABLE audit_entry (
                        id INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        target TEXT NOT NULL,
                        people TEXT NOT NULL,
                        origin TEXT,
                        redacts TEXT NOT NULL,
                        detail TEXT,
                        detail_salt BLOB,
                        detail_digest TEXT NOT NULL,
                        hash TEXT NOT NULL
                    );
                    ALTER TABLE listing ADD COLUMN first_batch INTEGER;
                    ALTER TABLE listing ADD COLUMN dbs_update_service INTEGER;
                    UPDATE listing SET first_batch = listed_batch;
                    ALTER TABLE volunteer ADD COLUMN last_seen DATETIME;
                    UPDATE volunteer SET last_seen = (
                      SELECT MAX(b.imported_at) FROM listing l JOIN import_batch b ON b.id = l.listed_batch
                      WHERE l.volunteer_id = volunteer.id);
                    UPDATE volunteer SET last_seen = (SELECT MAX(imported_at) FROM import_batch) WHERE last_seen IS NULL;
                    """)
            try db.execute(
                sql: "INSERT OR REPLACE INTO directory_setting (name, value) VALUES ('suppression-secret', ?)",
                arguments: [SuppressionKeys.newSecret().base64EncodedString()])
        }
        registerAccounts(in: &migrator)
        registerSearchFacets(in: &migrator)
        registerRowDigests(in: &migrator)
        registerStamps(in: &migrator)
        return migrator
    }
}

extension Schema {
    /// The key needs that may be the same request are found by: partner and title as matching keys.
    static func needKey(partner: String, title: String) -> String {
        partner.matchingKey + "\u{1F}" + title.matchingKey
    }

    /// The indexes only searches use (none of them is read while importing), as the migrations
    /// above leave them: a large import sets them aside and builds them again at its end. A test
    /// checks these definitions against a freshly migrated database.
    static let searchIndexes: [(name: String, definition: String)] = [
        ("volunteer_district", "CREATE INDEX volunteer_district ON volunteer(postcode_district)"),
        ("volunteer_area", "CREATE INDEX volunteer_area ON volunteer(area_key)"),
        ("volunteer_name", "CREATE INDEX volunteer_name ON volunteer(name_key, id)"),
        ("volunteer_contactable", "CREATE INDEX volunteer_contactable ON volunteer(id) WHERE consent_contact = 1"),
        (
            "volunteer_skill_key_owner",
            "CREATE INDEX volunteer_skill_key_owner ON volunteer_skill(key, volunteer_id, level)"
        ),
        (
            "volunteer_language_code_owner",
            "CREATE INDEX volunteer_language_code_owner ON volunteer_language(code, proficiency, volunteer_id, interprets)"
        ),
        (
            "volunteer_language_unrecognised",
            "CREATE INDEX volunteer_language_unrecognised ON volunteer_language(written_key) WHERE code IS NULL"
        ),
        ("membership_network", "CREATE INDEX membership_network ON membership(network_id)"),
    ]

    /// The indexes an import's identity look-ups use, which a large import sets aside with the
    /// search indexes, answering those look-ups from ``HeldKeys`` meanwhile.
    static let identityIndexes: [(name: String, definition: String)] = [
        ("volunteer_email", "CREATE INDEX volunteer_email ON volunteer(email_key)"),
        ("volunteer_phone", "CREATE INDEX volunteer_phone ON volunteer(phone_key)"),
    ]

    /// The fewest records a file must hold for its import to set the search and identity indexes aside.
    static let bulkLoadThreshold = 20_000

    /// Imports that create or update at least this many records refresh the planner's statistics.
    static let statisticsThreshold = 1_000
}

/// JSON stored in a text column: the core's ``StoredJSON``, by the name this module's code uses
/// (GRDB has a `JSONColumn` of its own, which this one shadows).
typealias JSONColumn = StoredJSON
