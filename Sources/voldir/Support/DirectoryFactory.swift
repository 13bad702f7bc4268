import Foundation
import VolunteerDirectory
import VolunteerDirectoryPostgres
import VolunteerDirectorySQLite

/// The one place that turns a `--db` value into a directory: a path is an embedded SQLite file, a
/// `postgres://` (or `postgresql://`) URL a shared PostgreSQL database. Every command gets the
/// engine-neutral ``Directory`` back.
enum DirectoryFactory {
    /// Opens the directory `location` names for `access`. A missing directory opened for reading
    /// throws what `missing` makes of the location as it may be shown (no password).
    static func open(
        _ location: String, taxonomy: SkillTaxonomy, access: DirectoryAccess,
        missing: (String) -> any Error
    ) throws -> any Directory {
        if PostgresLocation.isURL(location) {
            do {
                return try PostgresDirectoryStore(url: location, taxonomy: taxonomy, access: access)
            } catch PostgresStoreError.noDirectory(let database) {
                throw missing(database.redactedURL)
            }
        }
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

    /// `location` as it may be shown in messages and logs: a URL without its password.
    static func shown(_ location: String) -> String {
        guard PostgresLocation.isURL(location) else { return location }
        return (try? PostgresLocation(url: location))?.redactedURL ?? "the PostgreSQL URL given"
    }

    /// A `--db` URL of a kind this voldir cannot open.
    struct UnsupportedLocation: Error, CustomStringConvertible {
        var location: String
        var scheme: String

        var description: String {
            "--db '\(scheme)://…': voldir keeps directories in SQLite files or PostgreSQL databases; give the path of a .sqlite file or a postgres://USER:PASSWORD@HOST:PORT/DATABASE URL"
        }
    }
}
