import Foundation
import VolunteerDirectory
import VolunteerDirectorySQLite

/// The one place that turns a `--db` value into a directory: the embedded SQLite file today
/// (a path), a database server's URL when a store for it is added. Every command gets the
/// engine-neutral ``Directory`` back.
enum DirectoryFactory {
    /// Opens the directory `location` names for `access`. A missing directory opened for reading
    /// throws ``DirectoryOptions/NoDirectory``-style errors through `missing`.
    static func open(
        _ location: String, taxonomy: SkillTaxonomy, access: DirectoryAccess,
        missing: (String) -> any Error
    ) throws -> any Directory {
        if let scheme = location.split(separator: ":", maxSplits: 1).first.map(String.init),
            location.contains("://"), !scheme.isEmpty
        {
            throw UnsupportedLocation(location: location, scheme: scheme)
        }
        do {
            return try SQLiteDirectoryStore(path: location, taxonomy: taxonomy, for: access)
        } catch StoreError.noDirectory(let path) {
            throw missing(path)
        }
    }

    /// A `--db` URL of a kind this voldir cannot open.
    struct UnsupportedLocation: Error, CustomStringConvertible {
        var location: String
        var scheme: String

        var description: String {
            "--db '\(scheme)://…': this voldir keeps directories in SQLite files only; give the path of a .sqlite file"
        }
    }
}
