import Foundation
import GRDB
import VolunteerDirectory

extension SQLiteDirectoryStore {
    public func mergeNeeds(keep: String, other: String) throws -> NeedMerge {
        guard keep != other else { throw NeedMergeError.sameNeed(keep) }
        return try transaction { db in
            for id in [keep, other]
            where try Bool.fetchOne(db, sql: "SELECT 1 FROM need WHERE id = ?", arguments: [id]) == nil {
                throw NeedMergeError.unknownNeed(id)
            }
            // A volunteer placed on both keeps the more decided placement: confirmed, then declined,
            // then proposed; on a tie, the kept need's.
            let rank = "CASE status WHEN 'confirmed' THEN 3 WHEN 'declined' THEN 2 ELSE 1 END"
            let pairs = try Row.fetchAll(
                db,
                sql: """
                    SELECT o.id AS other_id, k.id AS kept_id, (\(rank.replacingOccurrences(of: "status", with: "o.status"))) >
                      (\(rank.replacingOccurrences(of: "status", with: "k.status"))) AS other_wins
                    FROM placement o JOIN placement k ON k.volunteer_id = o.volunteer_id AND k.need_id = ?
                    WHERE o.need_id = ?
                    """, arguments: [keep, other])
            for pair in pairs {
                let otherWins: Bool = pair["other_wins"]
                let loser: Int64 = otherWins ? pair["kept_id"] : pair["other_id"]
                try db.execute(sql: "DELETE FROM placement WHERE id = ?", arguments: [loser])
            }
            try db.execute(sql: "UPDATE placement SET need_id = ? WHERE need_id = ?", arguments: [keep, other])
            let moved = db.changesCount
            try db.execute(
                sql: "UPDATE need SET duplicate_of = ? WHERE duplicate_of = ? AND id <> ?",
                arguments: [keep, other, keep])
            try db.execute(
                sql: "UPDATE need SET duplicate_of = NULL WHERE id = ? AND duplicate_of = ?", arguments: [keep, other])
            try db.execute(sql: "UPDATE need_merge SET kept = ? WHERE kept = ?", arguments: [keep, other])
            try db.execute(sql: "INSERT OR REPLACE INTO need_merge (id, kept) VALUES (?, ?)", arguments: [other, keep])
            try db.execute(sql: "DELETE FROM need WHERE id = ?", arguments: [other])
            let confirmed =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM placement WHERE need_id = ? AND status = 'confirmed'",
                    arguments: [keep]) ?? 0
            let places = try Int.fetchOne(db, sql: "SELECT places FROM need WHERE id = ?", arguments: [keep]) ?? 0
            return NeedMerge(
                kept: keep, removed: other, moved: moved, dropped: pairs.count, confirmed: confirmed, places: places)
        }
    }
}
