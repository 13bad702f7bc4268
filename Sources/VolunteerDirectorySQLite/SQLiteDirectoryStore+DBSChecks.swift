import Foundation
import GRDB
import VolunteerDirectory

/// The DBS checks held: the merged level and issue date, and whether any source says the
/// volunteer subscribes to the Update Service.
extension SQLiteDirectoryStore: DBSCheckStore {
    public func dbsChecks() throws -> [HeldDBSCheck] {
        try reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.id, v.name, v.dbs_level, v.dbs_issued,
                      EXISTS (SELECT 1 FROM listing l WHERE l.volunteer_id = v.id AND l.dbs_update_service = 1)
                        AS update_service
                    FROM volunteer v WHERE v.dbs_level > 0 ORDER BY v.id
                    """
            ).compactMap { row in
                let issued: String? = row["dbs_issued"]
                let updateService: Bool = row["update_service"]
                guard let level = DBSLevel(rawValue: row["dbs_level"]) else { return nil }
                return HeldDBSCheck(
                    volunteer: row["id"], name: row["name"],
                    check: DBSCheck(
                        level: level, issued: issued.flatMap(CalendarDate.init(parsing:)),
                        updateService: updateService ? true : nil))
            }
        }
    }
}
