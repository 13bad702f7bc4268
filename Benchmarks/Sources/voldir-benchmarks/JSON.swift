import Foundation
import VolunteerDirectory
import VolunteerDirectorySQLite

/// The search array `/api/search` answers with (`--skill SKILL`, the API's default limit of 50),
/// written two ways from the same results: through `JSONEncoder` (``Presentation/json(_:)``, as
/// every answer was written before) and as the API writes it now
/// (``Presentation/volunteers(_:as:)``). Both include making the `VolunteerJSON` values. Prints
/// the median microseconds per answer over `rounds` of each, alternated, after checking that
/// both wrote the same bytes.
func json(database: String, skill: String, rounds: Int) throws {
    let store = try SQLiteDirectoryStore(path: database)
    let matches = try store.search(VolunteerQuery(skills: [skill], limit: 50))
    let encoded = try Presentation.json(matches.map(Presentation.VolunteerJSON.init))
    let written = try Presentation.volunteers(matches, as: .json)
    guard encoded == written else {
        FileHandle.standardError.write(Data("the two ways wrote different JSON for '\(skill)'\n".utf8))
        exit(1)
    }
    var encoder: [Double] = []
    var writer: [Double] = []
    var bytes = 0
    func microseconds(_ write: () throws -> String) rethrows -> Double {
        let start = DispatchTime.now()
        bytes = try write().utf8.count
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e3
    }
    for _ in 0..<max(1, rounds) {
        encoder.append(try microseconds { try Presentation.json(matches.map(Presentation.VolunteerJSON.init)) })
        writer.append(try microseconds { try Presentation.volunteers(matches, as: .json) })
    }
    let median = { (times: [Double]) in times.sorted()[times.count / 2] }
    print(
        "{\"results\": \(matches.count), \"bytes\": \(bytes), \"rounds\": \(max(1, rounds)), "
            + "\"encoder_us\": \(String(format: "%.1f", median(encoder))), "
            + "\"writer_us\": \(String(format: "%.1f", median(writer))), "
            + "\"speedup\": \(String(format: "%.1f", median(encoder) / median(writer)))}")
}
