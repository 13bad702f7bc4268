import Foundation

/// A table every store keeps with the same columns: together, the portable form of a directory
/// that `voldir copy` moves from one store to another (SQLite to PostgreSQL and back).
///
/// What a store derives from these (its full-text index, the SQLite store's search facets) is not
/// portable: the store that receives a copy builds it again.
public struct PortableTable: Sendable, Hashable {
    /// How a column's values are exchanged.
    public enum Kind: Sendable, Hashable {
        /// A whole number (ids, counts, flags, levels).
        case integer
        /// A floating-point number (scores).
        case real
        /// Text, dates written as text included.
        case text
        /// Raw bytes (the audit log's salts).
        case bytes
        /// A moment in time, which each store keeps in its own way.
        case moment
    }

    /// One column.
    public struct Column: Sendable, Hashable {
        /// Its name, the same in every store.
        public var name: String
        /// How its values are exchanged.
        public var kind: Kind
    }

    /// The table's name, the same in every store.
    public var name: String
    /// Its columns, in the order rows are exchanged.
    public var columns: [Column]
    /// The columns rows are read in order of (the primary key), so that a copy is the same each time.
    public var order: [String]

    init(_ name: String, _ columns: String, order: [String]) {
        self.name = name
        self.order = order
        self.columns = columns.split(separator: " ").map { spec in
            let parts = spec.split(separator: ":")
            let kind: Kind =
                switch parts.count > 1 ? String(parts[1]) : "t" {
                case "i": .integer
                case "r": .real
                case "b": .bytes
                case "m": .moment
                default: .text
                }
            return Column(name: String(parts[0]), kind: kind)
        }
    }

    /// Every portable table, each after the tables its rows refer to. Columns are written
    /// `name:kind` (`i` integer, `r` real, `b` bytes, `m` a moment in time; text when none).
    public static let all: [PortableTable] = [
        PortableTable(
            "network",
            "id:i name name_key external_id kind areas contact_name contact_email contact_phone updated fingerprint",
            order: ["id"]),
        PortableTable(
            "volunteer",
            """
            id:i name name_key email email_key phone phone_key postcode postcode_district area area_key age_band notes \
            dbs_level:i dbs_issued consent_contact:i consent_share:i consent_recorded last_seen:m
            """, order: ["id"]),
        PortableTable("source", "id:i name", order: ["id"]),
        PortableTable(
            "import_batch",
            """
            id:i file_name sha256 plugin imported_at:m created:i updated:i unchanged:i rejected:i erased:i source \
            sequence:i ended:i file_date:m
            """, order: ["id"]),
        PortableTable(
            "listing",
            """
            source_id:i listing_id volunteer_id:i fingerprint consent_contact:i consent_share:i consent_recorded \
            dbs_level:i dbs_issued listed_batch:i listed_as_of:i name_key email_key phone_key first_batch:i \
            dbs_update_service:i
            """, order: ["source_id", "listing_id"]),
        PortableTable(
            "ended_listing", "source_id:i listing_id volunteer_id:i ended_as_of:i", order: ["source_id", "listing_id"]),
        PortableTable("membership", "volunteer_id:i network_id:i role since", order: ["volunteer_id", "network_id"]),
        PortableTable(
            "volunteer_skill", "volunteer_id:i source_id:i position:i written key level:i qualified_in",
            order: ["volunteer_id", "source_id", "position"]),
        PortableTable(
            "volunteer_language",
            "volunteer_id:i source_id:i position:i written written_key code script proficiency:i interprets:i",
            order: ["volunteer_id", "source_id", "position"]),
        PortableTable(
            "volunteer_availability", "volunteer_id:i source_id:i slots:i", order: ["volunteer_id", "source_id"]),
        // A need may name another as the one it duplicates: ``DirectoryCopy`` loads those last.
        PortableTable(
            "need", "id partner title places:i details fingerprint source match_key duplicate_of", order: ["id"]),
        PortableTable("need_merge", "id kept", order: ["id"]),
        PortableTable(
            "placement", "id:i need_id volunteer_id:i score:r status proposed_at:m decided_at:m", order: ["id"]),
        PortableTable("skill_mapping", "key concept kind", order: ["key", "concept"]),
        PortableTable("directory_setting", "name value", order: ["name"]),
        PortableTable("suppression", "id:i at:m reason", order: ["id"]),
        PortableTable("suppression_key", "hash suppression_id:i", order: ["hash"]),
        PortableTable("erasure", "id:i volunteer_id:i at:m", order: ["id"]),
        PortableTable(
            "audit_entry",
            "id:i at actor action target people origin redacts detail detail_salt:b detail_digest hash", order: ["id"]),
        PortableTable(
            "account", "name role partner password_hash must_change_password:i created_at:m", order: ["name"]),
        PortableTable("web_session", "token_hash account csrf_token created_at:m expires_at:m", order: ["token_hash"]),
        PortableTable("sign_in_failure", "key at:m", order: ["key", "at"]),
    ]
}

/// One cell of a portable table.
public enum TableValue: Sendable, Hashable {
    /// No value (SQL `NULL`).
    case null
    /// A value of a ``PortableTable/Kind/integer`` column.
    case integer(Int64)
    /// A value of a ``PortableTable/Kind/real`` column.
    case real(Double)
    /// A value of a ``PortableTable/Kind/text`` column.
    case text(String)
    /// A value of a ``PortableTable/Kind/bytes`` column.
    case bytes([UInt8])
    /// A value of a ``PortableTable/Kind/moment`` column.
    case moment(Date)
}

/// A store's side of `voldir copy`: its portable tables read in one snapshot, and loaded into an
/// empty directory in one transaction.
public protocol PortableDirectory: Sendable {
    /// Calls `row` with every row of every table in `tables`, table by table in the order given,
    /// all read in one snapshot.
    func readRows(of tables: [PortableTable], _ row: (PortableTable, [TableValue]) throws -> Void) throws

    /// Loads a whole directory into this one, which must hold nothing yet (it may be newly made:
    /// its own settings are replaced by those loaded). `fill` calls `insert` with each row, tables
    /// in ``PortableTable/all``'s order. Before committing, the store builds what it derives from
    /// the tables, then hands `verify` its own count of each table's rows: when `verify` throws,
    /// nothing is kept.
    func loadRows(
        _ fill: (_ insert: (PortableTable, [TableValue]) throws -> Void) throws -> Void,
        verify: ([String: Int]) throws -> Void
    ) throws
}
