/// `voldir copy`: a whole directory moved from one store into an empty one (SQLite to
/// PostgreSQL, or back), table by table, and checked: each table's rows counted as read from the
/// source, in one snapshot, must be the rows the target holds before it commits.
public struct DirectoryCopy: Sendable {
    /// What was copied: each table's rows, as read from the source and as the target counted them.
    public struct Outcome: Sendable, Hashable {
        /// Rows read from the source, by table.
        public var read: [String: Int]
        /// Rows the target holds, by table, counted before it committed.
        public var held: [String: Int]

        /// Each portable table's counts, in ``PortableTable/all``'s order.
        public var rows: [(table: String, read: Int, held: Int)] {
            PortableTable.all.map { ($0.name, read[$0.name] ?? 0, held[$0.name] ?? 0) }
        }
    }

    /// The counts did not agree: nothing was kept.
    public struct Mismatch: Error, CustomStringConvertible {
        /// The table whose counts differ.
        public var table: String
        /// Its rows as read from the source.
        public var read: Int
        /// Its rows as the target counted them.
        public var held: Int

        public var description: String {
            "the copy of table '\(table)' holds \(held) rows where \(read) were read: nothing was kept"
        }
    }

    /// The directory to copy into already holds something: a copy never mixes two directories.
    public struct TargetNotEmpty: Error, CustomStringConvertible {
        /// The first table found holding rows.
        public var table: String

        /// `table` is the first of ``DirectoryCopy/mustBeEmpty``, in its order, that the store found holding rows.
        public init(table: String) {
            self.table = table
        }

        public var description: String {
            "the directory to copy into already holds data (its '\(table)' table is not empty): copy into a new, empty one"
        }
    }

    /// The tables a store checks are empty before it loads a copy.
    public static let mustBeEmpty = [
        "volunteer", "network", "need", "import_batch", "account", "audit_entry", "suppression", "erasure",
    ]

    /// A copy holds nothing of its own: all the work is in ``copy(from:to:)``.
    public init() {}

    /// Copies everything `source` holds into `target`, which must hold nothing yet.
    public func copy(from source: any PortableDirectory, to target: any PortableDirectory) throws -> Outcome {
        var read: [String: Int] = [:]
        var held: [String: Int] = [:]
        try target.loadRows(
            { insert in
                // Needs that name another as their duplicate wait until every need is in.
                var duplicates: [[TableValue]] = []
                let needs = PortableTable.all.first { $0.name == "need" }
                let duplicateColumn = needs?.columns.firstIndex { $0.name == "duplicate_of" }
                try source.readRows(of: PortableTable.all) { table, row in
                    read[table.name, default: 0] += 1
                    if table.name == "need", let column = duplicateColumn, row[column] != .null {
                        duplicates.append(row)
                        return
                    }
                    if table.name != "need", let needs, !duplicates.isEmpty {
                        for row in duplicates { try insert(needs, row) }
                        duplicates = []
                    }
                    try insert(table, row)
                }
                if let needs { for row in duplicates { try insert(needs, row) } }
            },
            verify: { counts in
                held = counts
                for table in PortableTable.all where (read[table.name] ?? 0) != (counts[table.name] ?? 0) {
                    throw Mismatch(table: table.name, read: read[table.name] ?? 0, held: counts[table.name] ?? 0)
                }
            })
        return Outcome(read: read, held: held)
    }
}
