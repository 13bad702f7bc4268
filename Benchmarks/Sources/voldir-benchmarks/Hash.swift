import Foundation
import VolunteerDirectory

/// Times `ImportService.sha256(of:)`, the hash every import takes of its file before reading it,
/// in process: the best of `rounds` runs, so the page cache is warm and the noise is least.
func hash(file: String, rounds: Int) throws {
    let url = URL(fileURLWithPath: file)
    let bytes = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value ?? 0
    var times: [Double] = []
    var digest = ""
    for _ in 0..<max(1, rounds) {
        let start = DispatchTime.now()
        digest = try ImportService.sha256(of: url, displayName: url.lastPathComponent)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    }
    let best = times.min() ?? 0
    let all = times.map { String(format: "%.3f", $0) }.joined(separator: ", ")
    print(
        "{\"bytes\": \(bytes), \"best_s\": \(String(format: "%.3f", best)), \"runs_s\": [\(all)], "
            + "\"mb_per_s\": \(String(format: "%.0f", Double(bytes) / 1e6 / max(best, 1e-9))), \"sha256\": \"\(digest)\"}"
    )
}
