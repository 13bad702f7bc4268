import Foundation
import GRDB
import VolunteerDirectory

/// The data-protection settings, kept in `directory_setting` as `retention` and `dbs-valid-for`.
extension SQLiteDirectoryStore: SettingsStore {
    public func settings() throws -> DirectorySettings {
        try reader.read { db in
            var settings = DirectorySettings.defaults
            for name in DirectorySettings.Name.allCases {
                if let text = try String.fetchOne(
                    db, sql: "SELECT value FROM directory_setting WHERE name = ?", arguments: [name.rawValue]),
                    let period = Period(parsing: text)
                {
                    settings[name] = period
                }
            }
            return settings
        }
    }

    public func update(_ name: DirectorySettings.Name, to value: Period, actor: String) throws {
        try transaction { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO directory_setting (name, value) VALUES (?, ?)",
                arguments: [name.rawValue, value.description])
            try Self.appendAudit(
                AuditEvent(
                    actor: actor, action: "settings", target: name.rawValue, detail: "set to \(value.description)"),
                in: db)
        }
    }
}
