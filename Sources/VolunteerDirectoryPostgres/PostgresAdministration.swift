import PostgresNIO

/// Creating and dropping whole databases on a server: what the tests do for each directory they
/// make, and what a deployment's set-up script would otherwise do with `createdb`.
public enum PostgresAdministration {
    /// Creates an empty database `name` (letters, digits and `_` only) on the server `server`
    /// names, connecting to `server`'s own database to do it.
    public static func createDatabase(named name: String, on server: PostgresLocation) throws {
        try run("CREATE DATABASE \(try identifier(name)) ENCODING 'UTF8' TEMPLATE template0", on: server)
    }

    /// Drops database `name`, ending any session still connected to it.
    public static func dropDatabase(named name: String, on server: PostgresLocation) throws {
        try run("DROP DATABASE IF EXISTS \(try identifier(name)) WITH (FORCE)", on: server)
    }

    private static func run(_ statement: String, on server: PostgresLocation) throws {
        let connections = try PostgresConnections(location: server)
        defer { connections.closeIdle() }
        try connections.withConnection { connection in
            try connection.run(PostgresQuery(unsafeSQL: statement))
        }
    }

    private static func identifier(_ name: String) throws -> String {
        guard !name.isEmpty, name.count <= 63,
            name.unicodeScalars.allSatisfy({
                $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
            })
        else {
            throw PostgresStoreError.badURL(name, reason: "a database name of letters, digits and '_' is needed")
        }
        return "\"\(name)\""
    }
}
