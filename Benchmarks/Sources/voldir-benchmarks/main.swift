import Foundation
import VolunteerDirectory
import VolunteerDirectoryGeneration
import VolunteerDirectoryPostgres
import VolunteerDirectorySQLite

/// Benchmarks that print figures; see Benchmarks/README.md. Timed here, never in unit tests.
///
///   voldir-benchmarks matching --db PATH      time each phase of a matching run on a directory
///
/// `--db` takes a file or a postgres:// URL wherever it appears.
///   voldir-benchmarks search --db PATH [--queries N] [--write-queries FILE]   search latency p50/p99
///   voldir-benchmarks lookup [--rounds N]    microseconds to understand a written language or skill
///   voldir-benchmarks hash --file PATH [--rounds N]   seconds to take a file's SHA-256, best of N (3)
///   voldir-benchmarks json --db PATH [--skill S] [--rounds N]   µs to write a 50-result search array, two ways

func seconds(_ start: DispatchTime) -> String {
    String(format: "%.2f s", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
}

/// The directory `database` names: a PostgreSQL URL, else an SQLite file.
func openStore(_ database: String) throws -> any DirectoryStore {
    PostgresLocation.isURL(database)
        ? try PostgresDirectoryStore(url: database) : try SQLiteDirectoryStore(path: database)
}

func matching(database: String) throws {
    let store = try openStore(database)
    var start = DispatchTime.now()
    let volunteers = try store.volunteersForMatching()
    let needs = try store.needs()
    print("load       \(seconds(start))  \(volunteers.count) volunteers, \(needs.count) needs")
    start = .now()
    let index = MatchIndex(volunteers: volunteers, needs: needs, taxonomy: store.taxonomy)
    print("index      \(seconds(start))")
    start = .now()
    let criteria = try MatchCriteria()
    let result = Matcher(criteria: criteria).match(index)
    let places = index.needs.reduce(0) { $0 + $1.places }
    print(
        "match      \(seconds(start))  \(result.assignments.count) of \(places) places filled, total score \(result.totalScore), \(result.pruning?.candidatesConsidered ?? result.candidates.count) candidate pairs, \(result.candidates.count) listed, \(result.pruning?.rounds ?? 1) solver rounds"
    )
    start = .now()
    let report = MatchReport(result: result, index: index, criteria: criteria, alternates: 3, audience: .coordinator)
    let html = report.html()
    print("report     \(seconds(start))  \(html.utf8.count / 1024) KB of HTML")
}

/// Runs `count` mixed searches (skill + language + postcode district) in process and prints
/// p50/p99 latency; writes the queries as JSON so the Python baseline asks the same ones.
func search(database: String, count: Int, queriesFile: String?) throws {
    let store = try openStore(database)
    var random = SeededRandom(seed: 99)
    let skills = ["befriending", "driving", "first aid", "cooking", "mentoring", "gardening", "it support", "teaching"]
    let languages = ["urd", "pol", "ben", "ara", "pan", "ron", "som", "tir", "yue", "fas", "eng", "ukr"]
    struct Query: Encodable {
        var skill: String
        var language: String
        var district: String
    }
    let queries = (0..<count).map { _ in
        Query(skill: random.element(skills), language: random.element(languages), district: "SK\(1 + random.index(8))")
    }
    if let queriesFile {
        try JSONEncoder().encode(queries).write(to: URL(fileURLWithPath: queriesFile))
    }
    // Timed in a warm process, as a long-running session (the app server) is: the queries are
    // asked once untimed, then timed. Unwarmed, the first pass's p99 was 15 to 21 ms: the host
    // reclaims page cache left idle, and that pass read the directory's pages back from disk.
    // A cold process's cost is what the search-process rows of Benchmarks/run.sh measure.
    func ask(_ query: Query) throws -> [VolunteerMatch] {
        try store.search(
            VolunteerQuery(
                skills: [query.skill], languages: [LanguageReference(written: query.language, code: query.language)],
                area: query.district,
                limit: 20))
    }
    for query in queries { _ = try ask(query) }
    var times: [Double] = []
    var found = 0
    for query in queries {
        let start = DispatchTime.now()
        let results = try ask(query)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
        found += results.count
    }
    times.sort()
    let p50 = times[times.count / 2]
    let p99 = times[min(times.count - 1, Int(Double(times.count) * 0.99))]
    print(
        "{\"queries\": \(times.count), \"p50_ms\": \(String(format: "%.3f", p50)), \"p99_ms\": \(String(format: "%.3f", p99)), \"rows\": \(found)}"
    )
}

func option(_ name: String, in arguments: ArraySlice<String>) -> String? {
    guard let index = arguments.firstIndex(of: name), arguments.index(after: index) < arguments.endIndex else {
        return nil
    }
    return arguments[arguments.index(after: index)]
}

/// The value of an option the benchmark cannot run without, or the usage line and exit 64.
func required(_ name: String, in arguments: ArraySlice<String>, usage: String) -> String {
    guard let value = option(name, in: arguments) else {
        FileHandle.standardError.write(Data("usage: voldir-benchmarks \(usage)\n".utf8))
        exit(64)
    }
    return value
}

/// An optional whole-number option, or its default.
func number(_ name: String, in arguments: ArraySlice<String>, default value: Int) -> Int {
    Int(option(name, in: arguments) ?? "") ?? value
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "search":
    try search(
        database: required("--db", in: arguments, usage: "search --db PATH [--queries N] [--write-queries FILE]"),
        count: number("--queries", in: arguments, default: 2_000),
        queriesFile: option("--write-queries", in: arguments))
case "lookup":
    try lookup(rounds: number("--rounds", in: arguments, default: 2_000))
case "hash":
    try hash(
        file: required("--file", in: arguments, usage: "hash --file PATH [--rounds N]"),
        rounds: number("--rounds", in: arguments, default: 3))
case "json":
    try json(
        database: required("--db", in: arguments, usage: "json --db PATH [--skill SKILL] [--rounds N]"),
        skill: option("--skill", in: arguments) ?? "accountancy",
        rounds: number("--rounds", in: arguments, default: 500)
    )
case "matching":
    try matching(database: required("--db", in: arguments, usage: "matching --db PATH"))
default:
    FileHandle.standardError.write(
        Data("usage: voldir-benchmarks matching|search|lookup|hash|json (see Benchmarks/README.md)\n".utf8))
    exit(64)
}
