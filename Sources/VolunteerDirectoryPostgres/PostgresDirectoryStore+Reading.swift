import Foundation
import PostgresNIO
import VolunteerDirectory

/// What the directory holds: searches, volunteers and networks, each read in one snapshot.
extension PostgresDirectoryStore {
    public func search(_ query: VolunteerQuery) throws -> [VolunteerMatch] {
        let understanding = QueryUnderstanding(query, taxonomy: taxonomy, catalogue: catalogue)
        return try connections.snapshot { connection in
            let ranked = try PostgresSearch(
                query: query, understanding: understanding, taxonomy: taxonomy, catalogue: catalogue,
                cache: searchCache
            ).run(on: connection)
            let people = Dictionary(
                try PostgresVolunteerLoader.volunteers(ids: ranked.map(\.0), on: connection).map { ($0.id, $0) },
                uniquingKeysWith: { first, _ in first })
            return understanding.matches(ranked) { people[$0] }
        }
    }

    public func volunteer(id: VolunteerID) throws -> Volunteer? {
        try connections.snapshot { connection in
            try PostgresVolunteerLoader.volunteers(ids: [id], on: connection).first
        }
    }

    public func volunteers(ids: [VolunteerID]) throws -> [Volunteer] {
        try connections.snapshot { connection in try PostgresVolunteerLoader.volunteers(ids: ids, on: connection) }
    }

    public func volunteersForMatching(inBatchesOf size: Int, _ body: ([Volunteer]) throws -> Void) throws {
        try connections.snapshot { connection in
            try PostgresVolunteerLoader.everyoneWhoMayBeContacted(inBatchesOf: size, on: connection, body)
        }
    }

    public func networks() throws -> [Network] {
        try connections.withConnection { connection in
            try connection.run(
                """
                SELECT n.id, n.external_id, n.name, n.kind, n.areas, n.contact_name, n.contact_email, n.contact_phone,
                  (SELECT COUNT(*) FROM membership m WHERE m.network_id = n.id)
                FROM network n ORDER BY n.name_key COLLATE "C", n.id
                """
            ).map { row in
                let (id, externalID, name, kind, areas, contactName, contactEmail, contactPhone, members) =
                    try row.decode((Int64, String?, String, String?, String, String?, String?, String?, Int).self)
                let contact = ContactDetails(name: contactName, email: contactEmail, phone: contactPhone)
                return Network(
                    id: id, externalID: externalID, name: name, kind: kind,
                    areas: StoredJSON.decode([String].self, from: areas) ?? [],
                    contact: contact.isEmpty ? nil : contact, memberCount: members)
            }
        }
    }
}
