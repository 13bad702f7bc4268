import Foundation
import VolunteerDirectory
import VolunteerDirectorySQLite

/// Benchmarks that print figures; see Benchmarks/README.md. Timed here, never in unit tests.
///
///   voldir-benchmarks matching --db PATH      time each phase of a matching run on a directory

func seconds(_ start: DispatchTime) -> String {
    String(format: "%.2f s", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
}

func matching(database: String) throws {
    let store = try SQLiteDirectoryStore(path: database)
    var start = DispatchTime.now()
    let volunteers = try store.volunteersForMatching()
    let needs = try store.needs()
    print("load       \(seconds(start))  \(volunteers.count) volunteers, \(needs.count) needs")
    start = .now()
    let index = MatchIndex(volunteers: volunteers, needs: needs)
    print("index      \(seconds(start))")
    start = .now()
    let criteria = try MatchCriteria()
    let result = Matcher(criteria: criteria).match(index)
    let places = index.needs.reduce(0) { $0 + $1.places }
    print("match      \(seconds(start))  \(result.assignments.count) of \(places) places filled, total score \(result.totalScore), \(result.pruning?.candidatesConsidered ?? result.candidates.count) candidate pairs, \(result.candidates.count) listed, \(result.pruning?.rounds ?? 1) solver rounds")
    start = .now()
    let report = MatchReport(result: result, index: index, criteria: criteria, alternates: 3, audience: .coordinator)
    let html = report.html()
    print("report     \(seconds(start))  \(html.utf8.count / 1024) KB of HTML")
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "matching":
    guard let index = arguments.firstIndex(of: "--db"), arguments.index(after: index) < arguments.endIndex else {
        FileHandle.standardError.write(Data("usage: voldir-benchmarks matching --db PATH\n".utf8))
        exit(64)
    }
    try matching(database: arguments[arguments.index(after: index)])
default:
    FileHandle.standardError.write(Data("usage: voldir-benchmarks matching --db PATH\n".utf8))
    exit(64)
}
