import Foundation
import PostgresNIO
import VolunteerDirectory

/// The DBS checks held: the merged level and issue date, and whether any source says the
/// volunteer subscribes to the Update Service.
extension PostgresDirectoryStore: DBSCheckStore {
    public func dbsChecks() throws -> [HeldDBSCheck] {
        try connections.withConnection { connection in
            try connection.run(
                """
                SELECT v.id, v.name, v.dbs_level, v.dbs_issued,
                  EXISTS (SELECT 1 FROM listing l WHERE l.volunteer_id = v.id AND l.dbs_update_service = 1)
                FROM volunteer v WHERE v.dbs_level > 0 ORDER BY v.id
                """
            ).compactMap { row in
                let (id, name, level, issued, updateService) = try row.decode(
                    (Int64, String, Int64, String?, Bool).self)
                guard let level = DBSLevel(rawValue: Int(level)) else { return nil }
                return HeldDBSCheck(
                    volunteer: id, name: name,
                    check: DBSCheck(
                        level: level, issued: issued.flatMap(CalendarDate.init(parsing:)),
                        updateService: updateService ? true : nil))
            }
        }
    }
}
