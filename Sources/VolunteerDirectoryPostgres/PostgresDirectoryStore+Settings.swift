import Foundation
import PostgresNIO
import VolunteerDirectory

/// The data-protection settings, kept in `directory_setting` as `retention` and `dbs-valid-for`.
extension PostgresDirectoryStore: SettingsStore {
    public func settings() throws -> DirectorySettings {
        let names = DirectorySettings.Name.allCases.map(\.rawValue)
        return try connections.withConnection { connection in
            var settings = DirectorySettings.defaults
            for row in try connection.run("SELECT name, value FROM directory_setting WHERE name = ANY(\(names))") {
                let (name, text) = try row.decode((String, String).self)
                if let name = DirectorySettings.Name(rawValue: name), let period = Period(parsing: text) {
                    settings[name] = period
                }
            }
            return settings
        }
    }

    public func update(_ name: DirectorySettings.Name, to value: Period, actor: String) throws {
        try connections.transaction { connection in
            try connection.run(
                """
                INSERT INTO directory_setting (name, value) VALUES (\(name.rawValue), \(value.description))
                ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value
                """)
            try Self.appendAudit(
                [
                    (
                        AuditEvent(
                            actor: actor, action: "settings", target: name.rawValue,
                            detail: "set to \(value.description)"), []
                    )
                ], on: connection)
        }
    }
}
